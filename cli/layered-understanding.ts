import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IModel } from 'virtual-core';
import { FALLBACK_INTENT, languageOf, ModelNlu, trainingKey, type Language, type LanguageModel, type Match as NluMatch } from './model-nlu';
import { nluCache } from './nlu-cache';
import type { Match as TerminalMatch, UtteranceMatcher } from './utterance-matcher';

/**
 * How `npm start` hears a typed sentence. A warning sign or crisis words said anywhere come first
 * (the one rule of the word matcher kept for safety); then a sample said exactly, as Alexa matches
 * it, or words in a sample's slot that the model does not list; then nlp.js trained only on the
 * interaction model, so that what the terminal understands is what the model teaches. The word-overlap matcher answers only when the language model hears no
 * intent at all.
 */
export class LayeredUnderstanding {
  private ready: Promise<ModelNlu> | undefined;

  constructor(
    private readonly matcher: UtteranceMatcher,
    private readonly nlu: () => Promise<ModelNlu>,
  ) {}

  async match(typed: string): Promise<NluMatch | TerminalMatch> {
    const heard = this.matcher.match(typed);
    // Words in a slot's place that the model does not list ("tell me about the appendix") are heard as
    // that slot, as Alexa hears them: the handler says what it does cover.
    if (heard.how === 'priority' || heard.how === 'exact' || heard.how === 'open slot') return heard;
    this.ready ??= this.nlu();
    const learned = await (await this.ready).match(typed);
    return learned.intent === FALLBACK_INTENT ? heard : learned;
  }
}

/** The language model in an interaction model file, the language it is in, and the project root whose cache keeps it. */
function readModel(modelPath: string): { languageModel: LanguageModel; language: Language; root: string } {
  const { interactionModel } = JSON.parse(readFileSync(modelPath, 'utf8')) as { interactionModel: { languageModel: LanguageModel } };
  // skill-package/interactionModels/custom/<locale>.json → the project root.
  return { languageModel: interactionModel.languageModel, language: languageOf(basename(modelPath, '.json')), root: join(modelPath, '..', '..', '..', '..') };
}

/** True when the model in `modelPath` has been trained and kept: loading it then takes a second, not a dozen. */
export function isTrained(modelPath: string): boolean {
  const { languageModel, language, root } = readModel(modelPath);
  return nluCache(root).has(trainingKey(languageModel, language));
}

const trained = new Map<string, Promise<ModelNlu>>();
/**
 * nlp.js trained on one interaction model file, once per process, and kept between processes by
 * the model's hash (under node_modules/.cache of the project the file belongs to).
 */
export function trainedNlu(modelPath: string): Promise<ModelNlu> {
  let nlu = trained.get(modelPath);
  if (!nlu) {
    const { languageModel, language, root } = readModel(modelPath);
    nlu = ModelNlu.train(languageModel, undefined, nluCache(root), language);
    trained.set(modelPath, nlu);
  }
  return nlu;
}

/** The trained language model, matching exact samples against `model` (virtual-alexa's parsed copy of the same file). */
export const sharedNlu = async (modelPath: string, model: IModel): Promise<ModelNlu> => (await trainedNlu(modelPath)).withModel(model);
