import type { Resource } from 'i18next';
import labels from '../../content/en-GB/labels.json';
import numbers from '../../content/en-GB/numbers.json';
import pronunciations from '../../content/en-GB/pronunciations.json';
import prompts from '../../content/en-GB/prompts.json';
import questions from '../../content/en-GB/questions.json';
import safety from '../../content/en-GB/safety.json';
import sources from '../../content/en-GB/sources.json';
import terms from '../../content/en-GB/terms.json';
import topics from '../../content/en-GB/topics.json';

/** i18next namespaces: one JSON file each in `content/<locale>/`. */
export const NAMESPACES = ['topics', 'terms', 'prompts', 'labels', 'sources', 'numbers', 'safety', 'questions', 'pronunciations'] as const;

export const DEFAULT_LOCALE = 'en-GB';

/** Locales with content of their own; any other locale is answered from its fallbacks. */
export const RESOURCES: Resource = {
  'en-GB': { topics, terms, prompts, labels, sources, numbers, safety, questions, pronunciations },
};

/** A request in a locale the skill has no content for is answered in British English. */
export const FALLBACK_LOCALES = { default: [DEFAULT_LOCALE] };
