import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageModel, ModelIntent, ModelType } from './model-check';

/**
 * The readable source of an interaction model, as a linguist writes it, and the expansion the ASK
 * CLI deploys. One folder per locale under skill-package/model-source/:
 *
 *   model.txt            invocation: <name>   and   intents: <Name> <Name> …   (the order in the JSON)
 *   phrases.txt          <name>: a | b | c    phrases several samples share, used as <name>
 *   intents/<Name>.txt   slots: name Type, name Type   then one sample template a line
 *   slots/<Type>.txt     id: value   then its synonyms, one template a line, indented
 *
 * A template says several samples at once: (a|b) is either, (a|) is optional, <name> is a phrase
 * list, {slot} is a slot as Alexa writes it. `# …` is a comment. Nothing else is special.
 */

export const SOURCE_DIR = join(__dirname, '..', 'skill-package', 'model-source');

/** Where a reviewer's template broke: file, line and why. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

type Node = { readonly text: string } | { readonly choices: readonly (readonly Node[])[] } | { readonly phrase: string };

function parse(template: string, file: string, line: number): Node[] {
  let i = 0;
  const sequence = (closing: boolean): Node[][] => {
    const choices: Node[][] = [[]];
    let text = '';
    const flush = () => {
      if (text) (choices.at(-1) as Node[]).push({ text });
      text = '';
    };
    while (i < template.length) {
      const c = template[i] ?? '';
      if (c === '(') {
        flush();
        i++;
        (choices.at(-1) as Node[]).push({ choices: sequence(true) });
      } else if (c === ')') {
        if (!closing) throw new SourceError(file, line, 'a ")" with no "(" before it');
        flush();
        i++;
        return choices;
      } else if (c === '|') {
        if (!closing) throw new SourceError(file, line, 'a "|" outside ( … ): put the choices in brackets');
        flush();
        choices.push([]);
        i++;
      } else if (c === '<') {
        flush();
        const end = template.indexOf('>', i);
        if (end < 0) throw new SourceError(file, line, 'a "<" with no ">"');
        (choices.at(-1) as Node[]).push({ phrase: template.slice(i + 1, end).trim() });
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    if (closing) throw new SourceError(file, line, 'a "(" that is never closed');
    flush();
    return choices;
  };
  const top = sequence(false);
  return top[0] ?? [];
}

/** Every sample a template says, in order, spaces tidied. */
export function expand(template: string, phrases: ReadonlyMap<string, readonly string[]>, file = 'template', line = 0): string[] {
  const walk = (nodes: readonly Node[]): string[] => {
    let out = [''];
    for (const node of nodes) {
      let parts: string[];
      if ('text' in node) parts = [node.text];
      else if ('choices' in node) parts = node.choices.flatMap(walk);
      else {
        const list = phrases.get(node.phrase);
        if (!list) throw new SourceError(file, line, `<${node.phrase}> is not in phrases.txt`);
        parts = list.flatMap((p) => walk(parse(p, 'phrases.txt', 0)));
      }
      out = out.flatMap((head) => parts.map((part) => head + part));
    }
    return out;
  };
  return [...new Set(walk(parse(template, file, line)).map((s) => s.replace(/\s+/g, ' ').trim()))];
}

interface Line {
  readonly text: string;
  readonly indented: boolean;
  readonly number: number;
}

const linesOf = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, number: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '' && !raw.trim().startsWith('#'))
    .map(({ raw, number }) => ({ text: raw.trim(), indented: /^\s/.test(raw), number }));

interface SourceLine extends Line {
  readonly file: string;
}

/** One locale's source, read but not expanded; a locale that extends another holds the other's lines and its own after them. */
interface Source {
  invocationName: string;
  order: string[];
  readonly phrases: Map<string, string[]>;
  readonly intents: Map<string, { slots: { name: string; type: string }[]; lines: SourceLine[] }>;
  readonly types: Map<string, SourceLine[]>;
  readonly words: { from: RegExp; to: string[] }[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function readSource(locale: string, dir: string, seen: readonly string[] = []): Source {
  const root = join(dir, locale);
  const rel = (...parts: string[]) => join('skill-package/model-source', locale, ...parts);
  if (seen.includes(locale)) throw new SourceError(rel('model.txt'), 0, `extends itself through ${seen.join(' → ')}`);
  let base: Source | undefined;
  let invocationName: string | undefined;
  let order: string[] | undefined;
  for (const { text, number } of linesOf(join(root, 'model.txt'))) {
    const [key, ...rest] = text.split(':');
    const value = rest.join(':').trim();
    if (key === 'invocation') invocationName = value;
    else if (key === 'intents') order = value.split(/\s+/).filter(Boolean);
    else if (key === 'extends') {
      if (!existsSync(join(dir, value, 'model.txt'))) throw new SourceError(rel('model.txt'), number, `extends "${value}", which has no model-source folder`);
      base = readSource(value, dir, [...seen, locale]);
    } else throw new SourceError(rel('model.txt'), number, 'expected "invocation: …", "intents: …" or "extends: <locale>"');
  }
  const source: Source = base ?? { invocationName: '', order: [], phrases: new Map(), intents: new Map(), types: new Map(), words: [] };
  if (invocationName !== undefined) source.invocationName = invocationName;
  if (order !== undefined) source.order = order;

  // A phrase given here replaces the one of the same name in the locale extended.
  const phrasesPath = join(root, 'phrases.txt');
  if (existsSync(phrasesPath)) {
    for (const { text, number } of linesOf(phrasesPath)) {
      const at = text.indexOf(':');
      if (at < 0) throw new SourceError(rel('phrases.txt'), number, 'expected "name: a | b | c"');
      source.phrases.set(
        text.slice(0, at).trim(),
        text
          .slice(at + 1)
          .split('|')
          .map((p) => p.trim()),
      );
    }
  }

  // An intent's file here adds its samples to the one extended; a slot type's file adds values and synonyms.
  const intentsDir = join(root, 'intents');
  for (const file of existsSync(intentsDir) ? readdirSync(intentsDir) : []) {
    const name = file.replace(/\.txt$/, '');
    const rfile = rel('intents', file);
    if (!source.order.includes(name)) throw new SourceError(rfile, 0, `not listed in model.txt's intents`);
    const intent = source.intents.get(name) ?? { slots: [], lines: [] };
    for (const line of linesOf(join(intentsDir, file))) {
      if (!line.text.startsWith('slots:')) {
        intent.lines.push({ ...line, file: rfile });
        continue;
      }
      const slots = line.text
        .slice('slots:'.length)
        .split(',')
        .map((pair) => {
          const [slot, type] = pair.trim().split(/\s+/);
          if (!slot || !type) throw new SourceError(rfile, line.number, 'expected "slots: name Type, name Type"');
          return { name: slot, type };
        });
      if (base && intent.slots.length > 0 && JSON.stringify(slots) !== JSON.stringify(intent.slots))
        throw new SourceError(rfile, line.number, 'has other slots than the intent it adds to: the skill reads the same slots in every locale');
      intent.slots = slots;
    }
    source.intents.set(name, intent);
  }
  const slotsDir = join(root, 'slots');
  for (const file of existsSync(slotsDir) ? readdirSync(slotsDir) : []) {
    const rfile = rel('slots', file);
    const lines = source.types.get(file.replace(/\.txt$/, '')) ?? [];
    lines.push(...linesOf(join(slotsDir, file)).map((line) => ({ ...line, file: rfile })));
    source.types.set(file.replace(/\.txt$/, ''), lines);
  }

  // words.txt: "mum => mom", "ring => call | ring": how this locale says a word of the locale it extends, in every sample and slot value.
  const wordsPath = join(root, 'words.txt');
  if (existsSync(wordsPath)) {
    for (const { text, number } of linesOf(wordsPath)) {
      const [from, to] = text.split('=>').map((part) => part.trim());
      if (!from || !to) throw new SourceError(rel('words.txt'), number, 'expected "word => word" or "word => word | word"');
      source.words.push({ from: new RegExp(`(?<![\\w'])${escapeRegExp(from)}(?![\\w'])`, 'g'), to: to.split('|').map((w) => w.trim()) });
    }
  }
  return source;
}

/** Every way a locale says a sample of the locale it extends, one word swap after another. */
function reworded(sample: string, words: Source['words']): string[] {
  let out = [sample];
  for (const { from, to } of words) out = out.flatMap((s) => (s.search(from) < 0 ? [s] : to.map((word) => s.replace(from, word))));
  return out;
}

/**
 * The most samples one intent template may say. A language model learns from different ways of
 * asking, not from every combination of the same words: one template that said 11,232 samples (a
 * third of the model) made its intent claim any sentence with "tell me", "my" or "results" in it.
 */
export const MAX_SAMPLES_PER_TEMPLATE = 500;

/** Reads one locale's source (and any locale it extends) and expands it into the language model the ASK CLI deploys. */
export function buildModel(locale: string, dir = SOURCE_DIR): LanguageModel {
  const source = readSource(locale, dir);
  const add = (list: string[], more: readonly string[]) => {
    for (const item of more) if (!list.includes(item)) list.push(item);
  };
  const intents: ModelIntent[] = source.order.map((name) => {
    const intent = source.intents.get(name);
    if (!intent) throw new SourceError(join('skill-package/model-source', locale, 'model.txt'), 0, `intent ${name} has no file intents/${name}.txt`);
    const samples: string[] = [];
    for (const { text, number, file } of intent.lines) {
      const said = expand(text, source.phrases, file, number);
      if (said.length > MAX_SAMPLES_PER_TEMPLATE)
        throw new SourceError(
          file,
          number,
          `says ${said.length} samples, more than ${MAX_SAMPLES_PER_TEMPLATE}: every combination of the same words teaches less than a few different ways of asking, and outweighs the other intents; split it into templates that each vary a few words`,
        );
      for (const sample of said) add(samples, reworded(sample, source.words));
    }
    return { name, ...(intent.slots.length > 0 && { slots: intent.slots }), samples };
  });

  const types: ModelType[] = [];
  for (const name of [...source.types.keys()].sort()) {
    const values: { id: string; name: { value: string; synonyms: string[] } }[] = [];
    for (const { text, indented, number, file } of source.types.get(name) ?? []) {
      if (!indented) {
        const at = text.indexOf(':');
        if (at < 0) throw new SourceError(file, number, 'expected "id: value", or an indented synonym');
        const id = text.slice(0, at).trim();
        const [value = '', ...also] = reworded(text.slice(at + 1).trim(), source.words);
        const known = values.find((v) => v.id === id);
        // A value named again by a locale extending another: its name there, the old name kept as a synonym.
        if (known) {
          if (known.name.value !== value) add(known.name.synonyms, [known.name.value]);
          known.name.value = value;
          known.name.synonyms = known.name.synonyms.filter((s) => s !== value);
          add(known.name.synonyms, also);
          values.push(values.splice(values.indexOf(known), 1)[0] ?? known);
        } else values.push({ id, name: { value, synonyms: also } });
        continue;
      }
      const current = values.at(-1);
      if (!current) throw new SourceError(file, number, 'a synonym before any "id: value" line');
      for (const synonym of expand(text, source.phrases, file, number))
        add(
          current.name.synonyms,
          reworded(synonym, source.words).filter((s) => s !== current.name.value),
        );
    }
    types.push({ name, values });
  }
  return { invocationName: source.invocationName, intents, types };
}

/** The JSON file the ASK CLI deploys, exactly as the repository keeps it. */
export const modelJson = (model: LanguageModel): string => `${JSON.stringify({ interactionModel: { languageModel: model } }, null, 2)}\n`;
