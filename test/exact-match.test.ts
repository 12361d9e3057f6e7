import { readFileSync } from 'node:fs';
import { VirtualAlexa } from 'virtual-alexa';
import { Utterance, type IModel } from 'virtual-core';
import { exactMatch } from '../cli/exact-match';
import { normalise } from '../cli/model-nlu';
import { handler } from '../lambda/index';
import { MODEL_PATH } from './helpers/conversation';
import { safetySet, topicSet } from './helpers/judge';

/** The exact matcher every test and `npm start` hear through finds what virtual-core's own Utterance finds. */
describe('exact sample matching, built once per model', () => {
  const alexa = VirtualAlexa.Builder()
    .handler(handler)
    .interactionModel(JSON.parse(readFileSync(MODEL_PATH, 'utf8')))
    .locale('en-GB')
    .create();
  const model = (alexa as unknown as { context(): { interactionModel(): IModel } }).context().interactionModel();
  // Sentences that match samples with and without slots, and some that match none.
  const sentences = [
    'what is secondary cancer',
    'tell me about the liver',
    'my dad cannot feel his legs',
    'what should i ask my doctor about the bones',
    'zanzibar pelican marmalade',
    'speak slower',
    ...topicSet('en-GB.json', 'topics')
      .slice(0, 20)
      .map((p) => p.say),
    ...safetySet('en-GB-safety.json', 'safety')
      .slice(0, 20)
      .map((p) => p.say),
  ].map((s) => normalise(s));

  it.each(sentences)('"%s"', (sentence) => {
    const u = new Utterance(model, sentence);
    const theirs = u.matched()
      ? { intent: u.intent(), slots: Object.fromEntries(Object.entries(u.toJSON() as Record<string, string>).filter(([, v]) => v.length > 0)) }
      : undefined;
    expect(exactMatch(model, sentence)).toEqual(theirs);
  });

  it('finds samples at all: some of these sentences match one', () => {
    expect(sentences.filter((s) => exactMatch(model, s)).length).toBeGreaterThan(5);
  });
});
