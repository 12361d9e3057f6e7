import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourceLanguage } from 'i18next';
import { fillAll } from './phrasebook';

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

/** The content folder of the repository: two folders up from lambda/content/ and from every bundle in dist/<name>/. */
const SOURCE_DIR = join(__dirname, '..', '..', 'content');
/** Where `npm run build` writes each locale's content already resolved: next to the Lambda bundle, and in its zip. */
const BUILT_DIR = join(__dirname, 'content');

const isMissingFile = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'ENOENT';

function readJson(path: string): ResourceLanguage | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ResourceLanguage;
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
}

/**
 * A locale's own content files, from the repository's content folder. A namespace the locale takes
 * from its fallback has no file. `locale` is always a key of LOCALES, never a caller's words.
 */
export function loadLocale(locale: string): LocaleResources {
  const resources: LocaleResources = {};
  for (const ns of NAMESPACES) {
    const found = readJson(join(SOURCE_DIR, locale, `${ns}.json`));
    if (found) resources[ns] = found;
  }
  return resources;
}

/** A locale's verified phone numbers by id (numbers.json): an unverified number can never reach speech. */
export function verifiedNumbers(resources: LocaleResources): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, n] of Object.entries((resources.numbers ?? {}) as Record<string, { number?: unknown; verified?: unknown }>)) {
    if (n.verified === true && typeof n.number === 'string') out[id] = n.number;
  }
  return out;
}

/** Namespaces that are rules about the content rather than things said: their placeholders stay as written. */
const NOT_SAID: ReadonlySet<string> = new Set<Namespace>(['numbers', 'triage']);

/**
 * A locale's content as it is heard, from the content folder: its own files over its fallbacks',
 * with its verified phone numbers filled into everything it says ({{emergency}} → 999).
 */
export function compiledLocale(locale: string): LocaleResources {
  const resources = resolveChain(chainOf(locale).map(loadLocale));
  const numbers = verifiedNumbers(resources);
  return Object.fromEntries(Object.entries(resources).map(([ns, tree]) => [ns, NOT_SAID.has(ns) ? tree : fillAll(tree, numbers)]));
}

/**
 * A locale's content, read on first use rather than at cold start: the file `npm run build` compiled
 * for it (dist/lambda/content/<locale>.json: one read, one parse, nothing merged or filled per
 * container), else, where there is no build (tests and tools run from source), compiled here.
 */
export function resolvedLocale(locale: string): LocaleResources {
  return (readJson(join(BUILT_DIR, `${locale}.json`)) as LocaleResources | undefined) ?? compiledLocale(locale);
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
