import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ui } from 'ask-sdk-model';
import { Conversation, type Reply } from '../cli/conversation';
import { buildSkill } from '../lambda/skill';
import { startTestStore, type TestStore } from './helpers/dynalite';
import { answerOf, en } from './helpers/content';
import { MODEL_PATH, newConversation } from './helpers/conversation';

/**
 * Issue 4, through the same path as `npm start`: typed sentences → interaction model → handler.
 * Each test is a conversation a carer or a listener with low vision would have.
 */

const ssmlOf = (reply: Reply): string => (reply.response.response.outputSpeech as ui.SsmlOutputSpeech).ssml;
const cardOf = (reply: Reply): ui.SimpleCard | undefined => reply.response.response.card as ui.SimpleCard | undefined;
const aplOf = (reply: Reply) => (reply.response.response.directives ?? []).find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

async function started(device: { screen?: boolean } = {}) {
  const talk = newConversation(device);
  await talk.launch();
  return talk;
}

describe('context carries over', () => {
  it('answers follow-ups without the place about the place being discussed', async () => {
    const talk = await started();
    await talk.say('what is secondary bone cancer');
    expect((await talk.say('what are the symptoms?')).speech).toContain(answerOf('bone.symptoms'));
    expect((await talk.say('how is it treated?')).speech).toContain(answerOf('bone.treatment'));
    expect((await talk.say('which cancers cause it?')).speech).toContain(answerOf('bone.whichCancers'));
    expect((await talk.say('can it be cured?')).speech).toContain(answerOf('bone.cure'));
  });

  it('"and the liver?" asks the same question about another place', async () => {
    const talk = await started();
    await talk.say('what are the symptoms of bone secondaries');
    expect((await talk.say('and the liver?')).speech).toContain(answerOf('liver.symptoms'));
    expect((await talk.say('what about the lungs')).speech).toContain(answerOf('lung.symptoms'));
  });

  it('"tell me more" gives the deeper part, and says so when there is no more', async () => {
    const talk = await started();
    await talk.say('what is secondary liver cancer');
    const more = en.entry({ kind: 'topic', site: 'liver', aspect: 'whatIs' }).more ?? '';
    expect(more.length).toBeGreaterThan(0);
    expect((await talk.say('tell me more')).speech).toContain(more);
    const none = await talk.say('tell me more');
    expect(none.speech).toMatch(/^That's all I have on that\./);
    expect(none.ended).toBe(false);

    const other = await started();
    await other.say('can secondary lung cancer be cured');
    expect((await other.say('tell me more')).speech).toMatch(/^That's all I have on that\./);
  });

  it('"go back" returns to the topic before, one step at a time', async () => {
    const talk = await started();
    expect((await talk.say('go back')).speech).toMatch(/nothing to go back to/);
    await talk.say('what is secondary bone cancer');
    await talk.say('what are the symptoms');
    await talk.say('what is secondary brain cancer');
    const back = await talk.say('go back');
    expect(back.speech).toMatch(/^Going back\./);
    expect(back.speech).toContain(answerOf('bone.symptoms'));
    expect((await talk.say('go back')).speech).toContain(answerOf('bone.whatIs'));
  });

  it('"what else can I ask?" lists at most three things at a time, and "yes" hears the next three', async () => {
    const talk = await started();
    await talk.say('what is secondary lung cancer');
    const seen: string[] = [];
    let reply = await talk.say('what else can I ask?');
    for (let turn = 0; turn < 10; turn++) {
      const listed = /ask about (.*?)\. /.exec(reply.speech)?.[1] ?? '';
      const items = listed.split(/, | or /).filter(Boolean);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(3);
      seen.push(...items);
      if (!/more ideas\?/.test(reply.speech)) break;
      reply = await talk.say('yes');
    }
    expect(seen).toEqual(expect.arrayContaining(['symptoms', 'secondary liver cancer', 'questions to take to your doctor']));
    expect(reply.speech).toMatch(/What would you like to know\?$/);
    // The list is over: "yes" now asks what they meant, it does not repeat the list.
    expect((await talk.say('yes')).speech).toMatch(/not sure what that yes is for/);
  });

  it('"what should I ask my doctor?" gives up to three questions for the place discussed, and sends them as a card', async () => {
    const talk = await started();
    await talk.say('what is secondary liver cancer');
    const reply = await talk.say('what should I ask my doctor?');
    const set = en.questions('liver');
    expect(set.questions.length).toBeLessThanOrEqual(3);
    for (const q of set.questions) expect(reply.speech).toContain(q);
    expect(reply.speech).toMatch(/One: .* Two: .* Three: /);
    const card = cardOf(reply);
    expect(card?.title).toBe(set.title);
    for (const q of set.questions) expect(card?.content).toContain(q);
  });
});

describe('yes, no and reprompts', () => {
  it('yes takes the offer, a yes with nothing offered gets a short clarification, no then no says goodbye', async () => {
    const talk = await started();
    expect((await talk.say('yes')).speech).toMatch(/not sure what that yes is for/);
    const first = await talk.say('what is secondary bone cancer');
    expect(first.speech).toMatch(/Would you like to hear the other bones it can affect\?/);
    expect((await talk.say('yes')).speech).toContain(en.entry({ kind: 'topic', site: 'bone', aspect: 'whatIs' }).more ?? '');
    expect((await talk.say('no')).speech).toMatch(/anything else/);
    const bye = await talk.say('no');
    expect(bye.ended).toBe(true);
  });

  it('every reprompt is shorter than, and different from, what it follows, and says what to say next', async () => {
    const talk = await started();
    const said = [
      'what is secondary cancer',
      'yes',
      'what are the symptoms of liver secondaries',
      'and the bones',
      'tell me more',
      'go back',
      'what else can I ask',
      'what should I ask my doctor',
      'where is that from',
      'speak slower',
      'help',
      'what is the capital of france',
      'do I have cancer',
      'i feel so alone',
      'my dad has new back pain',
      'no',
    ];
    for (const sentence of said) {
      const reply = await talk.say(sentence);
      if (reply.ended) continue;
      expect(`${sentence} → ${reply.reprompt ?? ''}`).toMatch(/ → \S/);
      expect(words(reply.reprompt ?? '')).toBeLessThan(words(reply.speech));
      expect(reply.reprompt).not.toEqual(reply.speech);
      // What they can say next: a question, or an example.
      expect(reply.speech + (reply.reprompt ?? '')).toMatch(/\?|say|ask/i);
    }
  });
});

describe('listening comfort', () => {
  it('"speak slower" slows every answer and reprompt, "repeat that" keeps the rate, "normal speed" restores it', async () => {
    const talk = await started();
    const slower = await talk.say('speak slower');
    expect(ssmlOf(slower)).toMatch(/^<speak><prosody rate="80%">/);
    const answer = await talk.say('what is secondary bone cancer');
    expect(ssmlOf(answer)).toMatch(/^<speak><prosody rate="80%">.*<\/prosody><\/speak>$/);
    expect((answer.response.response.reprompt?.outputSpeech as ui.SsmlOutputSpeech).ssml).toMatch(/^<speak><prosody rate="80%">/);
    const again = await talk.say('repeat that');
    expect(ssmlOf(again)).toMatch(/^<speak><prosody rate="80%">/);
    expect(again.speech).toBe(answer.speech);
    await talk.say('normal speed');
    expect(ssmlOf(await talk.say('what is secondary liver cancer'))).not.toMatch(/prosody/);
    await talk.say('talk faster');
    expect(ssmlOf(await talk.say('what does advanced mean'))).toMatch(/^<speak><prosody rate="115%">/);
  });

  it('pauses between the parts of an answer', async () => {
    const talk = await started();
    expect(ssmlOf(await talk.say('what is secondary bone cancer'))).toMatch(/<break time="\d+ms"\/>/);
  });

  it('speaks the medical words engines get wrong from the locale’s pronunciations', async () => {
    const listed = JSON.parse(readFileSync(join(__dirname, '..', 'content', 'en-GB', 'pronunciations.json'), 'utf8')) as Record<string, string>;
    for (const word of ['metastasis', 'metastases', 'oesophageal', 'axilla', 'clavicle', 'sarcoma', 'lymphatic'])
      expect(listed[word]).toEqual(expect.any(String));
    const talk = await started();
    const ssml = ssmlOf(await talk.say('what does metastasis mean'));
    expect(ssml).toMatch(new RegExp(`<phoneme alphabet="ipa" ph="${listed.metastasis ?? ''}">metastasis</phoneme>`, 'i'));
  });
});

describe('something to read later', () => {
  it('sends every answer to the Alexa app as a card: the answer, where it comes from, and the reminder', async () => {
    const talk = await started();
    for (const sentence of [
      'what is secondary cancer',
      'what are the symptoms of brain secondaries',
      'what does stage four mean',
      'my wife is coughing up blood',
    ]) {
      const card = cardOf(await talk.say(sentence));
      expect(card?.type).toBe('Simple');
      expect(card?.title).toEqual(expect.stringMatching(/\S/));
      expect(card?.content).toMatch(/From .+\. Written from these sources in (November|December) 2026\. Not yet reviewed by a clinician\./);
      expect(card?.content).toContain(en.reminders[0]);
    }
  });

  it('shows the answer in large text on a screen, and sends nothing to draw to a device without one', async () => {
    const screen = await started({ screen: true });
    const shown = await screen.say('what is secondary liver cancer');
    const directive = aplOf(shown) as { document: unknown; datasources: { answer: { title: string; body: string } } } | undefined;
    expect(directive?.datasources.answer.title).toBe(en.entry({ kind: 'topic', site: 'liver', aspect: 'whatIs' }).title);
    expect(directive?.datasources.answer.body).toBe(answerOf('liver.whatIs'));

    const speaker = await started();
    expect(aplOf(await speaker.say('what is secondary liver cancer'))).toBeUndefined();
  });

  it('keeps the screen document as data, with body text of at least 32dp and high contrast', () => {
    const doc = JSON.parse(readFileSync(join(__dirname, '..', 'content', 'apl', 'answer.json'), 'utf8')) as {
      resources: { dimensions?: Record<string, string>; colors?: Record<string, string> }[];
    };
    for (const resource of doc.resources) {
      for (const [name, size] of Object.entries(resource.dimensions ?? {})) {
        if (/Size$/.test(name)) expect({ name, dp: Number.parseInt(size, 10) }).toEqual({ name, dp: expect.any(Number) as number });
        if (/Size$/.test(name)) expect(Number.parseInt(size, 10)).toBeGreaterThanOrEqual(32);
      }
    }
    expect(doc.resources[0]?.colors).toMatchObject({ background: '#000000', text: '#FFFFFF' });
    // VoiceView, the Echo Show screen reader, reads each text by its label.
    const texts = JSON.stringify(doc).match(/"type":"Text"/g) ?? [];
    expect((JSON.stringify(doc).match(/"accessibilityLabel":"\$\{payload\.answer\.\w+\}"/g) ?? []).length).toBe(texts.length);
  });
});

describe('voice alone', () => {
  it('takes a listener from launch to three different answers and out again, never stuck', async () => {
    const talk = newConversation();
    const opened = await talk.launch();
    expect(opened.ended).toBe(false);
    expect(opened.speech).toMatch(/What would you like to know\?/);
    const answers = new Set<string>();
    for (const sentence of ['what is secondary cancer', 'yes', 'tell me about the liver']) {
      const reply = await talk.say(sentence);
      expect(reply.ended).toBe(false);
      expect(reply.reprompt).toEqual(expect.stringMatching(/\S/));
      answers.add(reply.speech);
    }
    expect(answers.size).toBe(3);
    const bye = await talk.say('stop');
    expect(bye.ended).toBe(true);
    expect(bye.speech).toMatch(/Goodbye/);
  });
});

describe('kept per user, in a real store (dynalite on 127.0.0.1), through the npm start path', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  const talkAs = (userId: string, skill = buildSkill(undefined, store.adapter)) =>
    new Conversation((event) => skill.invoke(event), MODEL_PATH, 'en-GB', { userId });

  it('a returning listener hears a shorter welcome, at the speaking rate they chose last time', async () => {
    const first = talkAs('amzn1.ask.account.RETURNING');
    const welcome = await first.launch();
    expect(welcome.speech).toMatch(/^Welcome to the secondary cancer guide\. I explain/);
    expect(ssmlOf(await first.say('speak slower please'))).toMatch(/^<speak><prosody rate="80%">/);
    await first.say('stop');

    const again = talkAs('amzn1.ask.account.RETURNING');
    const back = await again.launch();
    expect(back.speech).toMatch(/^Welcome back/);
    expect(words(back.speech)).toBeLessThan(words(welcome.speech));
    expect(ssmlOf(back)).toMatch(/^<speak><prosody rate="80%">/);
    // Straight into a question, without the welcome: the rate still applies from the first answer.
    const oneShot = talkAs('amzn1.ask.account.RETURNING');
    expect(ssmlOf(await oneShot.say('ask secondary cancer guide what is secondary bone cancer'))).toMatch(/^<speak><prosody rate="80%">/);

    const someoneElse = talkAs('amzn1.ask.account.SOMEONE-NEW');
    const theirs = await someoneElse.launch();
    expect(theirs.speech).toMatch(/^Welcome to the secondary cancer guide\. I explain/);
    expect(ssmlOf(theirs)).not.toMatch(/prosody/);
    expect(await store.item('amzn1.ask.account.RETURNING')).toMatchObject({ id: 'amzn1.ask.account.RETURNING', attributes: { rate: 'slow', welcomed: true } });
  });

  it('keeps answering when the store stops mid-conversation; the next session starts with the defaults', async () => {
    const own = await startTestStore();
    const talk = new Conversation((event) => buildSkill(undefined, own.adapter).invoke(event), MODEL_PATH, 'en-GB', { userId: 'amzn1.ask.account.STOPPING' });
    await talk.launch();
    await talk.say('speak slower');
    await own.close();
    const after = await talk.say('what is secondary liver cancer');
    expect(after.speech).toContain(answerOf('liver.whatIs'));
    const fresh = new Conversation((event) => buildSkill(undefined, own.adapter).invoke(event), MODEL_PATH, 'en-GB', { userId: 'amzn1.ask.account.STOPPING' });
    const welcome = await fresh.launch();
    expect(welcome.speech).toMatch(/^Welcome to the secondary cancer guide/);
    expect(ssmlOf(welcome)).not.toMatch(/prosody/);
  });
});
