import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IModel } from 'virtual-core';
import { exactMatch } from '../../cli/exact-match';
import { Conversation, type Understanding } from '../../cli/conversation';
import { FALLBACK_INTENT, ModelNlu, normalise, type LanguageModel } from '../../cli/model-nlu';
import { nluCache } from '../../cli/nlu-cache';
import { handler } from '../../lambda/index';
import { MODEL_PATH } from './conversation';

const languageModel = (): LanguageModel =>
  (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { interactionModel: { languageModel: LanguageModel } }).interactionModel.languageModel;

/** Only what matches a sample exactly, as virtual-alexa's matcher does; everything else is the fallback. */
export const exactOnly = (model: IModel): Understanding => ({
  match(typed) {
    const exact = exactMatch(model, normalise(typed));
    return exact ? { ...exact, how: 'exact' } : { intent: FALLBACK_INTENT, slots: {}, how: 'fallback' };
  },
});

let trained: Promise<ModelNlu> | undefined;
/** nlp.js trained on the interaction model alone, once per process (and cached between processes). */
export async function modelNlu(): Promise<(model: IModel) => Understanding> {
  trained ??= ModelNlu.train(languageModel(), undefined, nluCache(join(__dirname, '..', '..')));
  const nlu = await trained;
  return (model) => nlu.withModel(model);
}

export const conversationWith = (understanding: (model: IModel) => Understanding): Conversation =>
  new Conversation(handler, MODEL_PATH, 'en-GB', { understanding });
