import type { ResourceLanguage } from 'i18next';

/** i18next namespaces: one JSON file each in `content/<locale>/`. Add a file here and in every locale's loader. */
export const NAMESPACES = ['topics', 'terms', 'prompts', 'labels', 'sources', 'numbers', 'safety', 'questions', 'pronunciations', 'triage', 'primaries'] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** One locale's content, one entry per namespace: the type makes a loader that misses a namespace fail to compile. */
export type LocaleResources = Record<Namespace, ResourceLanguage>;

export const DEFAULT_LOCALE = 'en-GB';

/**
 * Locales with content of their own, each read on first use rather than at cold start: esbuild wraps
 * every `require`d JSON file in a closure that runs only when the loader is first called. The paths
 * are literal so the bundler can find and inline them.
 */
export const LOCALE_LOADERS: Readonly<Record<string, () => LocaleResources>> = {
  'en-GB': () => ({
    topics: require('../../content/en-GB/topics.json') as ResourceLanguage,
    terms: require('../../content/en-GB/terms.json') as ResourceLanguage,
    prompts: require('../../content/en-GB/prompts.json') as ResourceLanguage,
    labels: require('../../content/en-GB/labels.json') as ResourceLanguage,
    sources: require('../../content/en-GB/sources.json') as ResourceLanguage,
    numbers: require('../../content/en-GB/numbers.json') as ResourceLanguage,
    safety: require('../../content/en-GB/safety.json') as ResourceLanguage,
    questions: require('../../content/en-GB/questions.json') as ResourceLanguage,
    pronunciations: require('../../content/en-GB/pronunciations.json') as ResourceLanguage,
    triage: require('../../content/en-GB/triage.json') as ResourceLanguage,
    primaries: require('../../content/en-GB/primaries.json') as ResourceLanguage,
  }),
};

/** A request in a locale the skill has no content for is answered in British English. */
export const FALLBACK_LOCALES = { default: [DEFAULT_LOCALE] };
