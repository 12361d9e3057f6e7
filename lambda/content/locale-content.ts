import i18next, { type TFunction } from 'i18next';
import { ALL_TOPICS, contentKey, topicId, type TopicRef } from '../topics/topic-table';
import { isEntry, type Entry } from './entry';
import { DEFAULT_LOCALE, FALLBACK_LOCALES, LOCALE_LOADERS, NAMESPACES } from './resources';

/** Everything the skill says in one locale, looked up once per container. */
export interface LocaleContent {
  readonly locale: string;
  entry(ref: TopicRef): Entry;
  /** A prompt or label; `keys` in order of preference, as i18next resolves them. */
  say(keys: string | readonly string[], vars?: Record<string, string>): string;
  readonly reminders: readonly string[];
  /** Matches any verified phone number, so speech can read it digit by digit. */
  readonly numberPattern?: RegExp;
}

// i18next's own advice is to init once; with no backend, init is synchronous and each locale's
// resources are added when that locale is first asked for.
const i18n = i18next.createInstance();
void i18n.init({
  resources: {},
  ns: [...NAMESPACES],
  defaultNS: 'prompts',
  fallbackLng: FALLBACK_LOCALES,
  initAsync: false,
  returnNull: false,
  // Speech escapes XML exactly once, when the response is rendered.
  interpolation: { escapeValue: false },
});

/** Adds a locale's content, and its fallbacks' (they answer keys it lacks), unless already added. */
function load(locale: string): void {
  for (const lng of [locale, ...FALLBACK_LOCALES.default]) {
    const loader = LOCALE_LOADERS[lng];
    if (!loader || i18n.hasResourceBundle(lng, NAMESPACES[0])) continue;
    const resources = loader();
    for (const ns of NAMESPACES) i18n.addResourceBundle(lng, ns, resources[ns]);
  }
}

function build(locale: string): LocaleContent {
  load(locale);
  const t: TFunction = i18n.getFixedT(locale);
  const entries = new Map<string, Entry>();
  for (const ref of ALL_TOPICS) {
    const value: unknown = t(contentKey(ref), { returnObjects: true });
    if (isEntry(value)) entries.set(topicId(ref), value);
  }
  const reminders: unknown = t('prompts:reminders', { returnObjects: true });
  const numbers = Object.values((i18n.getResourceBundle(locale, 'numbers') ?? {}) as Record<string, { number?: unknown; verified?: unknown }>)
    .filter((n) => n.verified === true && typeof n.number === 'string')
    .map((n) => String(n.number))
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Longest first and never inside a longer run of digits: "999" is not found within "0999".
  const numberPattern = numbers.length > 0 ? new RegExp(`(?<!\\d)(?:${numbers.join('|')})(?!\\d)`, 'g') : undefined;
  return {
    locale,
    entry(ref) {
      const found = entries.get(topicId(ref));
      // The content check guarantees every entry; this guards a broken deploy.
      if (!found) throw new Error(`content missing: ${locale} ${contentKey(ref)}`);
      return found;
    },
    say: (keys, vars) => t(typeof keys === 'string' ? keys : [...keys], vars ?? {}),
    ...(numberPattern && { numberPattern }),
    reminders: Array.isArray(reminders) ? reminders.filter((r): r is string => typeof r === 'string') : [],
  };
}

const byLocale = new Map<string, LocaleContent>();

/**
 * The content for a request's locale, built on first use in this container and kept. A locale
 * without content of its own shares its fallback's, so the cache stays as small as the content.
 */
export function contentFor(locale: string | undefined): LocaleContent {
  const key = locale !== undefined && Object.hasOwn(LOCALE_LOADERS, locale) ? locale : DEFAULT_LOCALE;
  let content = byLocale.get(key);
  if (!content) {
    content = build(key);
    byLocale.set(key, content);
  }
  return content;
}
