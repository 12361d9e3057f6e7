import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import ts from 'typescript';
import { JOINING_WORDS, LAUNCH_WORDS as LAUNCH_PHRASES } from '../cli/launch-words';

/**
 * The checks certification runs on an interaction model and the manifest, as plain functions that
 * return one readable problem per finding: tests feed them the real files and broken copies.
 */

export interface ModelSlot {
  readonly name: string;
  readonly type: string;
}
export interface ModelIntent {
  readonly name: string;
  readonly slots?: readonly ModelSlot[];
  readonly samples?: readonly string[];
}
export interface ModelType {
  readonly name: string;
  readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
}
export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types?: readonly ModelType[];
}
export interface ModelFile {
  readonly interactionModel: { readonly languageModel: LanguageModel };
}

export const MODELS_DIR = join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');
export const MANIFEST_PATH = join(__dirname, '..', 'skill-package', 'skill.json');

/** Every locale's model in the ASK CLI layout (`<locale>.json`), found rather than listed. */
export function discoverModels(dir = MODELS_DIR): { locale: string; path: string; model: LanguageModel }[] {
  return readdirSync(dir)
    .filter((file) => /^[a-z]{2}-[A-Z]{2}\.json$/.test(file))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as ModelFile;
      return { locale: basename(file, '.json'), path, model: parsed.interactionModel.languageModel };
    });
}

/** Case and punctuation do not change what Alexa hears: "What's it?" and "whats it" are one sample. */
export const normaliseSample = (sample: string): string =>
  sample
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}{} ]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

const isCustom = (intent: ModelIntent): boolean => !intent.name.startsWith('AMAZON.');

// Alexa's launch and connecting words, wake words and the words certification refuses in a name.
const LAUNCH_WORDS = ['ask', 'tell', 'open', 'launch', 'start', 'begin', 'load', 'run', 'play', 'resume', 'enable', 'use', 'talk'];
const WAKE_AND_BRAND_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'ziggy', 'skill', 'app'];
const CONNECTING_WORDS = ['to', 'for', 'about', 'if', 'whether', 'and', 'that', 'by', 'from', 'in', 'using', 'with'];
const ARTICLES_AND_PREPOSITIONS = ['the', 'a', 'an', 'for', 'to', 'of', 'on', 'in', 'at', 'with', 'by'];

/** The invocation name requirements (Alexa docs, "Choose the Invocation Name for a Custom Skill"). */
export function invocationNameProblems(name: string): string[] {
  const problems: string[] = [];
  // Lower-case letters of the locale's language: "guía del cáncer secundario" in Spanish.
  if (!/^[\p{Ll}.' ]+$/u.test(name))
    problems.push(`invocation name "${name}": only lower-case letters, spaces, apostrophes and periods are allowed (spell numbers as words)`);
  const words = name.split(' ').filter(Boolean);
  if (words.length < 2) problems.push(`invocation name "${name}": needs at least two words`);
  if (words.length === 2 && words.some((w) => ARTICLES_AND_PREPOSITIONS.includes(w)))
    problems.push(`invocation name "${name}": a two-word name cannot contain an article or preposition`);
  for (const word of words) {
    if (LAUNCH_WORDS.includes(word)) problems.push(`invocation name "${name}": contains the launch word "${word}"`);
    if (WAKE_AND_BRAND_WORDS.includes(word)) problems.push(`invocation name "${name}": contains the word "${word}", which Alexa does not allow`);
    if (CONNECTING_WORDS.includes(word) && !ARTICLES_AND_PREPOSITIONS.includes(word))
      problems.push(`invocation name "${name}": contains the connecting word "${word}"`);
  }
  if (/\s{2,}|^\s|\s$/.test(name)) problems.push(`invocation name "${name}": has extra spaces`);
  return problems;
}

/**
 * No sample may be claimed by two intents, even spelt differently ("What's it?" / "whats it"): Alexa
 * would pick one of them at random. Within one intent only a true repeat is reported, since "husband's"
 * and "husbands" are different words to Alexa's recogniser and both are worth teaching it.
 */
export function duplicateSampleProblems(model: LanguageModel): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const intent of model.intents) {
    const seen = new Set<string>();
    for (const sample of intent.samples ?? []) {
      const exact = sample.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(exact)) problems.push(`sample "${sample}" appears twice in ${intent.name}`);
      seen.add(exact);
      const key = normaliseSample(sample);
      const first = owner.get(key);
      if (first !== undefined && first !== intent.name) problems.push(`sample "${sample}" is claimed by both ${first} and ${intent.name}`);
      else owner.set(key, intent.name);
    }
  }
  return problems;
}

/**
 * Alexa's utterance-conflict detection: a sample of one intent that another intent's sample also
 * says once a slot is filled with one of its values ("what is secondary bone cancer" in one intent,
 * "what is {site}" in another). Alexa cannot tell which is meant, so neither should be in the model.
 */
export function conflictProblems(model: LanguageModel): string[] {
  const valuesOf = new Map<string, Set<string>>();
  for (const type of model.types ?? []) {
    const set = new Set<string>();
    for (const v of type.values) for (const said of [v.name.value, ...(v.name.synonyms ?? [])]) set.add(normaliseSample(said));
    valuesOf.set(type.name, set);
  }
  // Every sample said as words, with the intent that owns it; samples with slots as literal parts around them.
  const literal: { intent: string; text: string }[] = [];
  const slotted: { intent: string; parts: string[]; types: string[] }[] = [];
  for (const intent of model.intents) {
    const typeOf = new Map((intent.slots ?? []).map((s) => [s.name, s.type] as const));
    for (const sample of intent.samples ?? []) {
      const text = normaliseSample(sample);
      const names = [...text.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      if (names.length === 0) literal.push({ intent: intent.name, text });
      else slotted.push({ intent: intent.name, parts: text.split(/\{[^}]+\}/).map((p) => p.trim()), types: names.map((n) => typeOf.get(n) ?? '') });
    }
  }
  /** Can `rest` be said as slot values of `types`, with the literal `parts` between them? */
  const fits = (rest: string, parts: readonly string[], types: readonly string[]): boolean => {
    const [type, ...moreTypes] = types;
    const [next, ...moreParts] = parts;
    if (type === undefined) return rest === '';
    const values = valuesOf.get(type) ?? new Set<string>();
    if (next === undefined || next === '') return moreTypes.length === 0 && values.has(rest);
    for (let at = rest.indexOf(` ${next}`); at >= 0; at = rest.indexOf(` ${next}`, at + 1)) {
      const after = rest.slice(at + next.length + 1).trim();
      if (
        values.has(rest.slice(0, at).trim()) &&
        (after === '' ? moreParts.every((p) => p === '') && moreTypes.length === 0 : fits(after, moreParts, moreTypes))
      )
        return true;
    }
    return false;
  };
  // A literal sample can only be said by slotted samples whose words before the first slot it begins
  // with: index those by their first word (a head of one word or none could begin any sample).
  const byFirstWord = new Map<string, number[]>();
  const always: number[] = [];
  slotted.forEach((s, i) => {
    const head = s.parts[0] ?? '';
    const space = head.indexOf(' ');
    if (space < 0) always.push(i);
    else {
      const first = head.slice(0, space);
      const list = byFirstWord.get(first);
      if (list) list.push(i);
      else byFirstWord.set(first, [i]);
    }
  });
  const problems: string[] = [];
  for (const { intent, text } of literal) {
    const first = text.split(' ', 1)[0] ?? '';
    // In the samples' own order, as if every one were tried.
    const candidates = [...(byFirstWord.get(first) ?? []), ...always].sort((a, b) => a - b);
    for (const i of candidates) {
      const s = slotted[i];
      if (!s || s.intent === intent) continue;
      const [head = '', ...parts] = s.parts;
      if (!text.startsWith(head)) continue;
      if (fits(text.slice(head.length).trim(), parts, s.types)) {
        problems.push(
          `sample "${text}" of ${intent} is also said by ${s.intent}'s "${s.parts
            .map((p, i) => (i < s.types.length ? `${p} {${s.types[i] ?? ''}}` : p))
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim()}"`,
        );
        break;
      }
    }
  }
  return problems;
}

/** Every {slot} in a sample is declared on its intent, and every declared type exists. */
export function slotProblems(model: LanguageModel): string[] {
  const types = new Set((model.types ?? []).map((t) => t.name));
  const problems: string[] = [];
  for (const intent of model.intents) {
    const slots = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    for (const sample of intent.samples ?? []) {
      for (const [, name = ''] of sample.matchAll(/\{([^}]*)\}/g))
        if (!slots.has(name)) problems.push(`${intent.name} sample "${sample}" uses {${name}}, which the intent does not declare`);
    }
    for (const [name, type] of slots)
      if (!types.has(type) && !type.startsWith('AMAZON.')) problems.push(`${intent.name} slot ${name} has type ${type}, which the model does not define`);
  }
  return problems;
}

/** Alexa learns an intent from its samples: fewer than this, or many that differ only in a slot, is too thin. */
export const MIN_SAMPLES = 20;

export function sampleCountProblems(model: LanguageModel, min = MIN_SAMPLES): string[] {
  const problems: string[] = [];
  for (const intent of model.intents.filter(isCustom)) {
    const samples = intent.samples ?? [];
    // Varied: distinct once slots are masked, so "{site} please" and "{aspect} please" count once.
    const shapes = new Set(samples.map((s) => normaliseSample(s).replace(/\{[^}]*\}/g, '{}')));
    if (shapes.size < min) problems.push(`${intent.name} has ${shapes.size} varied samples (at least ${min} needed)`);
  }
  return problems;
}

/** Built-in intents certification expects (and that this skill's conversation relies on). */
export const REQUIRED_BUILT_INS = [
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.StartOverIntent',
] as const;

export function builtInProblems(model: LanguageModel): string[] {
  const names = new Set(model.intents.map((i) => i.name));
  return REQUIRED_BUILT_INS.filter((name) => !names.has(name)).map((name) => `built-in intent ${name} is missing`);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words a slot of this type can be heard as, as a regular expression (any words for built-in types). */
function slotPattern(type: ModelType | undefined): string {
  const words = type ? type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map(normaliseSample) : [];
  return words.length > 0 ? `(?:${words.map(escapeRegExp).join('|')})` : '.+';
}

/** Does this sample produce exactly these (normalised) words, with each {slot} one of its type's values? */
function sampleProduces(sample: string, intent: ModelIntent, types: readonly ModelType[], heard: string): boolean {
  const parts = normaliseSample(sample).split(/(\{[^}]*\})/);
  // Cheap test first: every literal part must occur in what was heard.
  if (!parts.every((part) => part.startsWith('{') || heard.includes(part.trim()))) return false;
  const pattern = parts
    .map((part) => {
      if (!part.startsWith('{')) return escapeRegExp(part);
      const slot = intent.slots?.find((s) => s.name === part.slice(1, -1));
      return slotPattern(types.find((t) => t.name === slot?.type));
    })
    .join('');
  return new RegExp(`^${pattern}$`).test(heard);
}

/** The intent whose samples produce these words exactly, or undefined. */
export function intentForUtterance(model: LanguageModel, words: string): string | undefined {
  const heard = normaliseSample(words);
  return model.intents.find((intent) => (intent.samples ?? []).some((sample) => sampleProduces(sample, intent, model.types ?? [], heard)))?.name;
}

/**
 * Example phrases (skill.json) follow "Alexa, <launch word> <invocation name> [connecting word] <sample>",
 * the utterance taken exactly from the samples; the first phrase must name the skill; at most three.
 */
export function examplePhraseProblems(phrases: readonly string[], model: LanguageModel, language: 'en' | 'es' = 'en'): string[] {
  const problems: string[] = [];
  if (phrases.length === 0) problems.push('no example phrases');
  if (phrases.length > 3) problems.push(`${phrases.length} example phrases (at most 3)`);
  const name = escapeRegExp(model.invocationName);
  const invoked = new RegExp(`^alexa, (?:${LAUNCH_PHRASES[language].join('|')}) ${name}(?: (.+))?$`, 'u');
  const connecting = new RegExp(`^(?:${[...CONNECTING_WORDS, ...JOINING_WORDS[language]].join('|')}) `, 'u');
  phrases.forEach((phrase, index) => {
    const where = `example phrase ${index + 1} "${phrase}"`;
    if (/\s{2,}|^\s|\s$/.test(phrase)) problems.push(`${where}: has extra spaces`);
    if (/[^\p{L}\p{N}' ,?]/u.test(phrase)) problems.push(`${where}: has characters other than words, commas, apostrophes and a question mark`);
    const lower = phrase.toLowerCase().replace(/\?$/, '');
    const match = invoked.exec(lower);
    if (!match) {
      if (index === 0)
        problems.push(
          `${where}: the first phrase must be "Alexa, ${LAUNCH_PHRASES[language][0] ?? 'open'} ${model.invocationName}" or name the skill the same way`,
        );
      else if (lower.startsWith('alexa')) problems.push(`${where}: must be "Alexa, <launch word> ${model.invocationName} …"`);
      else if (!intentForUtterance(model, lower)) problems.push(`${where}: is not one of the sample utterances`);
      return;
    }
    if (!phrase.startsWith('Alexa, ')) problems.push(`${where}: must start with "Alexa, "`);
    const request = match[1];
    if (request !== undefined) {
      // "ask <name> to/for/about …": the connecting word may be Alexa's or the sample's own.
      const heard = intentForUtterance(model, request) ?? intentForUtterance(model, request.replace(connecting, ''));
      if (!heard) problems.push(`${where}: "${request}" is not one of the sample utterances`);
    }
  });
  return problems;
}

/** A handler that `canHandle`s an intent, as the source says it: literal names in `isIntent(input, …)`. */
export function handledIntentsInSource(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string, node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'isIntent') {
      for (const arg of node.arguments.slice(1)) if (ts.isStringLiteralLike(arg)) found.set(arg.text, file);
    }
    ts.forEachChild(node, (child) => visit(file, child));
  };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    visit(relative(join(__dirname, '..'), path), ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
  }
  return found;
}

/** Both directions: a model intent no handler claims, and a handled intent missing from a model. */
export function handlerModelProblems(locale: string, model: LanguageModel, handled: ReadonlyMap<string, string>, unanswered: readonly string[]): string[] {
  const inModel = new Set(model.intents.map((i) => i.name));
  const problems = unanswered.map((name) => `${locale}: intent ${name} is answered by the generic fallback: no handler claims it`);
  for (const [name, file] of handled) if (!inModel.has(name)) problems.push(`${locale}: ${file} handles ${name}, which the ${locale} model does not have`);
  return problems;
}
