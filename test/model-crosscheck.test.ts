import { join } from 'node:path';
import {
  builtInProblems,
  discoverModels,
  duplicateSampleProblems,
  examplePhraseProblems,
  handledIntentsInSource,
  handlerModelProblems,
  invocationNameProblems,
  sampleCountProblems,
  slotProblems,
  type LanguageModel,
  type ModelIntent,
} from '../scripts/model-check';
import { answeredByFallback } from './helpers/intent-probe';

/** Each check, fed a deliberately broken copy of the real model, must fail with a precise message. */
const real = (): LanguageModel => {
  const found = discoverModels()[0];
  if (!found) throw new Error('no interaction model found');
  return structuredClone(found.model);
};
const withIntent = (model: LanguageModel, name: string, change: (intent: ModelIntent) => ModelIntent): LanguageModel => ({
  ...model,
  intents: model.intents.map((i) => (i.name === name ? change(i) : i)),
});

describe('the interaction model checks, on broken copies', () => {
  it.each([
    ['Secondary Cancer Guide', 'only lower-case letters'],
    ['cancer', 'needs at least two words'],
    ['the guide', 'a two-word name cannot contain an article or preposition'],
    ['ask cancer guide', 'contains the launch word "ask"'],
    ['alexa cancer guide', 'contains the word "alexa"'],
    ['cancer guide skill', 'contains the word "skill"'],
    ['cancer guide 4', 'spell numbers as words'],
    ['guide whether cancer', 'contains the connecting word "whether"'],
  ])('refuses the invocation name "%s": %s', (name, message) => {
    expect(invocationNameProblems(name)).toContainEqual(expect.stringContaining(message));
  });

  it('accepts possessives and spelled abbreviations', () => {
    expect(invocationNameProblems("sam's n.h.s. guide")).toEqual([]);
  });

  it('finds a sample claimed by two intents, whatever its case and punctuation', () => {
    const model = withIntent(real(), 'AMAZON.HelpIntent', (i) => ({ ...i, samples: [...(i.samples ?? []), 'Tell me about {site}!'] }));
    expect(duplicateSampleProblems(model)).toEqual(['sample "Tell me about {site}!" is claimed by both TopicIntent and AMAZON.HelpIntent']);
  });

  it('finds a slot a sample uses but the intent does not declare', () => {
    const model = withIntent(real(), 'TopicIntent', (i) => ({ ...i, samples: [...(i.samples ?? []), 'what about {organ}'] }));
    expect(slotProblems(model)).toEqual(['TopicIntent sample "what about {organ}" uses {organ}, which the intent does not declare']);
  });

  it('finds a slot whose type the model does not define', () => {
    const model = withIntent(real(), 'TopicIntent', (i) => ({ ...i, slots: [...(i.slots ?? []), { name: 'organ', type: 'OrganType' }] }));
    expect(slotProblems(model)).toEqual(['TopicIntent slot organ has type OrganType, which the model does not define']);
  });

  it('finds a custom intent with too few varied samples: slot-only variations count once', () => {
    const thin = { name: 'WhereFromIntent', slots: [{ name: 'site', type: 'SiteType' }], samples: ['where is that from', 'where is {site} from', 'where does {site} come from', 'source please'] };
    const model = { ...real(), intents: [...real().intents, thin] };
    expect(sampleCountProblems(model)).toEqual(['WhereFromIntent has 4 varied samples (at least 20 needed)']);
  });

  it('finds a missing built-in intent', () => {
    const model = { ...real(), intents: real().intents.filter((i) => i.name !== 'AMAZON.RepeatIntent') };
    expect(builtInProblems(model)).toEqual(['built-in intent AMAZON.RepeatIntent is missing']);
  });

  it.each([
    ['Alexa, open cancer guide', 'the first phrase must be "Alexa, open secondary cancer guide"'],
    ['Alexa, open secondary cancer guide  ', 'has extra spaces'],
    ['alexa, open secondary cancer guide', 'must start with "Alexa, "'],
    ['Alexa, open secondary cancer guide!', 'has characters other than words'],
  ])('refuses the first example phrase "%s"', (phrase, message) => {
    expect(examplePhraseProblems([phrase], real())).toContainEqual(expect.stringContaining(message));
  });

  it('refuses an example phrase whose request is not a sample, and more than three phrases', () => {
    const phrases = ['Alexa, open secondary cancer guide', 'Alexa, ask secondary cancer guide to explain the bone thing', 'Alexa, ask secondary cancer guide what does advanced mean', 'help'];
    expect(examplePhraseProblems(phrases, real())).toEqual([
      '4 example phrases (at most 3)',
      'example phrase 2 "Alexa, ask secondary cancer guide to explain the bone thing": "to explain the bone thing" is not one of the sample utterances',
    ]);
  });

  it('accepts slot synonyms and connecting words in an example phrase', () => {
    expect(examplePhraseProblems(['Alexa, open secondary cancer guide', 'Alexa, ask secondary cancer guide about bone mets'], real())).toEqual([]);
  });

  it('finds a model intent that no handler claims, by driving the real skill', async () => {
    const model = { ...real(), intents: [...real().intents, { name: 'WhereFromIntent', samples: ['where is that from'] }] };
    const unanswered = await answeredByFallback('en-GB', model.intents.map((i) => i.name));
    expect(unanswered).toEqual(['WhereFromIntent']);
    expect(handlerModelProblems('en-GB', model, new Map(), unanswered)).toEqual([
      'en-GB: intent WhereFromIntent is answered by the generic fallback: no handler claims it',
    ]);
  });

  it('finds a handled intent that a model lacks, reading the handlers from the source', () => {
    const handled = handledIntentsInSource(join(__dirname, '..', 'lambda'));
    expect([...handled.keys()]).toEqual(expect.arrayContaining(['TopicIntent', 'AMAZON.YesIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent']));
    const model = { ...real(), intents: real().intents.filter((i) => i.name !== 'AMAZON.MoreIntent') };
    expect(handlerModelProblems('en-GB', model, handled, [])).toEqual([expect.stringMatching(/^en-GB: lambda\/intents\/more\.ts handles AMAZON\.MoreIntent, which the en-GB model does not have$/)]);
  });
});
