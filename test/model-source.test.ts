import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, expand, modelJson, SourceError } from '../scripts/model-source';
import { conflictProblems, discoverModels } from '../scripts/model-check';

/** The interaction model is written as a readable source and expanded by a script: the two never drift apart. */
describe('the readable source of the interaction model', () => {
  it('expands to exactly the JSON the ASK CLI deploys (run npm run model:build after editing the source)', () => {
    const committed = readFileSync(join(__dirname, '..', 'skill-package', 'interactionModels', 'custom', 'en-GB.json'), 'utf8');
    expect(modelJson(buildModel('en-GB')) === committed).toBe(true);
  });

  it('reads a template as a linguist writes it: choices, optional words, shared phrases and slots', () => {
    const phrases = new Map([['who', ['my mum', 'my dad']]]);
    expect(expand('(what is|tell me about) {site}', phrases)).toEqual(['what is {site}', 'tell me about {site}']);
    expect(expand('<who> (really |){sign}', phrases)).toEqual(['my mum really {sign}', 'my mum {sign}', 'my dad really {sign}', 'my dad {sign}']);
    expect(expand('(a|(b|c) d)', phrases)).toEqual(['a', 'b d', 'c d']);
  });

  it('says where a template is broken, by file and line', () => {
    expect(() => expand('what is (the {site}', new Map(), 'intents/TopicIntent.txt', 12)).toThrow(
      new SourceError('intents/TopicIntent.txt', 12, 'a "(" that is never closed'),
    );
    expect(() => expand('<nobody> {sign}', new Map(), 'intents/UrgentIntent.txt', 3)).toThrow('intents/UrgentIntent.txt:3: <nobody> is not in phrases.txt');
    expect(() => expand('a | b', new Map(), 'f', 1)).toThrow('f:1: a "|" outside ( … ): put the choices in brackets');
  });

  it('is smaller to read than what it deploys', () => {
    const model = buildModel('en-GB');
    const samples = model.intents.reduce((n, i) => n + (i.samples?.length ?? 0), 0);
    expect(samples).toBeGreaterThan(1000);
  });
});

describe("Alexa's utterance-conflict detection, offline", () => {
  const [en] = discoverModels();
  if (!en) throw new Error('no model');

  it('finds no sample of one intent that another intent also says with a slot filled', () => {
    expect(conflictProblems(en.model)).toEqual([]);
  });

  it('finds one when it is planted: a literal question another intent says with a slot value', () => {
    const planted = {
      ...en.model,
      intents: en.model.intents.map((i) => (i.name === 'AMAZON.HelpIntent' ? { ...i, samples: [...(i.samples ?? []), 'what is secondary bone cancer'] } : i)),
    };
    expect(conflictProblems(planted).some((p) => p.startsWith('sample "what is secondary bone cancer" of AMAZON.HelpIntent is also said by TopicIntent'))).toBe(
      true,
    );
  });
});
