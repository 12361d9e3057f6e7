/**
 * "Facts carry over; sentences never do." The answers must not repeat the source page word for word.
 * The page itself is not ours to ship, so the repository keeps only a fingerprint of it: a hash of
 * every run of eight words. That is enough to find a copied run, and not enough to rebuild the page.
 */
export const RUN = 8;

/** Words as compared: lower case, markup and punctuation gone, web addresses left out. */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[’']/g, "'")
    .match(/[a-z0-9']+/g) ?? [];

/** FNV-1a, 32 bits, in base 36: short, stable, and one-way enough for eight words. */
export function hashRun(words: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = words.join(' ');
  // Code point by code point, as `for…of` would go, without its iterator: the check hashes every run of every answer.
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    hash ^= code;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function fingerprint(sourceText: string): string[] {
  const words = wordsOf(sourceText);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) runs.add(hashRun(words.slice(i, i + RUN)));
  return [...runs].sort();
}

/** Runs of eight or more words in `text` whose every eight-word window is in the fingerprint. */
export function copiedRuns(text: string, print: ReadonlySet<string>): string[] {
  const words = wordsOf(text);
  const found: string[] = [];
  let i = 0;
  while (i + RUN <= words.length) {
    if (!print.has(hashRun(words.slice(i, i + RUN)))) {
      i++;
      continue;
    }
    let end = i + RUN;
    while (end < words.length && print.has(hashRun(words.slice(end - RUN + 1, end + 1)))) end++;
    found.push(words.slice(i, end).join(' '));
    i = end;
  }
  return found;
}
