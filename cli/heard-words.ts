/** Typed words as Alexa's speech recogniser would hear them, for every way the terminal understands a sentence. */

// Words people say that carry no request; Alexa's speech recogniser drops most of them too.
const FILLERS = new Set(['erm', 'um', 'umm', 'uh', 'er', 'ah', 'hmm', 'mm', 'oh', 'eh', 'alexa']);
const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Typed text as Alexa would hear it: lower case, no punctuation, numbers as words, no fillers. */
export function normalise(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/&/g, ' and ')
      .replace(/\b(\d+)\b/g, (digits) => NUMBERS[Number(digits)] ?? digits)
      // Said or written out in full, a negation is heard the same: "cannot" and "can't" are one word to Alexa.
      .replace(/\b(can ?not)\b/g, "can't")
      .replace(/\b(will|do|does|did|is|are|was|has|have|had|could|would|should) not\b/g, (_m, verb: string) => (verb === 'will' ? "won't" : `${verb}n't`))
      // Letters of any language: Spanish "pulmón" and "señal" keep their accents, as Alexa writes them.
      .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
      .replace(/(^|\s)'+|'+(?=\s|$)/g, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 0 && !FILLERS.has(word))
      .join(' ')
  );
}

/** A light stem so "bones"/"bone" and "mum's"/"mum" meet; applied to both sides alike. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}
