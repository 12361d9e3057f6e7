import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleInfo } from '../lambda/content/resources';
import { isObject, type Json, type Problem } from './content-basics';

interface Pair {
  readonly british: string;
  readonly american: string;
  readonly canadian?: string;
  readonly whole?: boolean;
}

/** Every text a listener hears or reads on a card, titles included, with the key a reviewer finds it by. */
function* shownTexts(node: unknown, key = ''): Generator<{ key: string; text: string }> {
  if (typeof node === 'string') yield { key, text: node };
  else if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* shownTexts(item, `${key}[${i}]`);
  else if (isObject(node))
    for (const [field, value] of Object.entries(node)) {
      if (['written', 'sources', 'signOff', 'status', 'verified'].includes(field)) continue;
      yield* shownTexts(value, key ? `${key}.${field}` : field);
    }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Namespaces a listener hears or reads. Sources name their publishers as they are; triage.json is the reviewers' table. */
const SHOWN = ['topics', 'terms', 'prompts', 'labels', 'numbers', 'safety', 'questions', 'primaries'] as const;

/**
 * What one locale says, after its fallbacks filled the gaps, checked for another country's words:
 * its `neverSay` list (services and numbers that do not work there) and the spelling it writes.
 */
export function localeWordProblems(
  file: (ns: string) => string,
  data: Record<string, Json>,
  info: Pick<LocaleInfo, 'neverSay' | 'spelling'>,
  pairs: readonly Pair[],
): Problem[] {
  const out: Problem[] = [];
  const banned = (info.neverSay ?? []).map((word) => ({ word, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'u') }));
  const spelling = info.spelling;
  const wrong = spelling
    ? pairs.flatMap((pair) => {
        const right = pair[spelling] ?? pair.american;
        return [pair.british, pair.american]
          .filter((form) => form !== right)
          .map((form) => ({ right, pattern: new RegExp(`\\b${escape(form)}${pair.whole ? '\\b' : '\\w*'}`, 'gi') }));
      })
    : [];
  for (const ns of SHOWN)
    for (const { key, text } of shownTexts(data[ns])) {
      for (const { word, pattern } of banned)
        if (pattern.test(text)) out.push({ file: file(ns), key, reason: `says "${word}", which is another country's: say what works here` });
      for (const { right, pattern } of wrong)
        for (const match of text.matchAll(pattern))
          if (!text.slice(match.index).toLowerCase().startsWith(right.toLowerCase()))
            out.push({ file: file(ns), key, reason: `spells "${match[0]}": this locale writes "${right}…" (content/spelling.json)` });
    }
  return out;
}

/** content/spelling.json, or no pairs where a copy of the content has none. */
export function readSpelling(contentDir: string): Pair[] {
  const path = join(contentDir, 'spelling.json');
  if (!existsSync(path)) return [];
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { pairs?: Pair[] };
  return parsed.pairs ?? [];
}
