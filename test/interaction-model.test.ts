import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { MODEL_PATH, newConversation } from './helpers/conversation';
import { envelope } from './helpers/envelopes';

interface Model {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: { name: string; slots?: { name: string; type: string }[]; samples?: string[] }[];
      types: { name: string; values: { id: string; name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}
const model = (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as Model).interactionModel.languageModel;
const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'skill-package', 'skill.json'), 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, { examplePhrases: string[]; description: string }> } };
};
const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9'{} ]/g, '').replace(/\s+/g, ' ').trim();

describe('the en-GB interaction model', () => {
  it('has an invocation name Alexa accepts: two or more lower-case words, letters only', () => {
    expect(model.invocationName).toMatch(/^[a-z]+( [a-z]+)+$/);
    expect(model.invocationName).not.toMatch(/\b(alexa|amazon|echo|skill|app)\b/);
  });

  it('gives no sample to two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const intent of model.intents) {
      for (const sample of intent.samples ?? []) {
        const key = normal(sample);
        const first = owner.get(key);
        if (first && first !== intent.name) clashes.push(`"${sample}": ${first} and ${intent.name}`);
        owner.set(key, intent.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('declares every slot a sample uses, with a type that exists', () => {
    const types = new Set(model.types.map((t) => t.name));
    const problems: string[] = [];
    for (const intent of model.intents) {
      const slots = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
      for (const sample of intent.samples ?? []) {
        for (const [, name] of sample.matchAll(/\{([^}]+)\}/g)) if (!slots.has(name ?? '')) problems.push(`${intent.name} "${sample}": {${name}} not declared`);
      }
      for (const [name, type] of slots) if (!types.has(type) && !type.startsWith('AMAZON.')) problems.push(`${intent.name}.${name}: type ${type} missing`);
    }
    expect(problems).toEqual([]);
  });

  it('has the built-in intents a certified skill needs', () => {
    const names = model.intents.map((i) => i.name);
    for (const name of ['AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.RepeatIntent', 'AMAZON.StartOverIntent'])
      expect(names).toContain(name);
  });

  it("says in the skill's description that it is not a substitute for medical advice", () => {
    expect(manifest.manifest.publishingInformation.locales['en-GB']?.description).toMatch(/not a substitute for professional medical advice/);
  });

  it.each(manifest.manifest.publishingInformation.locales['en-GB']?.examplePhrases ?? [])('works as written: "%s"', async (phrase) => {
    const reply = await newConversation().say(phrase.replace(/^alexa,? /i, ''));
    expect(['launch', 'exact']).toContain(reply.heardAs.how);
    expect(reply.ended).toBe(false);
  });
});

describe('the package', () => {
  it("exports the built skill as require('<project root>').handler", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- exactly what Lambda and other tools do
    const { handler } = require(join(__dirname, '..')) as { handler: (e: RequestEnvelope) => Promise<ResponseEnvelope> };
    const response = await handler(envelope('launch'));
    expect((response.response.outputSpeech as { ssml: string }).ssml).toMatch(/^<speak>Welcome to the secondary cancer guide/);
  });
});
