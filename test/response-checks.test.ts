import type { ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../lambda/index';
import { en } from './helpers/content';
import { intentEnvelope, slot } from './helpers/envelopes';
import { MAX_REPROMPT_WORDS, MAX_SPOKEN_WORDS, responseProblems, type Situation } from './helpers/response-checks';

/** The response checks, each fed a real response broken in one way: each must name what is wrong. */
const voiceOnly: Situation = { content: en, screen: false, reminderDue: true };
const real = async (slots = { site: slot('site', 'SiteType', 'bone', 'bone'), aspect: slot('aspect', 'AspectType', 'symptoms', 'symptoms') }) =>
  handler(intentEnvelope('TopicIntent', slots));
const ssmlOf = (r: ResponseEnvelope): string => (r.response.outputSpeech as { ssml: string }).ssml;
const withSpeech = (r: ResponseEnvelope, ssml: string): ResponseEnvelope => ({ ...r, response: { ...r.response, outputSpeech: { type: 'SSML', ssml } } });
const without = (text: string, from: string): string => {
  if (!text.includes(from)) throw new Error(`"${from}" is not in the speech`);
  return text.replace(from, '');
};

describe('the response checks', () => {
  it('pass a real answer', async () => {
    expect(await responseProblems(await real(), voiceOnly)).toEqual([]);
  });

  it.each([
    ['undefined', "speech contains 'undefined'"],
    ['[object Object]', "speech contains '[object Object]'"],
    ['NaN', "speech contains 'NaN'"],
    ['null', "speech contains 'null'"],
    ['{{name}}', "speech contains an unfilled '{{placeholder}}'"],
    ["TypeError: Cannot read properties of undefined (reading 'x')", 'speech contains an error name'],
    ['see /var/task/index.js', 'speech contains a file path'],
    ['{"conversation":{"site":"bone"}}', 'speech contains JSON'],
  ])('find %s in speech', async (leak, message) => {
    const r = await real();
    const problems = await responseProblems(withSpeech(r, ssmlOf(r).replace('</speak>', ` ${leak}</speak>`)), voiceOnly);
    expect(problems).toContainEqual(expect.stringContaining(message));
  });

  it.each([
    ['<speak>Fish & chips</speak>', 'speech is not valid SSML for Alexa (Invalid & character)'],
    ['<speak><prosody rate="fast2">Hello</prosody></speak>', 'speech is not valid SSML for Alexa (bad <prosody> rate="fast2")'],
    ['Hello without speak', "speech is not valid SSML for Alexa (Can't parse SSML)"],
  ])('find invalid SSML: %s', async (ssml, message) => {
    expect(await responseProblems(withSpeech(await real(), ssml), voiceOnly)).toContainEqual(expect.stringContaining(message));
  });

  it('find an open session without a reprompt, and speech without an explicit session state', async () => {
    const r = await real();
    expect(await responseProblems({ ...r, response: { ...r.response, reprompt: undefined } }, voiceOnly)).toEqual([
      'keeps the session open without a reprompt',
    ]);
    expect(await responseProblems({ ...r, response: { ...r.response, shouldEndSession: undefined } }, voiceOnly)).toEqual([
      'speaks without saying whether the session stays open (shouldEndSession)',
    ]);
  });

  it('find speech and reprompts over the word budget', async () => {
    const r = await real();
    const long = withSpeech(r, `<speak>${'word '.repeat(MAX_SPOKEN_WORDS + 1)}</speak>`);
    expect(await responseProblems(long, voiceOnly)).toContainEqual(
      expect.stringMatching(new RegExp(`^speech is ${MAX_SPOKEN_WORDS + 1} words \\(max ${MAX_SPOKEN_WORDS}\\)`)),
    );
    const reprompt = { outputSpeech: { type: 'SSML' as const, ssml: `<speak>${'again '.repeat(MAX_REPROMPT_WORDS + 1)}</speak>` } };
    expect(await responseProblems({ ...r, response: { ...r.response, reprompt } }, voiceOnly)).toEqual([
      expect.stringMatching(new RegExp(`^reprompt is ${MAX_REPROMPT_WORDS + 1} words \\(max ${MAX_REPROMPT_WORDS}\\)`)),
    ]);
  });

  it('find an answer on treatment without a doctor reminder, even mid-session', async () => {
    const r = await real({ site: slot('site', 'SiteType', 'bone', 'bone'), aspect: slot('aspect', 'AspectType', 'treatment', 'treatment') });
    const said = en.reminders.find((reminder) => ssmlOf(r).includes(reminder)) ?? '';
    const broken = withSpeech(r, without(ssmlOf(r), said));
    expect(await responseProblems(broken, { ...voiceOnly, reminderDue: false })).toEqual([
      expect.stringMatching(/^answers on symptoms, treatment, cure or seeing a doctor without a reminder: /),
    ]);
  });

  it('find two reminders in one turn, and a reminder after an answer that already names the team', async () => {
    const r = await real({ site: slot('site', 'SiteType', 'bone', 'bone'), aspect: slot('aspect', 'AspectType', 'treatment', 'treatment') });
    const said = en.reminders.find((reminder) => ssmlOf(r).includes(reminder)) ?? '';
    const other = en.reminders.find((reminder) => reminder !== said) ?? '';
    expect(await responseProblems(withSpeech(r, ssmlOf(r).replace(said, `${said} ${other}`)), voiceOnly)).toEqual([
      expect.stringMatching(/^two reminders in one turn: /),
    ]);
    // "The cancer doctor or specialist nurse can tell you which options suit you": the answer is its own reminder.
    const treatment = await real({ aspect: slot('aspect', 'AspectType', 'treatment', 'treatment') } as never);
    expect(ssmlOf(treatment)).not.toContain(said);
    expect(await responseProblems(withSpeech(treatment, ssmlOf(treatment).replace('Would you like', `${said} Would you like`)), voiceOnly)).toEqual([
      expect.stringMatching(/^a reminder after an answer that already sends the listener to their team: "Treatment depends on three things/),
    ]);
  });

  it('find the first answer of a session without a reminder, and allow it later', async () => {
    const r = await real({ term: slot('term', 'TermType', 'advanced', 'advanced') } as never);
    const said = en.reminders.find((reminder) => ssmlOf(r).includes(reminder)) ?? '';
    const broken = withSpeech(r, without(ssmlOf(r), said));
    expect(await responseProblems(broken, voiceOnly)).toEqual([expect.stringMatching(/^the first answer of the session has no reminder: /)]);
    expect(await responseProblems(broken, { ...voiceOnly, reminderDue: false })).toEqual([]);
  });

  it('find a broken envelope', async () => {
    const r = await real();
    expect(await responseProblems({ ...r, version: undefined }, voiceOnly)).toEqual(['the response version is undefined, not "1.0"']);
    expect(await responseProblems({ version: '1.0' }, voiceOnly)).toEqual(['the response has no response object']);
    expect(await responseProblems({ ...r, response: { ...r.response, outputSpeech: { type: 'SSML' } } }, voiceOnly)).toContain(
      'speech is neither SSML with ssml nor PlainText with text',
    );
  });

  it('find leaks and markup on a card', async () => {
    const r = await real();
    const card = { type: 'Standard' as const, title: 'Secondary bone cancer', text: 'Sources: undefined <b>bold</b>' };
    expect(await responseProblems({ ...r, response: { ...r.response, card } }, voiceOnly)).toEqual([
      expect.stringContaining("card.text contains 'undefined'"),
      expect.stringContaining('card.text contains markup'),
    ]);
  });

  it('find APL sent to a device without a screen, and leaks in its datasources', async () => {
    const r = await real();
    const directive = {
      type: 'Alexa.Presentation.APL.RenderDocument',
      token: 'answer',
      document: { type: 'APL', version: '2024.3' },
      datasources: { answer: { title: '{{title}}', items: [{ text: '[object Object]' }] } },
    };
    const withApl = { ...r, response: { ...r.response, directives: [directive] } } as unknown as ResponseEnvelope;
    expect(await responseProblems(withApl, voiceOnly)).toEqual([
      'directive 0 sends Alexa.Presentation.APL.RenderDocument to a device without APL',
      expect.stringContaining("directive 0.datasources.answer.title contains an unfilled '{{placeholder}}'"),
      expect.stringContaining("directive 0.datasources.answer.items[0].text contains '[object Object]'"),
    ]);
    const clean = { ...directive, datasources: { answer: { title: 'Secondary bone cancer' } } };
    expect(await responseProblems({ ...r, response: { ...r.response, directives: [clean] } }, { ...voiceOnly, screen: true })).toEqual([]);
  });
});
