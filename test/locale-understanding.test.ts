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
 * the floors sit a little under those figures, so that a change which makes a locale understand less fails.
 */
const MODELS = join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');
const FLOORS: Record<string, { topics: number; safety: number }> = {
  'en-US': { topics: 0.58, safety: 0.58 },
  'en-CA': { topics: 0.6, safety: 0.57 },
  'en-AU': { topics: 0.63, safety: 0.66 },
  'en-IN': { topics: 0.58, safety: 0.51 },
  'es-US': { topics: 0.7, safety: 0.62 },
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
    expect(await share(locale, topics)).toBeGreaterThanOrEqual(floor.topics);
  }, 180_000);

  it('reaches the safe answer for urgent reports, crises and doctor-only questions, no less often than when first measured', async () => {
    expect(await share(locale, safety)).toBeGreaterThanOrEqual(floor.safety);
  }, 180_000);
});
