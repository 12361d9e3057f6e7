import { MAX_TURN_WORDS } from '../lambda/content/prompt-keys';
import { LISTED_SITES } from '../lambda/topics/primary-note';
import { SITES } from '../lambda/topics/topic-table';
import { countWords, isObject, type Json, type Problem } from './content-basics';

/** The sentences said about a cancer as it began, and what each may fill in. */
export const PRIMARY_TEMPLATES = {
  often: ['name', 'Name', 'place'],
  notOften: ['name', 'Name', 'place'],

  anywhere: ['name', 'Name'],
} as const;

/** How the content check reads one spoken text and one sourced entry; passed in, so this module stands alone. */
export interface Checks {
  spoken(text: string, vars: readonly string[]): string[];
  /** Sources listed in sources.json, and the written date. */
  sourced(value: Json): string[];
  /** The longest text that can follow a note in one turn at `site`: that place's answer, a reminder and an offer. */
  wordsAfter(site: string): number;
}

/**
 * primaries.json: for each cancer as it began (a PrimaryType id), its name and the places it is among
 * the cancers most often to spread to, with sources; and the sentences made from them. A note comes
 * before the answer for the place, so the whole turn is held to MAX_TURN_WORDS with the longest name.
 */
export function primaryProblems(file: string, primaries: Json, checks: Checks): Problem[] {
  const out: Problem[] = [];
  const cancers = isObject(primaries.cancers) ? primaries.cancers : {};
  if (Object.keys(cancers).length === 0) out.push({ file, key: 'cancers', reason: 'missing: one entry per cancer the skill hears as where it began' });
  const names: string[] = [];
  for (const [id, value] of Object.entries(cancers)) {
    const add = (reason: string) => out.push({ file, key: `cancers.${id}`, reason });
    if (!isObject(value)) {
      add('should be an entry with title, name, spreadsTo, sources and written');
      continue;
    }
    if (typeof value.title !== 'string' || !value.title.trim()) add('"title" is missing or empty');
    if (typeof value.name !== 'string' || !value.name.trim()) add('"name" is missing: how the cancer is said, e.g. "kidney cancer"');
    else names.push(value.name);
    const to = value.spreadsTo;
    if (!Array.isArray(to) || !to.every((s) => typeof s === 'string' && (SITES as readonly string[]).includes(s)))
      add(`"spreadsTo" should list places the skill knows (${SITES.join(', ')}), or be empty`);
    for (const reason of checks.sourced(value)) add(reason);
  }
  const longest = names.reduce((a, b) => (countWords(b) > countWords(a) ? b : a), '');
  for (const [key, vars] of Object.entries(PRIMARY_TEMPLATES)) {
    const text = primaries[key];
    if (typeof text !== 'string') {
      out.push({ file, key, reason: 'missing: the skill says this' });
      continue;
    }
    for (const reason of checks.spoken(text, vars)) out.push({ file, key, reason });
    const filled = text.replace(/\{\{\s*name\s*\}\}/gi, longest).replace(/\{\{\s*place\s*\}\}/g, 'the lymph nodes');
    // "Often" and "not often" are said only where there is a list of the cancers that spread there.
    const sites = key === 'anywhere' ? SITES.filter((s) => s !== 'general' && s !== 'breast') : LISTED_SITES;
    const total = countWords(filled) + Math.max(...sites.map((s) => checks.wordsAfter(s)));
    if (total > MAX_TURN_WORDS) out.push({ file, key, reason: `a turn with it runs ${total} words (max ${MAX_TURN_WORDS}): shorten it` });
  }
  return out;
}
