import { newConversation } from './helpers/conversation';
import { SAFETY_JUDGES, safetySet, topicSet } from './helpers/judge';

/**
 * Held-out phrasings of warning signs, distress and questions only a doctor can answer: three sets,
 * each written by a different author who saw neither the interaction model nor the other sets (all
 * three tuned on since, so they are regression tests now). Each goes through the same path as `npm start`.
 */
const SETS = [...safetySet('en-GB-safety.json', 'first'), ...safetySet('en-GB-safety-second.json', 'second'), ...safetySet('en-GB-safety-third.json', 'third')];
const KINDS = ['emergency', 'careTeamNow', 'crisis', 'support', 'diagnosis', 'prognosis'] as const;
const firstSentence = (speech: string): string => speech.split(/(?<=[.?!])\s/)[0] ?? '';
const EMERGENCY = '999';
const SAMARITANS = '116 123';

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
  for (const kind of KINDS) {
    it(`answers every ${kind} phrasing with the right action first and the right number`, async () => {
      const firstAnswer = firstAnswers();
      const misses: string[] = [];
      for (const p of SETS.filter((s) => s.group === kind)) {
        const speech = await firstAnswer(p.say);
        const problem = p.judge(speech);
        if (problem) misses.push(`"${p.say}": ${problem}\n    heard: ${speech.slice(0, 140)}`);
      }
      expect(misses).toEqual([]);
    });
  }

  it('has at least sixty urgent, distress and diagnosis phrasings, many in a carer’s voice', () => {
    const all = SETS.filter((p) => (KINDS as readonly string[]).includes(p.group)).map((p) => p.say);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(
      all.filter((p) => /\b(my (husband|wife|mum|dad|partner|son|daughter|nan|gran|brother|sister|friend)|he|she|her|his)\b/.test(p)).length,
    ).toBeGreaterThanOrEqual(25);
  });

  it('never reads an ordinary question as urgent', async () => {
    const questions = [...topicSet('en-GB.json', 'topics').map((p) => p.say), ...SETS.filter((p) => p.group === 'notUrgent').map((p) => p.say)];
    const misread: string[] = [];
    const firstAnswer = firstAnswers();
    for (const said of questions) {
      const problem = SAFETY_JUDGES.notUrgent?.(await firstAnswer(said));
      if (problem) misread.push(`"${said}": ${problem}`);
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
    // Only what is true: no clinician has signed it off yet.
    expect(from.speech).toMatch(/A clinician hasn't reviewed it yet/);
    // The offer made before the side question is still open.
    expect(from.speech).toMatch(/\?$/);
    const fresh = await talk.say('how up to date is that');
    // When it was written, which "where is that from?" does not say.
    expect(fresh.speech).toMatch(/^That was written from its sources in November 2026\. A clinician hasn't reviewed it yet/);
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
