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

/** Reads one locale's source and expands it into the language model the ASK CLI deploys. */
export function buildModel(locale: string, dir = SOURCE_DIR): LanguageModel {
  const root = join(dir, locale);
  const rel = (...parts: string[]) => join('skill-package/model-source', locale, ...parts);
  let invocationName = '';
  let order: string[] = [];
  for (const { text, number } of linesOf(join(root, 'model.txt'))) {
    const [key, ...rest] = text.split(':');
    const value = rest.join(':').trim();
    if (key === 'invocation') invocationName = value;
    else if (key === 'intents') order = value.split(/\s+/).filter(Boolean);
    else throw new SourceError(rel('model.txt'), number, 'expected "invocation: …" or "intents: …"');
  }
  const phrases = new Map<string, string[]>();
  const phrasesPath = join(root, 'phrases.txt');
  if (existsSync(phrasesPath)) {
    for (const { text, number } of linesOf(phrasesPath)) {
      const at = text.indexOf(':');
      if (at < 0) throw new SourceError(rel('phrases.txt'), number, 'expected "name: a | b | c"');
      phrases.set(
        text.slice(0, at).trim(),
        text
          .slice(at + 1)
          .split('|')
          .map((p) => p.trim()),
      );
    }
  }

  const intents: ModelIntent[] = order.map((name) => {
    const file = rel('intents', `${name}.txt`);
    const path = join(root, 'intents', `${name}.txt`);
    if (!existsSync(path)) throw new SourceError(rel('model.txt'), 0, `intent ${name} has no file ${file}`);
    const slots: { name: string; type: string }[] = [];
    const samples: string[] = [];
    for (const { text, number } of linesOf(path)) {
      if (text.startsWith('slots:')) {
        for (const pair of text.slice('slots:'.length).split(',')) {
          const [slot, type] = pair.trim().split(/\s+/);
          if (!slot || !type) throw new SourceError(file, number, 'expected "slots: name Type, name Type"');
          slots.push({ name: slot, type });
        }
      } else for (const sample of expand(text, phrases, file, number)) if (!samples.includes(sample)) samples.push(sample);
    }
    return { name, ...(slots.length > 0 && { slots }), samples };
  });
  for (const file of readdirSync(join(root, 'intents'))) {
    const name = file.replace(/\.txt$/, '');
    if (!order.includes(name)) throw new SourceError(rel('intents', file), 0, `not listed in model.txt's intents`);
  }

  const types: ModelType[] = [];
  const slotsDir = join(root, 'slots');
  for (const file of readdirSync(slotsDir).sort()) {
    const rfile = rel('slots', file);
    const values: { id: string; name: { value: string; synonyms: string[] } }[] = [];
    for (const { text, indented, number } of linesOf(join(slotsDir, file))) {
      if (!indented) {
        const at = text.indexOf(':');
        if (at < 0) throw new SourceError(rfile, number, 'expected "id: value", or an indented synonym');
        values.push({ id: text.slice(0, at).trim(), name: { value: text.slice(at + 1).trim(), synonyms: [] } });
        continue;
      }
      const current = values.at(-1);
      if (!current) throw new SourceError(rfile, number, 'a synonym before any "id: value" line');
      for (const synonym of expand(text, phrases, rfile, number)) if (!current.name.synonyms.includes(synonym)) current.name.synonyms.push(synonym);
    }
    types.push({ name: file.replace(/\.txt$/, ''), values });
  }
  return { invocationName, intents, types };
}

/** The JSON file the ASK CLI deploys, exactly as the repository keeps it. */
export const modelJson = (model: LanguageModel): string => `${JSON.stringify({ interactionModel: { languageModel: model } }, null, 2)}\n`;
