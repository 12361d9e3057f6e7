import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerOf, en } from './helpers/content';
import { newConversation } from './helpers/conversation';

/**
 * The held-out phrasing set: written by people who never saw the interaction model, as patients and
 * carers speak. Each phrasing goes through the same path as `npm start` and must reach its answer.
 */
interface Case {
  expect: string | string[];
  say: string[];
}
const { cases } = JSON.parse(readFileSync(join(__dirname, 'phrasings', 'en-GB.json'), 'utf8')) as { cases: Case[] };

/** The prompt a listener hears first for each conversation control; topics open with their answer. */
const CONTROL_PROMPTS: Record<string, string> = {
  help: 'help',
  stop: 'goodbye',
  cancel: 'goodbye',
  repeat: 'nothingToRepeat',
  startOver: 'home',
  yes: 'yesWithoutOffer',
  no: 'anythingElse',
  fallback: 'fallback',
};

function opening(key: string): string {
  const prompt = CONTROL_PROMPTS[key];
  return prompt ? en.say(prompt) : answerOf(key);
}

const all = cases.flatMap((c) => c.say.map((say) => ({ say, expect: Array.isArray(c.expect) ? c.expect : [c.expect] })));

describe('held-out phrasings from patients and carers', () => {
  it('has at least five phrasings for every topic', () => {
    const counts = new Map<string, number>();
    for (const c of all) for (const key of c.expect) counts.set(key, (counts.get(key) ?? 0) + 1);
    const few = [...counts].filter(([key, n]) => !['yes', 'no'].includes(key) && n < 5);
    expect(few).toEqual([]);
  });

  it('reaches the right answer for at least nine in ten of them', async () => {
    const misses: string[] = [];
    const talk = newConversation();
    for (const c of all) {
      // Each phrasing opens a session of its own, as a first question would.
      await talk.end();
      const reply = await talk.say(c.say);
      const ok = c.expect.some((key) => reply.speech.startsWith(opening(key)));
      if (!ok)
        misses.push(
          `"${c.say}" → expected ${c.expect.join(' or ')}; heard as ${reply.heardAs.intent} ${JSON.stringify(reply.heardAs.slots)}: "${reply.speech.slice(0, 70)}…"`,
        );
    }
    const rate = 1 - misses.length / all.length;
    if (misses.length > 0) console.log(`${misses.length} of ${all.length} phrasings missed (${(rate * 100).toFixed(1)}% right):\n${misses.join('\n')}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
