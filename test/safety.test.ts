import firstSet from './phrasings/en-GB-safety.json';
import secondSet from './phrasings/en-GB-safety-second.json';
import thirdSet from './phrasings/en-GB-safety-third.json';
import ordinary from './phrasings/en-GB.json';

/** Three sets, each written by a different author who saw neither the model nor the other sets. */
const SETS: Record<string, Record<string, unknown>> = { first: firstSet, second: secondSet, third: thirdSet };
const listOf = (set: Record<string, unknown>, kind: string): string[] => (Array.isArray(set[kind]) ? (set[kind] as string[]) : []);
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
    /twenty-four-hour/.test(firstSentence(s)) || /call 999/i.test(firstSentence(s))
      ? undefined
      : 'first sentence sends them to neither the 24-hour line nor 999',
  crisis: (s) => (s.includes(SAMARITANS) && s.indexOf(SAMARITANS) < s.indexOf(EMERGENCY) ? undefined : 'does not give the crisis line first'),
  support: (s) => (s.includes(MACMILLAN) ? undefined : 'gives no support line'),
  diagnosis: (s) => (/can't tell you|can't know|won't guess/i.test(s) && /doctor|nurse|GP/.test(s) ? undefined : 'does not say it cannot know, and who can'),
  prognosis: (s) => (/can tell you|won't guess|can't/i.test(s) && /doctor|nurse|care team/.test(s) ? undefined : 'does not say it cannot know, and who can'),
};

/** Urgent answers end with the number again, and offer nothing but to repeat it. */
function urgentShape(speech: string): string | undefined {
  const withoutOffer = speech.replace(/Would you like me to repeat the number\?$/, '').trim();
  if (withoutOffer === speech) return 'does not offer to repeat the number, or offers something else';
  // The last thing heard is a number already given: 999, or 111 where the rule is the same day.
  const last = /(999|111)\.$/.exec(withoutOffer)?.[1];
  if (!last || withoutOffer.split(last).length < 3) return 'does not end by repeating the number it gave';
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
      const list = Object.values(SETS).flatMap((set) => listOf(set, kind));
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
    const all = Object.values(SETS).flatMap((set) => (Object.keys(expectations) as Kind[]).flatMap((k) => listOf(set, k)));
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(
      all.filter((p) => /\b(my (husband|wife|mum|dad|partner|son|daughter|nan|gran|brother|sister|friend)|he|she|her|his)\b/.test(p)).length,
    ).toBeGreaterThanOrEqual(25);
  });

  it('never reads an ordinary question as urgent', async () => {
    const questions = [...ordinary.cases.flatMap((c) => c.say), ...Object.values(SETS).flatMap((set) => listOf(set, 'notUrgent'))];
    const misread: string[] = [];
    const firstAnswer = firstAnswers();
    for (const said of questions) {
      const speech = await firstAnswer(said);
      if (/^(Call 999 now|Ring (the|your) .*twenty-four-hour)/.test(speech)) misread.push(`"${said}" → ${speech.slice(0, 60)}`);
    }
    expect(misread).toEqual([]);
  });
});

describe('after an urgent or hard answer', () => {
  const ssml = (reply: { response: { response: { outputSpeech?: unknown } } }): string => (reply.response.response.outputSpeech as { ssml: string }).ssml;

  it('reads numbers digit by digit, offers only to repeat the number, repeats it on "yes" and ends on "no"', async () => {
    const talk = newConversation();
    await talk.launch();
    const urgent = await talk.say('what are the symptoms of bone secondaries, my dad has new back pain and weak legs');
    expect(firstSentence(urgent.speech)).toMatch(/twenty-four-hour/);
    expect(ssml(urgent)).toContain('<say-as interpret-as="digits">999</say-as>');
    expect(urgent.speech).toMatch(/Would you like me to repeat the number\?$/);
    const again = await talk.say('yes please');
    expect(again.speech.match(/999/g)?.length).toBeGreaterThanOrEqual(2);
    const done = await talk.say('no');
    expect(done.ended).toBe(true);
    expect(done.speech).toMatch(/make that call now/);
  });

  it('groups a long number as it is written, each group digit by digit', async () => {
    const talk = newConversation();
    await talk.launch();
    const reply = await talk.say("I'm so frightened");
    expect(ssml(reply)).toContain('<say-as interpret-as="digits">0808</say-as><break time="250ms"/><say-as interpret-as="digits">808</say-as>');
  });

  it('never guesses a diagnosis, says who can tell, and gives the support line on "yes"', async () => {
    const talk = newConversation();
    await talk.launch();
    const reply = await talk.say('has my cancer spread to my liver');
    expect(reply.speech).toMatch(/can't tell you that, and I won't guess/);
    // Only their team can say; the general facts are offered after, never as an answer.
    expect(reply.speech).toMatch(/Would you like to know what secondary liver cancer is\?$/);
    expect((await talk.say('yes')).speech).toMatch(/^Secondary liver cancer means/);
  });

  it('answers "how long have I got" without a guess, and offers the support line', async () => {
    const talk = newConversation();
    await talk.launch();
    const reply = await talk.say('how long has my mum got');
    expect(reply.speech).toMatch(/won't guess/);
    expect(reply.speech).not.toMatch(/\b(months|weeks|years) to live\b/);
    expect(reply.speech).toMatch(/support line/);
  });

  it('says where the last answer comes from and when it was checked, then carries on', async () => {
    const talk = newConversation();
    await talk.launch();
    expect((await talk.say('where is that from')).speech).toMatch(/haven't given you an answer yet/);
    await talk.say('what is secondary liver cancer');
    const from = await talk.say('where is that from?');
    expect(from.speech).toMatch(/^That comes from Macmillan Cancer Support(, | and )/);
    // Only what is true: when it was written, and that no clinician has signed it off yet.
    expect(from.speech).toMatch(/I put it together from those sources in (November|December) 2026\. A clinician hasn't reviewed it yet/);
    // The offer made before the side question is still open.
    expect(from.speech).toMatch(/\?$/);
    const fresh = await talk.say('how up to date is that');
    expect(fresh.speech).toMatch(/November 2026/);
    await talk.say('I keep thinking about ending it all');
    expect((await talk.say('where is that from')).speech).toMatch(/Samaritans/);
  });

  it('puts a crisis first even inside another question', async () => {
    const talk = newConversation();
    await talk.launch();
    const reply = await talk.say("what is stage four, honestly I don't want to live anymore");
    expect(reply.speech).toMatch(/^I'm so sorry you're feeling this way/);
    expect(reply.speech.indexOf(SAMARITANS)).toBeLessThan(reply.speech.indexOf(EMERGENCY));
  });
});
