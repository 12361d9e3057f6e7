import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ANSWER_WORDS, MAX_REMINDER_WORDS, MAX_REVIEW_AGE_YEARS, OPTIONAL_PROMPT_PATTERN, PROMPT_VARS } from '../lambda/content/prompt-keys';
import { NAMESPACES, resolveChain, type LocaleInfo, type LocaleResources } from '../lambda/content/resources';
import { LISTENERS } from '../lambda/request/listener';
import { NUMBER_KEYS, SAFETY_KEYS } from '../lambda/safety/safety-keys';
import { ASPECTS, SITE_ASPECTS, SITES, TERMS } from '../lambda/topics/topic-table';
import { countWords, isObject, strings, type Json, type Problem } from './content-basics';
import { localeWordProblems, readSpelling } from './locale-check';
import { copiedRuns } from './source-fingerprint';
import { primaryProblems } from './primaries-check';
import { turnProblems, wordsAfterNote } from './turn-check';
import { consistencyProblems, readTriageTable, urgentAnswerProblems } from './triage-check';

export { countWords, type Problem } from './content-basics';

export const describe = (p: Problem): string => `${p.file} ${p.key}: ${p.reason}`;

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** Checks shared by every spoken string: things a listener would hear wrong. */
function spokenProblems(text: string, allowedVars: readonly string[], maxWords: number, verified: readonly string[]): string[] {
  const reasons: string[] = [];
  if (text.trim().length === 0) return ['is empty'];
  const words = countWords(text);
  if (words > maxWords) reasons.push(`${words} words (max ${maxWords})`);
  for (const name of placeholders(text)) {
    if (!allowedVars.includes(name))
      reasons.push(`unknown placeholder {{${name}}}${allowedVars.length ? ` (allowed: ${allowedVars.join(', ')})` : ' (none allowed here)'}`);
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

function dateProblem(field: string, value: unknown, today: Date): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) return `needs "${field}" as a date like 2026-11-25`;
  if (new Date(value).getTime() > today.getTime()) return `${field} date ${value} is in the future`;
  return undefined;
}

/**
 * "written" is when the entry was written from its sources; "signOff" ({ role, date }) is added only
 * when a clinician has actually reviewed it. Neither may be older than the review interval.
 */
function provenanceProblems(value: Json, today: Date): string[] {
  const out: string[] = [];
  const limit = new Date(today);
  limit.setFullYear(limit.getFullYear() - MAX_REVIEW_AGE_YEARS);
  const written = dateProblem('written', value.written, today);
  if (written) out.push(written);
  const signOff = value.signOff;
  if (signOff !== undefined) {
    if (!isObject(signOff) || typeof signOff.role !== 'string' || !signOff.role.trim())
      out.push('"signOff" needs the reviewer\'s "role" (e.g. "an oncology clinical nurse specialist") and the "date" it happened');
    else {
      const date = dateProblem('signOff date', signOff.date, today);
      if (date) out.push(date);
      else if (new Date(String(signOff.date)).getTime() < limit.getTime())
        out.push(`signed off ${String(signOff.date)}: more than ${MAX_REVIEW_AGE_YEARS} years ago, review it again`);
      if (typeof value.written === 'string' && String(signOff.date) < value.written) out.push('signed off before it was last written: review the new text');
    }
  } else if (!written && new Date(String(value.written)).getTime() < limit.getTime()) {
    out.push(`written ${String(value.written)}: more than ${MAX_REVIEW_AGE_YEARS} years ago, check it against its sources again`);
  }
  return out;
}

/**
 * Each spoken field may have a wording for a carer and one for the patient (`answer_carer`,
 * `answer_patient`, as i18next names a context), said when the listener has told the skill who they are.
 */
const withListeners = (fields: readonly string[]): string[] => fields.flatMap((f) => [f, ...LISTENERS.map((who) => `${f}_${who}`)]);

/** What differs between the kinds of answer a reviewer writes. */
interface EntryRules {
  /** Spoken fields besides "answer". */
  readonly spoken: readonly string[];
  /** Placeholders the text may use: the ids of verified numbers, for safety answers. */
  readonly vars: readonly string[];
}
const TOPIC_RULES: EntryRules = { spoken: ['more', 'moreOffer'], vars: [] };

function checkEntry(
  file: string,
  key: string,
  value: unknown,
  sources: Json,
  today: Date,
  verified: readonly string[],
  rules: EntryRules = TOPIC_RULES,
): Problem[] {
  const out: Problem[] = [];
  const add = (reason: string) => out.push({ file, key, reason });
  if (!isObject(value)) {
    add(value === undefined ? 'missing: the skill needs this answer' : 'should be an entry with title, answer, sources and written');
    return out;
  }
  for (const field of ['title', 'answer'] as const) {
    const text = value[field];
    if (typeof text !== 'string' || text.trim().length === 0) add(`"${field}" is missing or empty`);
  }
  for (const field of withListeners(['answer', ...rules.spoken])) {
    const text = value[field];
    if (text === undefined) continue;
    if (typeof text !== 'string') add(`"${field}" should be text`);
    else for (const reason of spokenProblems(text, rules.vars, MAX_ANSWER_WORDS, verified)) add(`${field} ${reason}`);
  }
  if (value.moreOffer !== undefined && value.more === undefined) add('"moreOffer" without "more": nothing to offer');
  const cited = value.sources;
  if (!Array.isArray(cited) || cited.length === 0) add('has no source: list at least one id from sources.json');
  else for (const id of cited) if (typeof id !== 'string' || !isObject(sources[id])) add(`cites "${String(id)}", which is not in sources.json`);
  for (const reason of provenanceProblems(value, today)) add(reason);
  const known = new Set(['title', ...withListeners(['answer', ...rules.spoken]), 'sources', 'written', 'signOff']);
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

const get = (root: Json, dotted: string): unknown => dotted.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), root);

/**
 * content/locales.json, checked against the locale folders: every folder listed, every listed locale
 * with a folder, every fallback a listed locale. A copy of the content without the file checks each
 * folder on its own.
 */
function readLocales(contentDir: string, problems: Problem[]): Record<string, LocaleInfo> {
  // Locale folders only (en-GB, es-US, es); other folders, such as apl/, hold no spoken content.
  const folders = readdirSync(contentDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2}(-[A-Z]{2})?$/.test(d.name))
    .map((d) => d.name);
  const path = join(contentDir, 'locales.json');
  if (!existsSync(path)) return Object.fromEntries(folders.map((locale) => [locale, { fallback: [] }]));
  const listed = readJson(path, 'content/locales.json', problems).locales;
  const locales = (isObject(listed) ? listed : {}) as Record<string, LocaleInfo>;
  const add = (key: string, reason: string) => problems.push({ file: 'content/locales.json', key, reason });
  for (const folder of folders) if (!Object.hasOwn(locales, folder)) add(folder, 'has a folder under content/ but is not listed: the skill would never say it');
  for (const [locale, info] of Object.entries(locales)) {
    if (!folders.includes(locale)) add(locale, `is listed but has no folder content/${locale}/`);
    if (!Array.isArray(info.fallback)) add(locale, 'needs "fallback": [] or the locales its missing keys come from');
    else for (const next of strings(info.fallback)) if (!Object.hasOwn(locales, next)) add(locale, `falls back to "${next}", which is not listed`);
  }
  return locales;
}

/** One locale as a reviewer wrote it (`own`) and as it is heard (`data`, its fallbacks filling the gaps). */
export interface LocaleFiles {
  readonly locale: string;
  readonly info: LocaleInfo;
  readonly own: Record<string, Json>;
  readonly data: Record<(typeof NAMESPACES)[number], Json>;
}

/** Every locale folder under `contentDir`, resolved as the skill resolves it; what cannot be read is added to `problems`. */
export function readLocaleFiles(contentDir: string, problems: Problem[] = []): LocaleFiles[] {
  const locales = readLocales(contentDir, problems);
  const own = new Map<string, LocaleResources>();
  // A locale with a fallback may leave out a namespace, but never its phone numbers.
  const read = (locale: string, required: boolean): LocaleResources => {
    let found = own.get(locale);
    if (!found) {
      found = {};
      for (const ns of NAMESPACES) {
        const path = join(contentDir, locale, `${ns}.json`);
        if (required || ns === 'numbers' || existsSync(path))
          found[ns] = readJson(path, `content/${locale}/${ns}.json`, problems) as LocaleResources[typeof ns];
      }
      own.set(locale, found);
    }
    return found;
  };
  return Object.entries(locales)
    .filter(([locale]) => existsSync(join(contentDir, locale)))
    .map(([locale, info]) => {
      const fallback = strings(info.fallback).filter((next) => existsSync(join(contentDir, next)));
      const chain = [read(locale, fallback.length === 0), ...fallback.map((next) => read(next, strings(locales[next]?.fallback).length === 0))];
      return { locale, info, own: chain[0] ?? {}, data: resolveChain(chain) as LocaleFiles['data'] };
    });
}

/** Checks every locale folder under `contentDir`, as it is heard after its fallbacks; returns nothing when all is well. */
export function checkContent(contentDir: string, today = new Date()): Problem[] {
  const problems: Problem[] = [];
  const pairs = readSpelling(contentDir);
  for (const { locale, info, data } of readLocaleFiles(contentDir, problems)) {
    const file = (ns: string) => `content/${locale}/${ns}.json`;
    problems.push(...localeWordProblems(file, data, info, pairs));

    const verified: string[] = [];
    const numberIds: string[] = [];
    for (const [id, entry] of Object.entries(data.numbers)) {
      const add = (reason: string) => problems.push({ file: file('numbers'), key: id, reason });
      if (!isObject(entry) || typeof entry.number !== 'string' || !/^[\d ]+$/.test(entry.number)) {
        add('needs "number" written as digits, e.g. "999"');
        continue;
      }
      if (typeof entry.name !== 'string' || !entry.name.trim()) add('needs a "name" to say');
      if (entry.readAs !== undefined && entry.readAs !== 'groups')
        add('"readAs" is "groups" (each group said as a whole number, "13 11 20") or left out (digit by digit)');
      if (entry.verified !== true) {
        add('is not marked "verified": true, so the skill must never say it; remove it or verify it in the brief');
        continue;
      }
      const cited = entry.sources;
      if (!Array.isArray(cited) || cited.length === 0) add('has no source: list at least one id from sources.json');
      else for (const sid of cited) if (typeof sid !== 'string' || !isObject(data.sources[sid])) add(`cites "${String(sid)}", which is not in sources.json`);
      verified.push(entry.number);
      numberIds.push(id);
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
      for (const aspect of aspects)
        problems.push(...checkEntry(file('topics'), `${site}.${aspect}`, get(data.topics, `${site}.${aspect}`), data.sources, today, verified));
      const group = data.topics[site];
      if (isObject(group)) {
        for (const extra of Object.keys(group)) {
          if (!aspects.includes(extra))
            problems.push({ file: file('topics'), key: `${site}.${extra}`, reason: `not used by the skill (${site} answers: ${aspects.join(', ')})` });
        }
      }
    }
    for (const site of Object.keys(data.topics)) {
      if (!(SITES as readonly string[]).includes(site))
        problems.push({ file: file('topics'), key: site, reason: `unknown part of the body (known: ${SITES.join(', ')})` });
    }
    for (const term of TERMS) problems.push(...checkEntry(file('terms'), term, data.terms[term], data.sources, today, verified));
    for (const term of Object.keys(data.terms)) {
      if (!(TERMS as readonly string[]).includes(term)) problems.push({ file: file('terms'), key: term, reason: 'not used by the skill' });
    }

    for (const [key, vars] of Object.entries(PROMPT_VARS)) {
      const text = get(data.prompts, key);
      if (typeof text !== 'string')
        problems.push({ file: file('prompts'), key, reason: text === undefined ? 'missing: the skill says this' : 'should be text' });
      else for (const reason of spokenProblems(text, vars, MAX_ANSWER_WORDS, verified)) problems.push({ file: file('prompts'), key, reason });
      // A wording for a carer or the patient, where there is one, is held to the same rules.
      for (const variant of withListeners([key]).slice(1)) {
        const worded = data.prompts[variant];
        if (worded === undefined) continue;
        if (typeof worded !== 'string') problems.push({ file: file('prompts'), key: variant, reason: 'should be text' });
        else for (const reason of spokenProblems(worded, vars, MAX_ANSWER_WORDS, verified)) problems.push({ file: file('prompts'), key: variant, reason });
      }
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
          else
            for (const reason of spokenProblems(text, PROMPT_VARS[`offer.${aspect}` as keyof typeof PROMPT_VARS] ?? [], MAX_ANSWER_WORDS, verified))
              problems.push({ file: file('prompts'), key, reason });
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

    problems.push(...checkSafety(file('safety'), data.safety, data.sources, today, verified, numberIds));
    problems.push(...checkTriage(file, data));
    problems.push(...checkCopied(file, data, join(contentDir, 'source-fingerprint.json')));
    problems.push(...checkQuestions(file('questions'), data.questions, data.sources, today, verified));
    problems.push(...checkPronunciations(file('pronunciations'), data.pronunciations));
    problems.push(...turnProblems(file, data));
    problems.push(
      ...primaryProblems(file('primaries'), data.primaries, {
        spoken: (text, vars) => spokenProblems(text, vars, MAX_ANSWER_WORDS, verified),
        sourced: (value) => {
          const cited = value.sources;
          const reasons = provenanceProblems(value, today);
          if (!Array.isArray(cited) || cited.length === 0) reasons.push('has no source: list at least one id from sources.json');
          else
            for (const id of cited)
              if (typeof id !== 'string' || !isObject(data.sources[id])) reasons.push(`cites "${String(id)}", which is not in sources.json`);
          return reasons;
        },
        wordsAfter: (site) => wordsAfterNote(data, site),
      }),
    );

    const labelKeys = [
      'option.words',
      'option.whatSecondaryIs',
      'option.doctorQuestions',
      'option.speed',
      'ordinals.0',
      'ordinals.1',
      'ordinals.2',
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

/** Every spoken text, with the file and key a reviewer finds it by. */
function* spokenTexts(ns: string, node: unknown, key = ''): Generator<{ key: string; text: string }> {
  if (typeof node === 'string') yield { key, text: node };
  else if (Array.isArray(node)) for (const [i, item] of node.entries()) yield* spokenTexts(ns, item, `${key}[${i}]`);
  else if (isObject(node))
    for (const [field, value] of Object.entries(node)) {
      // Titles, dates and source ids are not spoken as advice.
      if (['title', 'written', 'sources', 'signOff'].includes(field)) continue;
      yield* spokenTexts(ns, value, key ? `${key}.${field}` : field);
    }
}

/** Facts carry over from the source page; sentences never do: no eight words in a row copied from it. */
let lastFingerprint: { readonly raw: string; readonly copied: (text: string) => readonly string[] } | undefined;

/**
 * The fingerprint file, read into a set once, and what each text copies, found once: locales share
 * most of their texts, and a check is often run again on the same content.
 */
function fingerprintOf(raw: string): { readonly copied: (text: string) => readonly string[] } {
  if (lastFingerprint?.raw === raw) return lastFingerprint;
  const parsed: unknown = JSON.parse(raw);
  const print = new Set(isObject(parsed) && Array.isArray(parsed.runs) ? parsed.runs.filter((r): r is string => typeof r === 'string') : []);
  const found = new Map<string, readonly string[]>();
  const copied = (text: string): readonly string[] => {
    let runs = found.get(text);
    if (!runs) found.set(text, (runs = copiedRuns(text, print)));
    return runs;
  };
  lastFingerprint = { raw, copied };
  return lastFingerprint;
}

function checkCopied(file: (ns: string) => string, data: Record<string, Json>, fingerprintPath: string): Problem[] {
  if (!existsSync(fingerprintPath)) return [{ file: 'content/source-fingerprint.json', key: '(file)', reason: 'missing: run npm run source:fingerprint' }];
  const { copied } = fingerprintOf(readFileSync(fingerprintPath, 'utf8'));
  const out: Problem[] = [];
  for (const ns of ['topics', 'terms', 'prompts', 'safety', 'questions', 'primaries'] as const)
    for (const { key, text } of spokenTexts(ns, data[ns]))
      for (const run of copied(text)) out.push({ file: file(ns), key, reason: `repeats the source page word for word: "${run}": say it in your own words` });
  return out;
}

/**
 * One rule per warning sign: each urgent answer gives the action triage.json sets for its sign, and
 * any other answer that names the sign gives the same action, never a weaker one.
 */
function checkTriage(file: (ns: string) => string, data: Record<string, Json>): Problem[] {
  const { table, problems } = readTriageTable(file('triage'), data.triage ?? {}, data.sources ?? {});
  const urgent = isObject(data.safety?.urgent) ? data.safety.urgent : {};
  for (const [sign, entry] of Object.entries(urgent))
    if (isObject(entry) && typeof entry.answer === 'string') problems.push(...urgentAnswerProblems(file('safety'), sign, entry.answer, table));
  // Questions for an appointment name signs to ask about; they give no advice, so they are not held to it.
  for (const ns of ['topics', 'terms', 'prompts'] as const)
    for (const { key, text } of spokenTexts(ns, data[ns])) problems.push(...consistencyProblems(file(ns), key, text, table));
  return problems;
}

/** Urgent, distress and doctor-only answers: numbers by placeholder only, and said twice. */
function checkSafety(file: string, safety: Json, sources: Json, today: Date, verified: readonly string[], numberIds: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const rules: EntryRules = { spoken: ['again'], vars: numberIds };
  for (const key of SAFETY_KEYS) {
    const value = get(safety, key);
    out.push(...checkEntry(file, key, value, sources, today, verified, rules));
    // Content for countries the skill has no verified numbers for ("en", "es") names the service instead.
    if (!isObject(value) || !NUMBER_KEYS.has(key) || numberIds.length === 0) continue;
    const answer = typeof value.answer === 'string' ? value.answer : '';
    const said = placeholders(answer);
    const last = said.at(-1);
    if (last === undefined) out.push({ file, key, reason: `gives no number: write it as a placeholder, one of {{${numberIds.join('}}, {{')}}}` });
    else if (said.filter((n) => n === last).length < 2)
      out.push({ file, key, reason: `ends with {{${last}}}, said only once: end by saying again a number already given, so a listener can catch it` });
    if (typeof value.again !== 'string')
      out.push({ file, key, reason: '"again" is missing: the number part alone, said when the listener asks to hear it again' });
  }
  for (const [group, value] of Object.entries(safety)) {
    const known = group === 'urgent' && isObject(value) ? Object.keys(value).map((k) => `urgent.${k}`) : [group];
    for (const key of known)
      if (!(SAFETY_KEYS as readonly string[]).includes(key)) out.push({ file, key, reason: `not used by the skill (known: ${SAFETY_KEYS.join(', ')})` });
  }
  return out;
}

export const MAX_QUESTIONS = 3;
export const MAX_QUESTION_WORDS = 15;

/** Questions to take to an appointment: three at most, short, each a real question. */
function checkQuestions(file: string, questions: Json, sources: Json, today: Date, verified: readonly string[]): Problem[] {
  const out: Problem[] = [];
  for (const site of SITES) {
    const group = questions[site];
    if (!isObject(group) || !isObject(group.default)) {
      out.push({ file, key: `${site}.default`, reason: 'missing: every part of the body needs a default set of questions' });
      continue;
    }
    const allowed = ['default', ...SITE_ASPECTS[site]];
    for (const [aspect, set] of Object.entries(group)) {
      const key = `${site}.${aspect}`;
      const add = (reason: string) => out.push({ file, key, reason });
      if (!allowed.includes(aspect)) {
        add(`not used by the skill (${site} takes: ${allowed.join(', ')})`);
        continue;
      }
      if (!isObject(set)) {
        add('should be a set with title, questions, sources and written');
        continue;
      }
      if (typeof set.title !== 'string' || !set.title.trim()) add('"title" is missing or empty');
      for (const field of withListeners(['questions'])) {
        const list = set[field];
        if (list === undefined && field !== 'questions') continue;
        if (!Array.isArray(list) || list.length === 0 || list.length > MAX_QUESTIONS) add(`needs "${field}": one to ${MAX_QUESTIONS} questions`);
        else {
          list.forEach((q, i) => {
            if (typeof q !== 'string') return add(`${field}[${i}] should be text`);
            if (!q.trim().endsWith('?')) add(`${field}[${i}] should be a question, ending with "?"`);
            for (const reason of spokenProblems(q, [], MAX_QUESTION_WORDS, verified)) add(`${field}[${i}] ${reason}`);
          });
        }
      }
      const cited = set.sources;
      if (!Array.isArray(cited) || cited.length === 0) add('has no source: list at least one id from sources.json');
      else for (const id of cited) if (typeof id !== 'string' || !isObject(sources[id])) add(`cites "${String(id)}", which is not in sources.json`);
      for (const reason of provenanceProblems(set, today)) add(reason);
    }
  }
  return out;
}

/** Each word a speech engine gets wrong, with how to say it in IPA. */
function checkPronunciations(file: string, pronunciations: Json): Problem[] {
  const out: Problem[] = [];
  for (const [word, ipa] of Object.entries(pronunciations)) {
    if (!/^[\p{L}-]+$/u.test(word)) out.push({ file, key: word, reason: 'should be one word, as it is written in the answers' });
    if (typeof ipa !== 'string' || !ipa.trim()) out.push({ file, key: word, reason: 'needs how to say it, in IPA, e.g. "məˈtæstəsɪs"' });
    else if (/["<>&]/.test(ipa)) out.push({ file, key: word, reason: 'has a character that cannot go in speech markup (" < > &)' });
  }
  return out;
}
