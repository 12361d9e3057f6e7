import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, expand, modelJson, SourceError } from '../scripts/model-source';
import { conflictProblems, discoverModels } from '../scripts/model-check';

/** The interaction model is written as a readable source and expanded by a script: the two never drift apart. */
describe('the readable source of the interaction model', () => {
  it.each(discoverModels().map((m) => m.locale))(
    'expands %s to exactly the JSON the ASK CLI deploys (run npm run model:build after editing the source)',
    (locale) => {
      const committed = readFileSync(join(__dirname, '..', 'skill-package', 'interactionModels', 'custom', `${locale}.json`), 'utf8');
      expect(modelJson(buildModel(locale)) === committed).toBe(true);
    },
  );

  it('builds a locale that extends another: its words swapped in, its samples and synonyms added, its phrases in place of the other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-source-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      write('en-GB/model.txt', 'invocation: guide\nintents: AskIntent');
      write('en-GB/phrases.txt', 'who: my mum | my nan');
      write('en-GB/intents/AskIntent.txt', 'slots: site SiteType\n<who> has a tumour in the {site}\nring the gp about {site}');
      write('en-GB/slots/SiteType.txt', 'bone: bone\n  bones\nliver: liver');
      write('en-US/model.txt', 'extends: en-GB');
      write('en-US/phrases.txt', 'who: my mom');
      write('en-US/words.txt', 'tumour => tumor\nring => call\ngp => doctor | family doctor');
      write('en-US/intents/AskIntent.txt', 'talk to the oncologist about {site}');
      write('en-US/slots/SiteType.txt', 'bone: bones\n  skeleton');
      expect(buildModel('en-US', dir)).toEqual({
        invocationName: 'guide',
        intents: [
          {
            name: 'AskIntent',
            slots: [{ name: 'site', type: 'SiteType' }],
            samples: [
              'my mom has a tumor in the {site}',
              'call the doctor about {site}',
              'call the family doctor about {site}',
              'talk to the oncologist about {site}',
            ],
          },
        ],
        types: [
          {
            name: 'SiteType',
            values: [
              { id: 'liver', name: { value: 'liver', synonyms: [] } },
              { id: 'bone', name: { value: 'bones', synonyms: ['bone', 'skeleton'] } },
            ],
          },
        ],
      });
      write('en-US/intents/AskIntent.txt', 'slots: place SiteType\nabout {place}');
      expect(() => buildModel('en-US', dir)).toThrow('has other slots than the intent it adds to');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('refuses a template that says every combination of its words, by file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-source-'));
    try {
      const write = (path: string, text: string) => {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
      };
      write('en-GB/model.txt', 'invocation: guide\nintents: AskIntent');
      write('en-GB/phrases.txt', 'who: mum | dad | nan | husband | wife | son | daughter | friend');
      // 2 × 2 × 8 × 4 × 4 = 512 samples.
      write(
        'en-GB/intents/AskIntent.txt',
        'slots: site SiteType\n(can you|) tell me (if|whether) my <who> (scan|results|letter|report) (shows|means|says|said) it has spread',
      );
      write('en-GB/slots/SiteType.txt', 'liver: liver');
      expect(() => buildModel('en-GB', dir)).toThrow('skill-package/model-source/en-GB/intents/AskIntent.txt:2: says 512 samples, more than 500');
      write(
        'en-GB/intents/AskIntent.txt',
        'slots: site SiteType\n(can you|) tell me (if|whether) my <who> (scan|results) means it has spread\ntell me if my (letter|report) (says|said) it has spread',
      );
      expect(buildModel('en-GB', dir).intents[0]?.samples).toHaveLength(64 + 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
