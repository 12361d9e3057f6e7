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
import { KNOWN_INTENTS } from '../lambda/observability/known-names';
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

/** What a check finds in the broken copy that it does not find in the real model. */
const added = (check: (model: LanguageModel) => string[], broken: LanguageModel): string[] => {
  const before = new Set(check(real()));
  return check(broken).filter((problem) => !before.has(problem));
};

/** A tiny model of its own for the example-phrase rules, so they don't depend on today's samples. */
const SMALL: LanguageModel = {
  invocationName: 'cancer guide',
  intents: [
    { name: 'TopicIntent', slots: [{ name: 'site', type: 'SiteType' }], samples: ['what is {site}', 'about {site}', 'what does advanced mean'] },
    { name: 'AMAZON.HelpIntent', samples: ['help'] },
  ],
  types: [{ name: 'SiteType', values: [{ id: 'bone', name: { value: 'bone', synonyms: ['bone mets', 'bony secondaries'] } }] }],
};

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
    const owner = real().intents.find((i) => !i.name.startsWith('AMAZON.') && (i.samples?.length ?? 0) > 0);
    const sample = owner?.samples?.[0] ?? '';
    const shouted = `${sample.charAt(0).toUpperCase()}${sample.slice(1)}!`;
    const model = withIntent(real(), 'AMAZON.HelpIntent', (i) => ({ ...i, samples: [...(i.samples ?? []), shouted] }));
    expect(added(duplicateSampleProblems, model)).toEqual([`sample "${shouted}" is claimed by both ${owner?.name ?? ''} and AMAZON.HelpIntent`]);
  });

  it('finds a sample repeated within one intent, but not two spellings of a word', () => {
    const model = withIntent(real(), 'AMAZON.HelpIntent', (i) => ({
      ...i,
      samples: [...(i.samples ?? []), "what can my husband's nurse do", 'what can my husbands nurse do', 'What can my  husbands nurse do'],
    }));
    expect(added(duplicateSampleProblems, model)).toEqual(['sample "What can my  husbands nurse do" appears twice in AMAZON.HelpIntent']);
  });

  it('finds a slot a sample uses but the intent does not declare', () => {
    const model = withIntent(real(), 'AMAZON.HelpIntent', (i) => ({ ...i, samples: [...(i.samples ?? []), 'what about {organ}'] }));
    expect(added(slotProblems, model)).toEqual(['AMAZON.HelpIntent sample "what about {organ}" uses {organ}, which the intent does not declare']);
  });

  it('finds a slot whose type the model does not define', () => {
    const model = withIntent(real(), 'AMAZON.HelpIntent', (i) => ({ ...i, slots: [...(i.slots ?? []), { name: 'organ', type: 'OrganType' }] }));
    expect(added(slotProblems, model)).toEqual(['AMAZON.HelpIntent slot organ has type OrganType, which the model does not define']);
  });

  it('finds a custom intent with too few varied samples: slot-only variations count once', () => {
    const thin = {
      name: 'WhereFromIntent',
      slots: [{ name: 'site', type: 'SiteType' }],
      samples: ['where is that from', 'where is {site} from', 'where does {site} come from', 'source please'],
    };
    const model = { ...real(), intents: [...real().intents, thin] };
    expect(added(sampleCountProblems, model)).toEqual(['WhereFromIntent has 4 varied samples (at least 20 needed)']);
  });

  it('finds a missing built-in intent', () => {
    const model = { ...real(), intents: real().intents.filter((i) => i.name !== 'AMAZON.RepeatIntent') };
    expect(added(builtInProblems, model)).toEqual(['built-in intent AMAZON.RepeatIntent is missing']);
  });

  it.each([
    ['Alexa, open guide', 'the first phrase must be "Alexa, open cancer guide"'],
    ['Alexa, open cancer guide  ', 'has extra spaces'],
    ['alexa, open cancer guide', 'must start with "Alexa, "'],
    ['Alexa, open cancer guide!', 'has characters other than words'],
  ])('refuses the first example phrase "%s"', (phrase, message) => {
    expect(examplePhraseProblems([phrase], SMALL)).toContainEqual(expect.stringContaining(message));
  });

  it('refuses an example phrase whose request is not a sample, and more than three phrases', () => {
    const phrases = [
      'Alexa, open cancer guide',
      'Alexa, ask cancer guide to explain the bone thing',
      'Alexa, ask cancer guide what does advanced mean',
      'help',
    ];
    expect(examplePhraseProblems(phrases, SMALL)).toEqual([
      '4 example phrases (at most 3)',
      'example phrase 2 "Alexa, ask cancer guide to explain the bone thing": "to explain the bone thing" is not one of the sample utterances',
    ]);
  });

  it('accepts slot synonyms, connecting words and in-session samples in example phrases', () => {
    expect(examplePhraseProblems(['Alexa, open cancer guide', 'Alexa, ask cancer guide about bone mets', 'what is bony secondaries'], SMALL)).toEqual([]);
    expect(examplePhraseProblems(['Alexa, open cancer guide', 'what is the liver'], SMALL)).toEqual([
      'example phrase 2 "what is the liver": is not one of the sample utterances',
    ]);
  });

  it('finds a model intent that no handler claims, by driving the real skill', async () => {
    const model = { ...real(), intents: [...real().intents, { name: 'WhereFromIntent', samples: ['where is that from'] }] };
    const unanswered = await answeredByFallback('en-GB', ['WhereFromIntent', 'AMAZON.HelpIntent', 'AMAZON.FallbackIntent']);
    expect(unanswered).toEqual(['WhereFromIntent']);
    expect(handlerModelProblems('en-GB', model, new Map(), unanswered)).toEqual([
      'en-GB: intent WhereFromIntent is answered by the generic fallback: no handler claims it',
    ]);
  });

  it('finds a handled intent that a model lacks, reading the handlers from the source', () => {
    const handled = handledIntentsInSource(join(__dirname, '..', 'lambda'));
    expect([...handled.keys()]).toEqual(expect.arrayContaining(['AMAZON.HelpIntent', 'AMAZON.YesIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent']));
    const [name, file] = [...handled].find(([n]) => n === 'AMAZON.YesIntent') ?? ['', ''];
    const model = { ...real(), intents: real().intents.filter((i) => i.name !== name) };
    expect(handlerModelProblems('en-GB', model, handled, [])).toEqual([`en-GB: ${file} handles AMAZON.YesIntent, which the en-GB model does not have`]);
    expect(file).toMatch(/^lambda\/intents\/.+\.ts$/);
  });
});

describe('the names the request log knows', () => {
  it('include every intent of every interaction model, so a real intent is never logged as "other"', () => {
    for (const { model } of discoverModels()) {
      expect(model.intents.map((i) => i.name).filter((name) => !KNOWN_INTENTS.has(name))).toEqual([]);
    }
  });
});
