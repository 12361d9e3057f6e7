import safety from '../content/en-GB/safety.json';
import numbers from '../content/en-GB/numbers.json';
import triage from '../content/en-GB/triage.json';
import { URGENT_SIGNS, type UrgentSign } from '../lambda/safety/safety-keys';
import { ACTIONS } from '../lambda/safety/triage';
import { newConversation } from './helpers/conversation';

/**
 * Every row of the triage table (content/en-GB/triage.json, from the brief's section 9), heard as a
 * person says it: alone, inside another question, with another sign, and in the middle of a
 * conversation, through the same path as `npm start`. The answer must be that sign's own.
 */
const SAID: Record<UrgentSign, string> = {
  breathing: 'my dad is struggling to breathe',
  breathless: 'my mum is suddenly breathless',
  breathlessWeeks: "i've been getting more and more breathless",
  coughBlood: "he's coughing up blood",
  seizure: 'my wife had a fit',
  collapse: 'my husband has collapsed',
  bleeding: "his nose won't stop bleeding",
  legsGone: 'dad suddenly can’t feel his legs',
  sepsis: 'her skin is mottled',
  spine: "my husband's legs are numb",
  backPain: 'my husband has new back pain',
  infection: "mum's on chemo and has a temperature",
  sickness: 'he keeps being sick after chemo',
  headache: 'she has a headache and vomiting',
  suddenHeadache: 'he has the worst headache of his life',
  confusion: 'my mum is very confused today',
  calcium: 'my dad is thirsty all the time',
  constipation: "my dad hasn't had a poo for four days",
  swelling: 'her face and neck are swollen',
  calf: 'my dad has a painful swollen calf',
  jaundice: "my wife's skin has gone yellow",
  pain: "the painkillers aren't working",
  dying: 'my mum is dying at home',
  isDying: 'is my dad dying',
};

/** Two signs in one sentence: the rule for the pair, or the most urgent action, wins. */
const TOGETHER: readonly [string, UrgentSign][] = [
  ["mum has a temperature and she's confused", 'sepsis'],
  ['dad is very unwell and shivering', 'sepsis'],
  ['he has new back pain and weak legs', 'spine'],
  ["she has a painful swollen calf and she's suddenly breathless", 'breathing'],
  ["he's coughing up blood and he's suddenly breathless", 'breathing'],
  ["she's gone yellow and she had a fit", 'seizure'],
  ['my husband has new back pain and he is thirsty all the time', 'calcium'],
  ['mum is dying at home and her breathing is rattly', 'dying'],
  ["he can't breathe, is he dying", 'breathing'],
  ["she's suddenly breathless and very confused", 'breathing'],
  ["she's dying at home and she's very confused", 'dying'],
];

const filled = (text: string): string =>
  text.replace(/\{\{(\w+)\}\}/g, (_m, id: string) => (numbers as Record<string, { number: string }>)[id]?.number ?? `{{${id}}}`);
const answerOf = (sign: UrgentSign): string => filled((safety.urgent as Record<string, { answer: string }>)[sign]?.answer ?? '');
const firstSentence = (text: string): string => text.split(/(?<=[.?!])\s/)[0] ?? '';

/** What each action sounds like, from triage.json, so a rule changed there is a rule tested here. */
const says = (sign: UrgentSign): readonly string[] => {
  const action = (triage.signs as Record<string, { action: string }>)[sign]?.action ?? '';
  return ((triage.actions as Record<string, { says: string[] }>)[action]?.says ?? []).map(filled);
};

function expectAnswerFor(speech: string, sign: UrgentSign): void {
  expect({ sign, first: firstSentence(speech) }).toEqual({ sign, first: firstSentence(answerOf(sign)) });
  expect(says(sign).some((phrase) => speech.includes(phrase))).toBe(true);
  expect(speech).toMatch(/Would you like me to repeat the number\?$/);
}

describe('one rule per warning sign, every row of the triage table', () => {
  it('has a phrasing here for every sign the skill hears, and an answer that gives its action', () => {
    expect(Object.keys(SAID).sort()).toEqual([...URGENT_SIGNS].sort());
    for (const sign of URGENT_SIGNS) expect(says(sign).some((phrase) => answerOf(sign).includes(phrase))).toBe(true);
  });

  for (const sign of URGENT_SIGNS) {
    it(`${sign}: alone, inside another question, and mid-conversation`, async () => {
      const talk = newConversation();
      await talk.launch();
      expectAnswerFor((await talk.say(SAID[sign])).speech, sign);
      await talk.end();

      await talk.launch();
      expectAnswerFor((await talk.say(`what is secondary bone cancer, oh and ${SAID[sign]}`)).speech, sign);
      await talk.end();

      await talk.launch();
      await talk.say('what is secondary liver cancer');
      await talk.say('what are the symptoms');
      expectAnswerFor((await talk.say(SAID[sign])).speech, sign);
      // The only offer is the number again; "no" leaves them to make the call.
      const no = await talk.say('no');
      const later = ['sameDay', 'soon'].includes((triage.signs as Record<string, { action: string }>)[sign]?.action ?? '');
      expect(no.speech).toMatch(later ? /make that call, and if things get worse, don't wait/ : /make that call now/);
      expect(no.ended).toBe(true);
    });
  }

  // Every sign said together with one whose action differs: the table decides which answer comes first.
  const actionOf = (sign: UrgentSign): string => (triage.signs as Record<string, { action: string }>)[sign]?.action ?? '';
  const rank = (sign: UrgentSign): number => ACTIONS.indexOf(actionOf(sign) as (typeof ACTIONS)[number]);
  const expectedFor = (a: UrgentSign, b: UrgentSign): UrgentSign =>
    (triage.together as { signs: string[]; means: UrgentSign }[]).find((rule) => rule.signs.includes(a) && rule.signs.includes(b) && rule.signs.length === 2)
      ?.means ?? (rank(b) < rank(a) ? b : a);
  for (const [i, sign] of URGENT_SIGNS.entries()) {
    const partner = [...URGENT_SIGNS.slice(i + 1), ...URGENT_SIGNS.slice(0, i)].find((other) => actionOf(other) !== actionOf(sign)) ?? sign;
    it(`${sign} said with ${partner}: ${expectedFor(sign, partner)} first`, async () => {
      const talk = newConversation();
      await talk.launch();
      expectAnswerFor((await talk.say(`${SAID[sign]}, and ${SAID[partner]}`)).speech, expectedFor(sign, partner));
    });
  }

  for (const [said, sign] of TOGETHER) {
    it(`"${said}": ${sign}`, async () => {
      const talk = newConversation();
      await talk.launch();
      expectAnswerFor((await talk.say(said)).speech, sign);
    });
  }

  it('never tells someone whose relative is dying as expected that it may be sepsis, or that people live for years', async () => {
    const talk = newConversation();
    await talk.launch();
    const expected = await talk.say('mum is dying at home and her breathing has changed');
    expect(expected.speech).not.toMatch(/sepsis|many years/);
    expect(expected.speech).toMatch(/^I'm so sorry\. If their team has said they're in their last days/);
    expect(expected.speech).toMatch(/palliative care or district nurses, or the GP, now/);
    expect(expected.speech).toMatch(/111/);
    // A frightened question, with nothing said about it being expected: any doubt is 999.
    const question = await talk.say('is he dying');
    expect(question.speech).not.toMatch(/sepsis|many years/);
    expect(question.speech).toMatch(/^I'm so sorry, I can't tell from here\. If they're struggling to breathe or have collapsed, call 999 now\./);
    expect(question.speech).toMatch(/nurses or the GP now/);
  });

  it('hears a question about the last days as that, and "I think my dad is dying" as the frightened question it is', async () => {
    const talk = newConversation();
    await talk.launch();
    for (const said of [
      'what happens in the last few days when someone is dying',
      'how will i know when someone is dying',
      'what happens near the end of life',
      "will my husband be in pain when he's dying",
    ]) {
      const general = await talk.say(said);
      expect(general.speech).toMatch(/^I'm so sorry\. In the last days/);
    }
    for (const said of ['i think my dad is dying', "i'm scared she's dying", 'is my mam dying'])
      expect((await talk.say(said)).speech).toMatch(
        /^I'm so sorry, I can't tell from here\. If they're struggling to breathe or have collapsed, call 999 now\./,
      );
  });

  it('tells someone without a 24-hour number where to find it and what to do, and what to say when they ring', async () => {
    const talk = newConversation();
    await talk.launch();
    await talk.say("mum's on chemo and has a temperature");
    const noNumber = await talk.say("we don't have a twenty four hour number");
    expect(noNumber.speech).toMatch(/alert card or letters/);
    expect(noNumber.speech).toMatch(/111/);
    expect(noNumber.speech).not.toMatch(/ring the twenty-four-hour number/i);
    const what = await talk.say('what should i tell them when i ring');
    expect(what.speech).toMatch(/which kind/);
    expect(what.speech).toMatch(/when it started/);
    expect(what.speech).not.toMatch(/appointment/);
  });

  it('answers "what do spots on the liver mean" as a question only their team can answer, facts offered after', async () => {
    const talk = newConversation();
    await talk.launch();
    const reply = await talk.say('what do spots on the liver mean');
    expect(reply.speech).toMatch(/can't tell you that, and I won't guess/);
    expect(reply.speech).not.toMatch(/^Secondary liver cancer/);
    expect(reply.speech).toMatch(/Would you like to know what secondary liver cancer is\?$/);
  });

  it('does not answer grade four as stage four, or a cyst as a tumour', async () => {
    const talk = newConversation();
    await talk.launch();
    expect((await talk.say('what does grade four mean')).speech).toMatch(/^Grade and stage are different things/);
    expect((await talk.say('what is a cyst')).speech).not.toMatch(/A tumour is a lump/);
  });
});
