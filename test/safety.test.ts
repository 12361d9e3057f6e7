import phrasings from './phrasings/en-GB-safety.json';
import ordinary from './phrasings/en-GB.json';
import { newConversation } from './helpers/conversation';

/**
 * Held-out phrasings of warning signs, distress and questions only a doctor can answer, written by
 * someone who never saw the interaction model. Each goes through the same path as `npm start`.
 */
type Kind = 'emergency' | 'careTeamNow' | 'crisis' | 'support' | 'diagnosis' | 'prognosis';

const EMERGENCY = '999';
const SAMARITANS = '116 123';
const MACMILLAN = '0808 808 00 00';
const firstSentence = (speech: string): string => speech.split(/(?<=[.?!])\s/)[0] ?? '';

/** What the first thing said must be, and the number that must be said again at the end. */
const expectations: Record<Kind, (speech: string) => string | undefined> = {
  emergency: (s) => (/call 999/i.test(firstSentence(s)) ? undefined : 'first sentence does not say to call 999'),
  careTeamNow: (s) =>
    /twenty-four-hour/.test(firstSentence(s)) || /call 999/i.test(firstSentence(s)) ? undefined : 'first sentence sends them to neither the 24-hour line nor 999',
  crisis: (s) => (s.includes(SAMARITANS) && s.indexOf(SAMARITANS) < s.indexOf(EMERGENCY) ? undefined : 'does not give the crisis line first'),
  support: (s) => (s.includes(MACMILLAN) ? undefined : 'gives no support line'),
  diagnosis: (s) => (/can't tell you|can't know|won't guess/i.test(s) && /doctor|nurse|GP/.test(s) ? undefined : 'does not say it cannot know, and who can'),
  prognosis: (s) => (/can tell you|won't guess|can't/i.test(s) && /doctor|nurse|care team/.test(s) ? undefined : 'does not say it cannot know, and who can'),
};

/** Urgent answers end with the number again, and offer nothing but to repeat it. */
function urgentShape(speech: string): string | undefined {
  const withoutOffer = speech.replace(/Would you like me to repeat the number\?$/, '').trim();
  if (withoutOffer === speech) return 'does not offer to repeat the number, or offers something else';
  if (!withoutOffer.endsWith(`${EMERGENCY}.`)) return 'does not end by repeating 999';
  if (/You can also ask|Would you like to (hear|know)/.test(withoutOffer)) return 'offers another topic';
  return undefined;
}

/** Each phrasing is the first thing said in a fresh session. */
function firstAnswers(): (said: string) => Promise<string> {
  const talk = newConversation();
  return async (said) => {
    await talk.end();
    await talk.launch();
    return (await talk.say(said)).speech;
  };
}

describe('urgent signs, distress and doctor-only questions (held-out phrasings, the npm start path)', () => {
  for (const kind of Object.keys(expectations) as Kind[]) {
    it(`answers every ${kind} phrasing with the right action first and the right number`, async () => {
      const list = (phrasings as Record<string, string[]>)[kind] ?? [];
      const firstAnswer = firstAnswers();
      const misses: string[] = [];
      for (const said of list) {
        const speech = await firstAnswer(said);
        const problem = expectations[kind](speech) ?? (kind === 'emergency' || kind === 'careTeamNow' ? urgentShape(speech) : undefined);
        if (problem) misses.push(`"${said}": ${problem}\n    heard: ${speech.slice(0, 140)}`);
      }
      expect(misses).toEqual([]);
    });
  }

  it('has at least sixty urgent, distress and diagnosis phrasings, many in a carer’s voice', () => {
    const all = (Object.keys(expectations) as Kind[]).flatMap((k) => (phrasings as Record<string, string[]>)[k] ?? []);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.filter((p) => /\b(my (husband|wife|mum|dad|partner|son|daughter|nan|gran|brother|sister|friend)|he|she|her|his)\b/.test(p)).length).toBeGreaterThanOrEqual(25);
  });

  it('never reads an ordinary question as urgent', async () => {
    const questions = [...ordinary.cases.flatMap((c) => c.say), ...((phrasings as Record<string, string[]>).notUrgent ?? [])];
    const misread: string[] = [];
    const firstAnswer = firstAnswers();
    for (const said of questions) {
      const speech = await firstAnswer(said);
      if (/^(Call 999 now|Ring (the|your) .*twenty-four-hour)/.test(speech)) misread.push(`"${said}" → ${speech.slice(0, 60)}`);
    }
    expect(misread).toEqual([]);
  });
});
