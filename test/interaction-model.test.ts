import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { Conversation, spokenText } from '../cli/conversation';
import { languageOf } from '../cli/model-nlu';
import { handler } from '../lambda/index';
import {
  builtInProblems,
  discoverModels,
  duplicateSampleProblems,
  examplePhraseProblems,
  handledIntentsInSource,
  handlerModelProblems,
  invocationNameProblems,
  MANIFEST_PATH,
  sampleCountProblems,
  slotProblems,
} from '../scripts/model-check';
import { envelope } from './helpers/envelopes';
import { answeredByFallback } from './helpers/intent-probe';

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, { examplePhrases?: string[]; description: string }> } };
};
const models = discoverModels();

describe.each(models.map((m) => [m.locale, m.model, m.path] as const))('the %s interaction model', (locale, model, path) => {
  it('has an invocation name Alexa accepts', () => expect(invocationNameProblems(model.invocationName)).toEqual([]));
  it('gives no sample to two intents', () => expect(duplicateSampleProblems(model)).toEqual([]));
  it('declares every slot a sample uses, with a type that exists', () => expect(slotProblems(model)).toEqual([]));
  it('gives each custom intent enough varied samples', () => expect(sampleCountProblems(model)).toEqual([]));
  it('has the built-in intents a certified skill needs', () => expect(builtInProblems(model)).toEqual([]));

  it('has a handler for every intent, and every handled intent in the model', async () => {
    const unanswered = await answeredByFallback(
      locale,
      model.intents.map((i) => i.name),
    );
    expect(handlerModelProblems(locale, model, handledIntentsInSource(join(__dirname, '..', 'lambda')), unanswered)).toEqual([]);
  });

  it("has example phrases in skill.json taken exactly from the samples, after 'Alexa, open/ask <name>'", () => {
    expect(examplePhraseProblems(manifest.manifest.publishingInformation.locales[locale]?.examplePhrases ?? [], model, languageOf(locale))).toEqual([]);
  });

  it.each(manifest.manifest.publishingInformation.locales[locale]?.examplePhrases ?? [])('answers the example phrase "%s" as written', async (phrase) => {
    const reply = await new Conversation(handler, path, locale).say(phrase.replace(/^alexa,? /i, ''));
    expect(['launch', 'exact']).toContain(reply.heardAs.how);
    expect(reply.ended).toBe(false);
  });

  it("says in the skill's description that it is not a substitute for medical advice", () => {
    const disclaimer = languageOf(locale) === 'es' ? /No sustituye el consejo médico profesional/ : /not a substitute for professional medical advice/;
    expect(manifest.manifest.publishingInformation.locales[locale]?.description).toMatch(disclaimer);
  });
});

describe('the package', () => {
  it("exports the built skill as require('<project root>').handler", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- exactly what Lambda and other tools do
    const { handler: built } = require(join(__dirname, '..')) as { handler: (e: RequestEnvelope) => Promise<ResponseEnvelope> };
    const response = await built(envelope('launch'));
    expect(spokenText((response.response.outputSpeech as { ssml: string }).ssml)).toMatch(/^Welcome to the secondary cancer guide/);
  });
});
