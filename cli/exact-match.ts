import type { IModel } from 'virtual-core';
import type { SamplePhrase, SamplePhraseTest } from 'virtual-core/lib/src/SampleUtterances';

/** A sentence that says a sample of the interaction model exactly: its intent and the words in each slot. */
export interface ExactMatch {
  readonly intent: string;
  readonly slots: Record<string, string>;
}

// virtual-core's own clean-up of a sentence before it is matched (SampleUtterances.js, SamplePhraseTest).
const PUNCTUATION = /[!"¿?|#$%/()=+\-_<>*{}·¡[\].,;:]/g;

interface Compiled {
  readonly sample: SamplePhrase;
  readonly regex: RegExp;
  /** The words before the first slot, lower-cased, which a matching sentence starts with; '' when that cannot be told. */
  readonly starts: string;
  /** The words after the last slot, which it ends with; '' when that cannot be told. */
  readonly ends: string;
}

const compiled = new WeakMap<IModel, readonly Compiled[]>();

function samplesOf(model: IModel): readonly Compiled[] {
  let samples = compiled.get(model);
  if (!samples) {
    samples = model.intentSchema
      .intents()
      .flatMap((intent) => model.sampleUtterances.samplesForIntent(intent.name))
      .map((sample) => {
        const brace = sample.phrase.indexOf('{');
        const last = sample.phrase.lastIndexOf('}');
        const head = (brace >= 0 ? sample.phrase.slice(0, brace) : sample.phrase).trim().toLowerCase();
        const tail =
          last >= 0
            ? sample.phrase
                .slice(last + 1)
                .trim()
                .toLowerCase()
            : '';
        // A pattern character in the words would match more than the words themselves: test those samples always.
        const plain = (words: string): string => (/[.*+?^${}()|[\]\\]/.test(words) ? '' : words);
        return { sample, regex: sample.regex(), starts: plain(head), ends: plain(tail) };
      });
    compiled.set(model, samples);
  }
  return samples;
}

/**
 * What virtual-core's `new Utterance(model, sentence)` finds, the same sample by the same rules, but
 * with each sample's pattern built once per model rather than once per sentence: virtual-core rebuilds
 * thousands of regular expressions for every sentence, which was most of the time `npm test` took.
 * Only the samples whose pattern fits go through virtual-core's own slot check and scoring.
 */
export function exactMatch(model: IModel, sentence: string): ExactMatch | undefined {
  const clean = sentence.replace(PUNCTUATION, '');
  const lower = clean.toLowerCase();
  let top: SamplePhraseTest | undefined;
  for (const { sample, regex, starts, ends } of samplesOf(model)) {
    // The pattern is anchored at both ends: a sentence that does not begin and end with its words cannot match.
    if (!lower.startsWith(starts) || !lower.endsWith(ends) || !regex.test(clean)) continue;
    const test = sample.matchesUtterance(sentence);
    if (!test.matches()) continue;
    if (!top || test.score() > top.score() || (test.score() === top.score() && test.scoreSlots() > top.scoreSlots())) top = test;
  }
  if (!top) return undefined;
  const slots: Record<string, string> = {};
  top.slotValues().forEach((value, i) => {
    const name = top.samplePhrase.slotName(i);
    if (name !== undefined && value.trim().length > 0) slots[name] = value.trim();
  });
  return { intent: top.samplePhrase.intent, slots };
}
