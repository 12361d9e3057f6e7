import type { SafetyKey } from '../safety/safety-keys';
import { readTriage, type Triage } from '../safety/triage';
import { fitted, type Listener } from '../request/listener';
import { contentKey, isSite, topicId, type Aspect, type Site, type TopicRef } from '../topics/topic-table';
import { isEntry, isQuestionSet, isSafetyEntry, isSourced, type Entry, type QuestionSet, type SafetyEntry, type Sourced } from './entry';
import { contentLocaleFor } from './locale-choice';
import { Phrasebook } from './phrasebook';
import { resolvedLocale, verifiedNumbers, type LocaleResources } from './resources';

/** Words speech engines get wrong, and how to say them (IPA), from the locale's pronunciations.json. */
export interface Pronunciations {
  readonly pattern: RegExp;
  readonly ipa: ReadonlyMap<string, string>;
}

/** A cancer as it began: what it is called, and the places it is among the cancers most often to spread to. */
export interface Primary extends Sourced {
  readonly name: string;
  readonly spreadsTo: readonly Site[];
}

const isPrimary = (value: unknown): value is Primary =>
  isSourced(value) &&
  typeof (value as unknown as Record<string, unknown>).name === 'string' &&
  isStringList((value as unknown as Record<string, unknown>).spreadsTo) &&
  ((value as unknown as Record<string, unknown>).spreadsTo as readonly string[]).every(isSite);

/** Everything the skill says in one locale, looked up once per container. */
export interface LocaleContent {
  readonly locale: string;
  /** A topic's entry; with `who`, in the wording for a carer or the patient where the content has one. */
  entry(ref: TopicRef, who?: Listener): Entry;
  /** An answer from safety.json, with its phone numbers filled in from numbers.json, worded for `who` where it can be. */
  safety(key: SafetyKey, who?: Listener): SafetyEntry;
  /** Questions for an appointment: for the aspect if there is a set, else the site's, else the general one; worded for `who`. */
  questions(site: Site, aspect?: Aspect, who?: Listener): QuestionSet & { readonly key: string };
  /** The cancer it started as (a PrimaryType id, e.g. "kidney"): its name and where it most often spreads, from primaries.json. */
  primary(id: string): Primary | undefined;
  /** The title, sources, written date and any sign-off of any answer, by its content key (e.g. `topics:liver.whatIs`). */
  sourced(key: string): Sourced | undefined;
  /**
   * Source names in the order given: in full for a card; 'spoken', only who published them
   * ("Macmillan Cancer Support", the part before a colon), once each, which is easier to take in by ear.
   */
  sourceNames(ids: readonly string[], form?: 'full' | 'spoken'): string[];
  /** "A, B and C" (or "A, B or C"), as this locale joins a list. */
  listOf(items: readonly string[], joiner?: 'and' | 'or'): string;
  /** An ISO date as the month and year this locale says, e.g. "November 2026". */
  monthOf(isoDate: string): string;
  /** A prompt or label; `keys` in order of preference, as i18next resolves them. */
  say(keys: string | readonly string[], vars?: Record<string, string>): string;
  readonly reminders: readonly string[];
  /** The reminders worded for who is being talked about (`reminders_carer`, `reminders_patient`); neutral when unknown. */
  remindersFor(who?: Listener): readonly string[];
  /** True when `text` already sends the listener to their doctor, nurse or care team: a reminder after it would be a second one. */
  pointsToCareTeam(text: string): boolean;
  /** Which action each warning sign needs, and which pairs of signs mean a third. */
  readonly triage: Triage;
  /** Matches any verified phone number, so speech can read it digit by digit. */
  readonly numberPattern?: RegExp;
  /** Numbers said a group at a time as whole numbers, as that country says them ("13 11 20": thirteen eleven twenty). */
  readonly numbersReadInGroups?: ReadonlySet<string>;
  readonly pronunciations?: Pronunciations;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isStringList = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every(isText);

/** An entry with its spoken fields in the wording for `who` (`answer_carer`…), where the content has one. */
function forListener<T extends { readonly answer: string; readonly more?: string; readonly again?: string }>(entry: T, who: Listener): T {
  const raw = entry as unknown as Record<string, unknown>;
  const more = fitted(raw, 'more', who, isText);
  const again = fitted(raw, 'again', who, isText);
  // Object.assign, not a spread followed by properties: see withChanges (session-state.ts).
  return Object.assign({}, entry, { answer: fitted(raw, 'answer', who, isText) ?? entry.answer, ...(more !== undefined && { more }), ...(again !== undefined && { again }) });
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Bundle = Record<string, unknown>;

function numberPatternOf(numbers: readonly string[]): RegExp | undefined {
  const longestFirst = [...numbers].sort((a, b) => b.length - a.length).map(escapeRegExp);
  // Longest first and never inside a longer run of digits: "999" is not found within "0999".
  return longestFirst.length > 0 ? new RegExp(`(?<!\\d)(?:${longestFirst.join('|')})(?!\\d)`, 'g') : undefined;
}

function pronunciationsOf(resources: LocaleResources): Pronunciations | undefined {
  const ipa = new Map<string, string>();
  for (const [word, sound] of Object.entries((resources.pronunciations ?? {}) as Bundle)) {
    if (typeof sound === 'string' && sound.length > 0) ipa.set(word.toLowerCase(), sound);
  }
  if (ipa.size === 0) return undefined;
  const words = [...ipa.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { ipa, pattern: new RegExp(`\\b(?:${words.join('|')})\\b`, 'giu') };
}

/**
 * A locale's content, made on the first request in that locale. Entries are looked up and checked
 * when first asked for, not all at once: a cold start pays only for what its first answer says.
 */
function build(locale: string): LocaleContent {
  const resources = resolvedLocale(locale);
  const book = new Phrasebook(resources);
  const bundle = (ns: keyof LocaleResources): Bundle => (resources[ns] ?? {});
  const entries = new Map<string, Entry>();
  const safety = new Map<SafetyKey, SafetyEntry>();
  const numbers = verifiedNumbers(resources);
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : []);
  const reminders = strings(book.find('prompts:reminders'));
  const remindersBy = new Map<Listener, string[]>((['carer', 'patient'] as const).map((who) => [who, strings(book.findFor('prompts:reminders', who))]));
  const teamWords = strings(book.find('prompts:careTeam')).map(escapeRegExp);
  const careTeam = teamWords.length > 0 ? new RegExp(`\\b(?:${teamWords.join('|')})\\b`, 'i') : undefined;
  const sources = bundle('sources') as Record<string, { name?: unknown }>;
  const questions = bundle('questions');
  const sourcedCache = new Map<string, Sourced>();
  const numberPattern = numberPatternOf(Object.values(numbers));
  const numbersReadInGroups = new Set(
    Object.values(bundle('numbers') as Record<string, { number?: unknown; readAs?: unknown }>)
      .filter((n) => n.readAs === 'groups' && typeof n.number === 'string')
      .map((n) => n.number as string),
  );
  const pronunciations = pronunciationsOf(resources);
  // Made when first needed: the first Intl formatter of a process loads ICU's data, tens of milliseconds
  // of a cold start that most first answers (a welcome, an urgent answer) never use.
  const lists: Partial<Record<'and' | 'or', Intl.ListFormat>> = {};
  let months: Intl.DateTimeFormat | undefined;
  const monthsSaid = new Map<string, string>();

  const findQuestions = (site: string, aspect: string): QuestionSet | undefined => {
    const group = questions[site] as Bundle | undefined;
    const set: unknown = group?.[aspect];
    return isQuestionSet(set) ? set : undefined;
  };

  return {
    locale,
    entry(ref, who) {
      const id = topicId(ref);
      let found = entries.get(id);
      if (!found) {
        const value = book.find(contentKey(ref));
        if (isEntry(value)) entries.set(id, (found = value));
      }
      // The content check guarantees every entry; this guards a broken deploy.
      if (!found) throw new Error(`content missing: ${locale} ${contentKey(ref)}`);
      return who === undefined ? found : forListener(found, who);
    },
    safety(key, who) {
      let found = safety.get(key);
      if (!found) {
        const value = book.find(`safety:${key}`);
        if (isSafetyEntry(value)) safety.set(key, (found = value));
      }
      if (!found) throw new Error(`content missing: ${locale} safety:${key}`);
      return who === undefined ? found : forListener(found, who);
    },
    questions(site, aspect, who) {
      const tries: [string, string][] = [...(aspect ? [[site, aspect] as [string, string]] : []), [site, 'default'], ['general', 'default']];
      for (const [s, a] of tries) {
        const set = findQuestions(s, a);
        const questions = set && fitted(set as unknown as Record<string, unknown>, 'questions', who, isStringList);
        if (set && questions) return Object.assign({}, set, { questions, key: `questions:${s}.${a}` });
      }
      throw new Error(`content missing: ${locale} questions:general.default`);
    },
    primary(id) {
      const found: unknown = (bundle('primaries').cancers as Bundle | undefined)?.[id];
      return isPrimary(found) ? found : undefined;
    },
    sourced(key) {
      // The key comes from a session attribute, which the caller controls: only keys that are content
      // are kept, so the cache is never bigger than the content itself.
      const cached = sourcedCache.get(key);
      if (cached) return cached;
      const value = book.find(key);
      if (!isSourced(value)) return undefined;
      sourcedCache.set(key, value);
      return value;
    },
    sourceNames: (ids, form = 'full') => {
      const names = ids.map((id) => sources[id]?.name).filter((name): name is string => typeof name === 'string');
      return form === 'full' ? names : [...new Set(names.map((name) => name.split(':')[0]?.trim() ?? name))];
    },
    listOf: (items, joiner = 'and') => (lists[joiner] ??= new Intl.ListFormat(locale, { type: joiner === 'and' ? 'conjunction' : 'disjunction' })).format(items),
    monthOf: (isoDate) => {
      let month = monthsSaid.get(isoDate);
      if (month === undefined) {
        months ??= new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
        const date = new Date(isoDate);
        month = Number.isNaN(date.getTime()) ? isoDate : months.format(date);
        // Dates come from the content: a handful per locale.
        if (monthsSaid.size < 1000) monthsSaid.set(isoDate, month);
      }
      return month;
    },
    say: (keys, vars) => book.say(keys, vars),
    ...(numberPattern && { numberPattern }),
    ...(numbersReadInGroups.size > 0 && { numbersReadInGroups }),
    ...(pronunciations && { pronunciations }),
    triage: readTriage(bundle('triage')),
    reminders,
    remindersFor: (who) => (who && remindersBy.get(who)?.length ? (remindersBy.get(who) ?? reminders) : reminders),
    pointsToCareTeam: (text) => careTeam?.test(text) === true,
  };
}

const byLocale = new Map<string, LocaleContent>();

/**
 * The content for a request's locale, built on first use in this container and kept. A locale
 * without content of its own hears the nearest that has (see contentLocaleFor), so the cache stays
 * as small as the content.
 */
export function contentFor(locale: string | undefined): LocaleContent {
  const key = contentLocaleFor(locale);
  let content = byLocale.get(key);
  if (!content) {
    content = build(key);
    byLocale.set(key, content);
  }
  return content;
}
