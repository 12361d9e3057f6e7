import { createHash } from 'node:crypto';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { Nlp } from '@nlpjs/nlp';
import type { IModel } from 'virtual-core';
import { exactMatch } from './exact-match';
import { normalise, stem } from './heard-words';

export { normalise } from './heard-words';

/** An intent and the slot words that Alexa would send for a typed sentence. */
export interface Match {
  readonly intent: string;
  /** Slot name → the words heard, spelled as the interaction model lists the value. */
  readonly slots: Readonly<Record<string, string>>;
  /** How it matched: an exact sample, the language model's best guess, or nothing. */
  readonly how: 'exact' | 'nlu' | 'fallback';
  /** The language model's confidence, for --debug. */
  readonly score?: number;
}

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/** The languages nlp.js is set up for here: the language part of every locale the skill has a model for. */
export type Language = 'en' | 'es';
export const languageOf = (locale: string): Language => (locale.startsWith('es') ? 'es' : 'en');

/** The parts of an ASK interaction model the language model learns from. */
export interface LanguageModel {
  readonly intents: readonly {
    readonly name: string;
    readonly slots?: readonly { readonly name: string; readonly type: string }[];
    readonly samples?: readonly string[];
  }[];
  readonly types?: readonly {
    readonly name: string;
    readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
  }[];
}

interface NlpResult {
  readonly intent: string;
  readonly score: number;
}

/** A slot value heard in a sentence: its type, the model's spelling of it, and where it was said. */
interface Heard {
  readonly type: string;
  readonly spelled: string;
  readonly start: number;
  readonly end: number;
}

interface ValuePhrase {
  readonly type: string;
  readonly spelled: string;
  readonly words: readonly string[];
  readonly stems: readonly string[];
}
/** The parts of nlp.js's trained classifier (4.x, pinned) read to rank intents when none is activated. */
interface Perceptron {
  readonly name: string;
  readonly weights: Float32Array;
  readonly bias: number;
}
interface DomainNlu {
  readonly settings: object;
  readonly neuralNetwork?: {
    readonly perceptrons: readonly Perceptron[];
    readonly lookup: { transformInput(features: Record<string, number>): { keys: readonly number[]; data: Readonly<Record<number, number>> } };
  };
  applySettings(settings: object, defaults: object): object;
  prepare(text: string, settings?: object): Promise<Record<string, number>>;
  textToFeatures(input: { tokens: Record<string, number>; settings: object }): Promise<{ tokens: Record<string, number> }>;
}
interface NlpInstance {
  settings: { autoSave: boolean; autoLoad: boolean; threshold: number; forceNER: boolean };
  nluManager: { settings: { log: boolean }; domainManagers: Record<string, { domains: Record<string, DomainNlu | undefined> } | undefined> };
  addLanguage(locale: string): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, utterance: string): Promise<NlpResult>;
  export(minified?: boolean): string;
  import(data: string): void;
}

/** How many readings of an ambiguous sentence are weighed: enough for two or three ambiguous words. */
const MAX_READINGS = 8;

/** A slot, in a sample and in a sentence alike, becomes one word naming its type: the classifier learns where a slot goes, not which value. */
const typeToken = (type: string): string => `${type.toLowerCase().replace(/[^a-z]/g, '')}slotvalue`;

const sampleText = (sample: string, slotTypes: ReadonlyMap<string, string>): string =>
  sample
    .replace(/\{([^}|]+)\}/g, (_m, slot: string) => ` ${typeToken(slotTypes.get(slot) ?? slot)} `)
    .replace(/\s+/g, ' ')
    .trim();

/** What a trained model is kept under: it depends only on the language and the interaction model. */
export const trainingKey = (languageModel: LanguageModel, language: Language): string =>
  createHash('sha256').update(language).update(JSON.stringify(languageModel)).digest('hex').slice(0, 16);

/** Which phrases (by position) begin with each word, and with each stem. */
type PhraseIndex = Readonly<Record<'words' | 'stems', ReadonlyMap<string, readonly number[]>>>;
const indexes = new WeakMap<readonly ValuePhrase[], PhraseIndex>();

/**
 * A sentence is compared only with the phrases that begin with one of its words, not with every value
 * of the model at every position. Built once per trained model, shared by its copies (withModel).
 */
function startingWith(phrases: readonly ValuePhrase[]): PhraseIndex {
  let index = indexes.get(phrases);
  if (!index) {
    const words = new Map<string, number[]>();
    const stems = new Map<string, number[]>();
    phrases.forEach((phrase, i) => {
      for (const [map, first] of [
        [words, phrase.words[0]],
        [stems, phrase.stems[0]],
      ] as const) {
        if (first === undefined) continue;
        const list = map.get(first);
        if (list) list.push(i);
        else map.set(first, [i]);
      }
    });
    indexes.set(phrases, (index = { words, stems }));
  }
  return index;
}

/**
 * What the interaction model teaches a statistical language model, and nothing more: the intents'
 * samples and the slot types' values and synonyms. nlp.js stands in for Alexa's own model, which
 * cannot run here; whatever the terminal understands, the model taught it.
 */
export class ModelNlu {
  private constructor(
    private readonly nlp: NlpInstance,
    private readonly model: IModel | undefined,
    private readonly slotsOf: ReadonlyMap<string, readonly { name: string; type: string }[]>,
    /** Every slot value and synonym, longest first, so "secondary bone cancer" wins over "bone". */
    private readonly phrases: readonly ValuePhrase[],
    private readonly language: Language,
  ) {
    this.startingWith = startingWith(phrases);
  }

  private readonly startingWith: PhraseIndex;

  /** Trains on `languageModel` (a few seconds for thousands of samples): do it once per process. */
  static async train(
    languageModel: LanguageModel,
    model: IModel | undefined,
    cache?: { read(key: string): string | undefined; write(key: string, data: string): void },
    language: Language = 'en',
  ): Promise<ModelNlu> {
    const container = await containerBootstrap();
    container.use(language === 'es' ? LangEs : LangEn);
    container.use(Nlp);
    const nlp = container.get('nlp') as NlpInstance;
    nlp.settings.autoSave = false;
    nlp.settings.autoLoad = false;
    nlp.nluManager.settings.log = false;
    nlp.addLanguage(language);
    const slotsOf = new Map<string, { name: string; type: string }[]>();
    const phrases: ValuePhrase[] = [];
    const usedTypes = new Set<string>();
    for (const intent of languageModel.intents) {
      const slots = (intent.slots ?? []).map((s) => ({ name: s.name, type: s.type }));
      slotsOf.set(intent.name, slots);
      for (const s of slots) usedTypes.add(s.type);
    }
    for (const type of languageModel.types ?? []) {
      if (!usedTypes.has(type.name)) continue;
      for (const value of type.values) {
        for (const spelled of [value.name.value, ...(value.name.synonyms ?? [])]) {
          const words = normalise(spelled).split(' ').filter(Boolean);
          if (words.length > 0) phrases.push({ type: type.name, spelled, words, stems: words.map(stem) });
        }
      }
    }
    const key = trainingKey(languageModel, language);
    const cached = cache?.read(key);
    if (cached) nlp.import(cached);
    else {
      for (const intent of languageModel.intents) {
        const types = new Map((intent.slots ?? []).map((s) => [s.name, s.type] as const));
        for (const sample of intent.samples ?? []) nlp.addDocument(language, sampleText(sample, types), intent.name);
      }
      await nlp.train();
      cache?.write(key, nlp.export(true));
    }
    phrases.sort((a, b) => b.words.length - a.words.length);
    return new ModelNlu(nlp, model, slotsOf, phrases, language);
  }

  /** The same trained language model, matching exact samples against `model` (virtual-alexa's parsed copy). */
  withModel(model: IModel): ModelNlu {
    return new ModelNlu(this.nlp, model, this.slotsOf, this.phrases, this.language);
  }

  /** Exactly a sample first, as Alexa would; otherwise the language model's best guess, with the slots it heard. */
  async match(typed: string): Promise<Match> {
    const text = normalise(typed);
    if (text.length === 0) return { intent: FALLBACK_INTENT, slots: {}, how: 'fallback' };
    const exact = this.model ? exactMatch(this.model, text) : undefined;
    if (exact) return { ...exact, how: 'exact' };
    const said = text.split(' ');
    // Words that are a value of two slot types ("breathless": a symptom asked about, or a sign
    // reported) are read both ways, and the reading the language model is surer of wins, as a joint
    // intent-and-slot model would decide: "can lung mets make you breathless" is a topic,
    // "he's breathless" a report.
    let best: { result: NlpResult; heard: readonly Heard[] } | undefined;
    for (const heard of this.readings(this.hear(said))) {
      const text = this.masked(said, heard);
      const processed = await this.nlp.process(this.language, text);
      const result = processed.intent === 'None' ? ((await this.ranked(text, heard)) ?? processed) : processed;
      // "None" is the language model finding no intent in this reading; any intent in another reading beats it.
      const sureness = (r: NlpResult): number => (r.intent === 'None' ? -1 : r.score);
      if (!best || sureness(result) > sureness(best.result)) best = { result, heard };
    }
    const result = best?.result;
    if (!best || !result || result.intent === 'None' || !this.slotsOf.has(result.intent))
      return { intent: FALLBACK_INTENT, slots: {}, how: 'fallback', ...(result && { score: result.score }) };
    return { intent: result.intent, slots: this.fill(result.intent, best.heard), how: 'nlu', score: result.score };
  }

  /**
   * When nlp.js activates no intent, the intent a joint intent-and-slot model would choose: among the
   * intents that declare a slot of every type heard, the one whose perceptron scores the sentence
   * highest. nlp.js clips every perceptron's output at zero, so a sentence of known words that no
   * intent claims alone ("my mum's got cancer in her bones, what treatment is there") gets "None",
   * where Alexa, which hears the slots and the intent together, would hear the intent those slots
   * belong to. A sentence with no slot value heard stays unmatched: without one, the scores say little.
   */
  private async ranked(text: string, heard: readonly Heard[]): Promise<NlpResult | undefined> {
    const nlu = this.nlp.nluManager.domainManagers[this.language]?.domains.master_domain;
    const network = nlu?.neuralNetwork;
    const types = new Set(heard.map((h) => h.type));
    if (!nlu || !network || types.size === 0) return undefined;
    const settings = nlu.applySettings({}, nlu.settings);
    const { tokens } = await nlu.textToFeatures({ tokens: { ...(await nlu.prepare(text, settings)) }, settings });
    const input = network.lookup.transformInput(tokens);
    let best: { intent: string; sum: number } | undefined;
    for (const { name, weights, bias } of network.perceptrons) {
      const declared = this.slotsOf.get(name);
      if (!declared || [...types].some((type) => !declared.some((slot) => slot.type === type))) continue;
      const sum = input.keys.reduce((total, key) => total + (input.data[key] ?? 0) * (weights[key] ?? 0), bias);
      if (!best || sum > best.sum) best = { intent: name, sum };
    }
    // Ranked below any reading nlp.js itself activated an intent for.
    return best && { intent: best.intent, score: 0 };
  }

  /** Each way of reading the spans heard when some could be more than one type: at most a few. */
  private readings(heard: readonly Heard[]): Heard[][] {
    const spans = new Map<string, Heard[]>();
    for (const h of heard) spans.set(`${h.start}:${h.end}`, [...(spans.get(`${h.start}:${h.end}`) ?? []), h]);
    let out: Heard[][] = [[]];
    for (const choices of spans.values()) {
      const types = choices.filter((c, i) => choices.findIndex((o) => o.type === c.type) === i);
      out = out.flatMap((reading) => types.map((choice) => [...reading, choice])).slice(0, MAX_READINGS);
    }
    return out.map((reading) => reading.sort((a, b) => a.start - b.start));
  }

  /**
   * Slot values said in the sentence, as entity resolution finds them: a value or synonym of the
   * model, word for word (or differing only in a plural), longest first and never overlapping.
   */
  private hear(said: readonly string[]): Heard[] {
    const stems = said.map(stem);
    const taken = new Array<boolean>(said.length).fill(false);
    const found: Heard[] = [];
    for (const form of ['words', 'stems'] as const) {
      const sentence = form === 'words' ? said : stems;
      // In the phrases' own order (longest first), as if every phrase were tried.
      const candidates = [...new Set(sentence.flatMap((word) => this.startingWith[form].get(word) ?? []))].sort((a, b) => a - b);
      for (const i of candidates) {
        const phrase = this.phrases[i];
        if (!phrase) continue;
        const wanted = phrase[form];
        for (let start = 0; start + wanted.length <= sentence.length; start++) {
          const end = start + wanted.length;
          if (wanted.some((w, k) => sentence[start + k] !== w)) continue;
          // The same words as a value of another type: another reading of one span, not a new span.
          const same = found.some((f) => f.start === start && f.end === end && f.type !== phrase.type);
          if (taken.slice(start, end).some(Boolean) && !same) continue;
          if (found.some((f) => f.start === start && f.end === end && f.type === phrase.type)) continue;
          taken.fill(true, start, end);
          found.push({ type: phrase.type, spelled: phrase.spelled, start, end });
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  private masked(said: readonly string[], heard: readonly Heard[]): string {
    const out: string[] = [];
    for (let i = 0; i < said.length;) {
      const value = heard.find((h) => h.start === i);
      out.push(value ? typeToken(value.type) : (said[i] ?? ''));
      i = value ? value.end : i + 1;
    }
    return out.join(' ');
  }

  /** The intent's slots from the values heard, in the order said: a second value of a type fills the intent's second slot of that type. */
  private fill(intent: string, heard: readonly Heard[]): Record<string, string> {
    const slots: Record<string, string> = {};
    const used = new Map<string, number>();
    for (const { name, type } of this.slotsOf.get(intent) ?? []) {
      const ofType = heard.filter((h) => h.type === type);
      const n = used.get(type) ?? 0;
      const value = ofType[n];
      if (!value) continue;
      used.set(type, n + 1);
      slots[name] = value.spelled;
    }
    return slots;
  }
}
