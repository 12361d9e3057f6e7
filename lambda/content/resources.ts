import type { ResourceLanguage } from 'i18next';

/** i18next namespaces: one JSON file each in `content/<locale>/`. */
export const NAMESPACES = ['topics', 'terms', 'prompts', 'labels', 'sources', 'numbers', 'safety', 'questions', 'pronunciations', 'triage', 'primaries'] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** One locale's content, one entry per namespace; a locale that takes a namespace wholly from its fallback has none. */
export type LocaleResources = Partial<Record<Namespace, ResourceLanguage>>;

export const DEFAULT_LOCALE = 'en-GB';

/** One row of content/locales.json: where a locale's missing keys come from, and what it must never say. */
export interface LocaleInfo {
  readonly fallback: readonly string[];
  readonly serves?: string;
  readonly spelling?: 'british' | 'american' | 'canadian';
  readonly neverSay?: readonly string[];
}

/** content/locales.json: a reviewer adds a locale there and in a folder of its own, and nowhere in the code. */
export const LOCALES: Readonly<Record<string, LocaleInfo>> = (require('../../content/locales.json') as { locales: Record<string, LocaleInfo> }).locales;

// Duck-typed: a bundler's and a test runner's "not found" errors need not be this realm's Error.
const isMissingFile = (error: unknown): boolean => {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  return code === 'MODULE_NOT_FOUND' || (typeof message === 'string' && /not found|Could not resolve|Cannot find module/i.test(message));
};

/**
 * A locale's content, read on first use rather than at cold start: esbuild bundles every
 * `content/<locale>/<namespace>.json` behind this one template and wraps each file in a closure that
 * runs only when it is first required. A namespace the locale takes from its fallback has no file.
 * `locale` is always a key of LOCALES, never a caller's words.
 */
export function loadLocale(locale: string): LocaleResources {
  const resources: LocaleResources = {};
  for (const ns of NAMESPACES) {
    try {
      resources[ns] = require(`../../content/${locale}/${ns}.json`) as ResourceLanguage;
    } catch (error) {
      if (!isMissingFile(error)) throw error;
    }
  }
  return resources;
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fields that make an object one thing said (an answer, a question set, a sign, a source) rather than a group of them. */
const ENTRY_FIELDS = ['answer', 'questions', 'means', 'rule', 'url', 'spreadsTo', 'number'];
const isEntry = (value: Tree): boolean => ENTRY_FIELDS.some((field) => field in value);

function mergeInto(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    // An entry is taken whole from where it is written: a locale that rewrites one field of an answer
    // must not speak the rest in another country's words. Lists are taken whole too.
    out[key] = isTree(under) && isTree(value) && !isEntry(value) ? mergeInto(under, value) : value;
  }
  return out;
}

/**
 * A locale's content as it is heard: its own files over its fallbacks', key by key (an entry whole).
 * `chain` is the locale first, then its fallbacks in order. Phone numbers are never inherited: a
 * country's numbers come only from its own numbers.json. The skill and the content check both use this.
 */
export function resolveChain(chain: readonly LocaleResources[]): LocaleResources {
  const resolved: LocaleResources = {};
  for (const ns of NAMESPACES) {
    const layers = (ns === 'numbers' ? chain.slice(0, 1) : [...chain].reverse()).map((layer): unknown => layer[ns]).filter(isTree);
    resolved[ns] = layers.reduce<Tree>((merged, layer) => mergeInto(merged, layer), {}) as ResourceLanguage;
  }
  return resolved;
}

/** The locale and its fallbacks, in order, as content/locales.json lists them. */
export const chainOf = (locale: string): string[] => [locale, ...(LOCALES[locale]?.fallback ?? [])];
