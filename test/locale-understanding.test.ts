import { join } from 'node:path';
import { Conversation } from '../cli/conversation';
import { trainedNlu } from '../cli/layered-understanding';
import { contentFor } from '../lambda/content/locale-content';
import { handler } from '../lambda/index';
import type { Phrasing } from './helpers/judge';
import { localeSet } from './helpers/locale-judge';

/**
 * Each locale's blind set (test/phrasings/<locale>-blind.json, written by someone who saw neither the
 * models nor the content), heard through nlp.js trained only on that locale's interaction model, and
 * judged by what that locale's content says. Measured on 2026-12-03 before anything was tuned on them;
 * the floors sit a little under the figures of 2026-12-04, when a sentence no intent claimed alone was
 * first heard as the intent its slots belong to (questions: en-US 62% → 70%, en-CA 65% → 76%, en-AU
 * 68% → 73%, en-IN 63% → 69%, es-US 75% → 77%; safety 71% → 73%, 61% → 63%, 71% → 74%, 56% → 59%,
 * 68% → 68%), and the questions two points higher again (es-US 79%) when headaches became the pain of
 * brain secondaries, so that a change which makes a locale understand less fails.
 */
const MODELS = join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');
const FLOORS: Record<string, { topics: number; safety: number }> = {
  'en-US': { topics: 0.71, safety: 0.72 },
  'en-CA': { topics: 0.77, safety: 0.62 },
  'en-AU': { topics: 0.74, safety: 0.73 },
  'en-IN': { topics: 0.7, safety: 0.58 },
  'es-US': { topics: 0.78, safety: 0.67 },
};

async function share(locale: string, phrasings: readonly Phrasing[]): Promise<number> {
  const model = join(MODELS, `${locale}.json`);
  const nlu = await trainedNlu(model);
  const talk = new Conversation(handler, model, locale, { understanding: (parsed) => nlu.withModel(parsed) });
  let right = 0;
  for (const phrasing of phrasings) {
    await talk.end();
    if (phrasing.judge((await talk.say(phrasing.say)).speech) === undefined) right++;
  }
  return right / phrasings.length;
}

describe.each(Object.entries(FLOORS))('%s, its blind set through what its model teaches', (locale, floor) => {
  const { topics, safety } = localeSet(`${locale}-blind.json`, contentFor(locale));

  it('reaches the right answer for questions, no less often than when first measured', async () => {
    const right = await share(locale, topics);
    console.log(`${locale} blind set, questions: nlp.js ${(right * 100).toFixed(0)}% of ${topics.length}`);
    expect(right).toBeGreaterThanOrEqual(floor.topics);
  }, 180_000);

  it('reaches the safe answer for urgent reports, crises and doctor-only questions, no less often than when first measured', async () => {
    const right = await share(locale, safety);
    console.log(`${locale} blind set, safety: nlp.js ${(right * 100).toFixed(0)}% of ${safety.length}`);
    expect(right).toBeGreaterThanOrEqual(floor.safety);
  }, 180_000);
});
