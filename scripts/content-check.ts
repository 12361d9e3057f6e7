import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ANSWER_WORDS, MAX_REMINDER_WORDS, MAX_REVIEW_AGE_YEARS, OPTIONAL_PROMPT_PATTERN, PROMPT_VARS } from '../lambda/content/prompt-keys';
import { NAMESPACES } from '../lambda/content/resources';
import { ASPECTS, SITE_ASPECTS, SITES, TERMS } from '../lambda/topics/topic-table';

/** One thing a reviewer must fix, said the way they would look for it. */
export interface Problem {
  readonly file: string;
  readonly key: string;
  readonly reason: string;
}

export const describe = (p: Problem): string => `${p.file} ${p.key}: ${p.reason}`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** Checks shared by every spoken string: things a listener would hear wrong. */
function spokenProblems(text: string, allowedVars: readonly string[], maxWords: number, verified: readonly string[]): string[] {
  const reasons: string[] = [];
  if (text.trim().length === 0) return ['is empty'];
  const words = countWords(text);
  if (words > maxWords) reasons.push(`${words} words (max ${maxWords})`);
  for (const name of placeholders(text)) {
    if (!allowedVars.includes(name)) reasons.push(`unknown placeholder {{${name}}}${allowedVars.length ? ` (allowed: ${allowedVars.join(', ')})` : ' (none allowed here)'}`);
  }
  if (/\{\{|\}\}/.test(text.replace(/\{\{\s*[^}\s]+\s*\}\}/g, ''))) reasons.push('has an unclosed {{ or }}');
  if (/[<>]/.test(text)) reasons.push('has markup (< or >): write plain words, the skill adds speech marks itself');
  const unlisted = verified.reduce((rest, number) => rest.split(number).join(' '), text);
  if (/\d/.test(unlisted)) reasons.push('has a number that is not a verified number in numbers.json: spell other numbers as words');
  for (const sentence of text.split(/[.?!]/)) {
    if ((sentence.match(/,/g) ?? []).length >= 3) reasons.push(`lists more than three things in one breath: "${sentence.trim().slice(0, 60)}…"`);
  }
  return reasons;
}

function reviewedProblem(value: unknown, today: Date): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    return 'needs "reviewed" as a date like 2026-11-25';
  }
  const reviewed = new Date(value);
  if (reviewed.getTime() > today.getTime()) return `reviewed date ${value} is in the future`;
  const limit = new Date(today);
  limit.setFullYear(limit.getFullYear() - MAX_REVIEW_AGE_YEARS);
  if (reviewed.getTime() < limit.getTime()) return `reviewed ${value}: more than ${MAX_REVIEW_AGE_YEARS} years ago, check it against its sources again`;
  return undefined;
}

function checkEntry(file: string, key: string, value: unknown, sources: Json, today: Date, verified: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const add = (reason: string) => out.push({ file, key, reason });
  if (!isObject(value)) {
    add(value === undefined ? 'missing: the skill needs this answer' : 'should be an entry with title, answer, sources and reviewed');
    return out;
  }
  for (const field of ['title', 'answer'] as const) {
    const text = value[field];
    if (typeof text !== 'string' || text.trim().length === 0) add(`"${field}" is missing or empty`);
  }
  for (const field of ['answer', 'more', 'moreOffer'] as const) {
    const text = value[field];
    if (text === undefined) continue;
    if (typeof text !== 'string') add(`"${field}" should be text`);
    else for (const reason of spokenProblems(text, [], MAX_ANSWER_WORDS, verified)) add(`${field} ${reason}`);
  }
  if (value.moreOffer !== undefined && value.more === undefined) add('"moreOffer" without "more": nothing to offer');
  const cited = value.sources;
  if (!Array.isArray(cited) || cited.length === 0) add('has no source: list at least one id from sources.json');
  else for (const id of cited) if (typeof id !== 'string' || !isObject(sources[id])) add(`cites "${String(id)}", which is not in sources.json`);
  const reviewed = reviewedProblem(value.reviewed, today);
  if (reviewed) add(reviewed);
  const known = new Set(['title', 'answer', 'more', 'moreOffer', 'sources', 'reviewed']);
  for (const field of Object.keys(value)) if (!known.has(field)) add(`unknown field "${field}" (the skill ignores it)`);
  return out;
}

function readJson(path: string, file: string, problems: Problem[]): Json {
  if (!existsSync(path)) {
    problems.push({ file, key: '(file)', reason: 'missing' });
    return {};
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isObject(parsed)) return parsed;
    problems.push({ file, key: '(file)', reason: 'should hold one { … } object' });
  } catch (error) {
    problems.push({ file, key: '(file)', reason: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  return {};
}

const get = (root: Json, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), root);

/** Checks every locale folder under `contentDir`; returns nothing when all is well. */
export function checkContent(contentDir: string, today = new Date()): Problem[] {
  const problems: Problem[] = [];
  const locales = readdirSync(contentDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const locale of locales) {
    const file = (ns: string) => `content/${locale}/${ns}.json`;
    const data = Object.fromEntries(NAMESPACES.map((ns) => [ns, readJson(join(contentDir, locale, `${ns}.json`), file(ns), problems)])) as Record<
      (typeof NAMESPACES)[number],
      Json
    >;

    const verified: string[] = [];
    for (const [id, entry] of Object.entries(data.numbers)) {
      const add = (reason: string) => problems.push({ file: file('numbers'), key: id, reason });
      if (!isObject(entry) || typeof entry.number !== 'string' || !/^[\d ]+$/.test(entry.number)) {
        add('needs "number" written as digits, e.g. "999"');
        continue;
      }
      if (typeof entry.name !== 'string' || !entry.name.trim()) add('needs a "name" to say');
      if (entry.verified !== true) {
        add('is not marked "verified": true, so the skill must never say it; remove it or verify it in the brief');
        continue;
      }
      const cited = entry.sources;
      if (!Array.isArray(cited) || cited.length === 0) add('has no source: list at least one id from sources.json');
      else for (const sid of cited) if (typeof sid !== 'string' || !isObject(data.sources[sid])) add(`cites "${String(sid)}", which is not in sources.json`);
      verified.push(entry.number);
    }
    // Longest first, so "0808 808 00 00" is taken whole before a shorter number inside it.
    verified.sort((a, b) => b.length - a.length);

    for (const [id, source] of Object.entries(data.sources)) {
      if (!isObject(source) || typeof source.name !== 'string' || !source.name.trim() || typeof source.url !== 'string' || !/^https?:\/\//.test(source.url)) {
        problems.push({ file: file('sources'), key: id, reason: 'needs a "name" and a "url" starting with https://' });
      }
    }

    for (const site of SITES) {
      const aspects: readonly string[] = SITE_ASPECTS[site];
      for (const aspect of aspects) problems.push(...checkEntry(file('topics'), `${site}.${aspect}`, get(data.topics, `${site}.${aspect}`), data.sources, today, verified));
      const group = data.topics[site];
      if (isObject(group)) {
        for (const extra of Object.keys(group)) {
          if (!aspects.includes(extra)) problems.push({ file: file('topics'), key: `${site}.${extra}`, reason: `not used by the skill (${site} answers: ${aspects.join(', ')})` });
        }
      }
    }
    for (const site of Object.keys(data.topics)) {
      if (!(SITES as readonly string[]).includes(site)) problems.push({ file: file('topics'), key: site, reason: `unknown part of the body (known: ${SITES.join(', ')})` });
    }
    for (const term of TERMS) problems.push(...checkEntry(file('terms'), term, data.terms[term], data.sources, today, verified));
    for (const term of Object.keys(data.terms)) {
      if (!(TERMS as readonly string[]).includes(term)) problems.push({ file: file('terms'), key: term, reason: 'not used by the skill' });
    }

    for (const [key, vars] of Object.entries(PROMPT_VARS)) {
      const text = get(data.prompts, key);
      if (typeof text !== 'string') problems.push({ file: file('prompts'), key, reason: text === undefined ? 'missing: the skill says this' : 'should be text' });
      else for (const reason of spokenProblems(text, vars, MAX_ANSWER_WORDS, verified)) problems.push({ file: file('prompts'), key, reason });
    }
    const offers = get(data.prompts, 'offer');
    if (isObject(offers)) {
      for (const [site, group] of Object.entries(offers)) {
        if (!isObject(group)) continue;
        for (const [aspect, text] of Object.entries(group)) {
          const key = `offer.${site}.${aspect}`;
          if (!OPTIONAL_PROMPT_PATTERN.test(key) || !(SITES as readonly string[]).includes(site) || !(ASPECTS as readonly string[]).includes(aspect)) {
            problems.push({ file: file('prompts'), key, reason: 'not used by the skill' });
          } else if (typeof text !== 'string') problems.push({ file: file('prompts'), key, reason: 'should be text' });
          else for (const reason of spokenProblems(text, PROMPT_VARS[`offer.${aspect}` as keyof typeof PROMPT_VARS] ?? [], MAX_ANSWER_WORDS, verified)) problems.push({ file: file('prompts'), key, reason });
        }
      }
    }
    const reminders = data.prompts.reminders;
    if (!Array.isArray(reminders) || reminders.length < 2) {
      problems.push({ file: file('prompts'), key: 'reminders', reason: 'needs at least two short reminders to contact a doctor or nurse, so they can rotate' });
    } else {
      reminders.forEach((r, i) => {
        if (typeof r !== 'string') problems.push({ file: file('prompts'), key: `reminders[${i}]`, reason: 'should be text' });
        else for (const reason of spokenProblems(r, [], MAX_REMINDER_WORDS, verified)) problems.push({ file: file('prompts'), key: `reminders[${i}]`, reason });
      });
    }

    const labelKeys = [
      ...SITES.flatMap((s) => [`site.${s}.name`, `site.${s}.place`]),
      ...ASPECTS.map((a) => `aspect.${a}`),
      ...TERMS.map((t) => `term.${t}`),
    ];
    for (const key of labelKeys) {
      const text = get(data.labels, key);
      if (typeof text !== 'string' || text.trim().length === 0) problems.push({ file: file('labels'), key, reason: 'missing or empty' });
    }
  }
  return problems;
}
