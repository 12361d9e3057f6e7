import { readFileSync } from 'node:fs';
import type { ui } from 'ask-sdk-model';
import type { Reply } from '../cli/conversation';
import { countWords } from '../scripts/content-check';
import { answerOf, en, sayOf } from './helpers/content';
import { MODEL_PATH, newConversation } from './helpers/conversation';

/**
 * Issue 14, through the same path as `npm start`: typed sentences → interaction model → handler.
 * A voice that tired, frightened and hard-of-hearing listeners, and carers, can lean on.
 */

/** A whole turn: answer, reminder and offer, at most about 30 seconds at the usual rate. */
const MAX_TURN_WORDS = 75;

const ssmlOf = (reply: Reply): string => (reply.response.response.outputSpeech as ui.SsmlOutputSpeech).ssml;

/** Says each sentence in turn, and holds every reply to the turn budget. */
async function talk(sentences: readonly string[]) {
  const conversation = newConversation();
  const replies: Reply[] = [await conversation.launch()];
  for (const sentence of sentences) replies.push(await conversation.say(sentence));
  for (const [i, reply] of replies.entries()) {
    expect({ said: sentences[i - 1] ?? 'launch', words: Math.min(countWords(reply.speech), MAX_TURN_WORDS + 1) }).toEqual({
      said: sentences[i - 1] ?? 'launch',
      words: Math.min(countWords(reply.speech), MAX_TURN_WORDS),
    });
  }
  return { conversation, replies };
}

describe('listening comfort that works', () => {
  it('"louder", "quieter" and "I can\'t hear you" say how to change the volume, and never change the speed', async () => {
    const conversation = newConversation();
    await conversation.launch();
    const answer = await conversation.say('what is secondary liver cancer');
    for (const sentence of ['louder', 'quieter', "I can't hear you", 'speak up']) {
      const reply = await conversation.say(sentence);
      expect(reply.speech).toContain(sayOf('volume'));
      expect(reply.speech).toMatch(/Alexa, volume up/);
      expect(ssmlOf(reply)).not.toMatch(/prosody/);
    }
    // And "repeat that" still repeats the answer they could not hear.
    expect((await conversation.say('repeat that')).speech).toBe(answer.speech);
  });

  it('"repeat that", "pardon" and "I didn\'t catch that" repeat the last answer, not the acknowledgement of a speed change', async () => {
    const conversation = newConversation();
    await conversation.launch();
    const answer = await conversation.say('what is secondary bone cancer');
    expect((await conversation.say('speak slower')).speech).toContain(sayOf('speedSlower'));
    for (const sentence of ['repeat that', 'pardon', "I didn't catch that"]) {
      const again = await conversation.say(sentence);
      expect(again.speech).toBe(answer.speech);
      expect(ssmlOf(again)).toMatch(/<prosody rate="80%">/);
    }
  });

  it('at the slowest and the fastest rate it says so, instead of claiming another change', async () => {
    const conversation = newConversation();
    await conversation.launch();
    expect((await conversation.say('speak slower')).speech).toContain(sayOf('speedSlower'));
    const slowest = await conversation.say('slower please');
    expect(slowest.speech).toContain(sayOf('speedSlowest'));
    expect(slowest.speech).not.toContain(sayOf('speedSlower'));
    await conversation.say('normal speed');
    expect((await conversation.say('faster')).speech).toContain(sayOf('speedFaster'));
    const fastest = await conversation.say('faster');
    expect(fastest.speech).toContain(sayOf('speedFastest'));
    expect(fastest.speech).not.toContain(sayOf('speedFaster'));
  });

  it('"where is that from?" names the sources; "how up to date is that?" gives the date instead', async () => {
    const conversation = newConversation();
    await conversation.launch();
    await conversation.say('what is secondary liver cancer');
    const from = await conversation.say('where is that from');
    const when = await conversation.say('how up to date is that');
    expect(from.speech).toMatch(/comes from/);
    expect(from.speech).not.toMatch(/20\d\d/);
    expect(when.speech).toContain(sayOf('upToDate', { month: en.monthOf(en.entry({ kind: 'topic', site: 'liver', aspect: 'whatIs' }).written) }));
    expect(when.speech).not.toMatch(/comes from/);
  });

  it('a tester who never looks at a screen: launch, three answers, a speed change, a repeat and out, by voice alone', async () => {
    const { replies } = await talk([
      'what is secondary cancer',
      'what are the symptoms of bone secondaries',
      'can it be cured',
      'speak slower',
      'repeat that',
      'stop',
    ]);
    const [, first, second, third, slower, again, bye] = replies;
    expect(first?.speech).toContain(answerOf('general.whatIs'));
    expect(second?.speech).toContain(answerOf('bone.symptoms'));
    expect(third?.speech).toContain(answerOf('bone.cure'));
    expect(slower?.speech).toContain(sayOf('speedSlower'));
    expect(again?.speech).toBe(third?.speech);
    expect(ssmlOf(again as Reply)).toMatch(/<prosody rate="80%">/);
    expect(bye?.ended).toBe(true);
  });
});

describe('feelings are not questions', () => {
  const MACMILLAN = '0808 808 00 00';
  const fallbackOpening = "Sorry, I can't help with that.";

  it.each([
    ["I'm frightened of dying", 'fear'],
    ["I'm scared I'm going to die", 'fear'],
    ['I am so scared of dying', 'fear'],
    ['is it my fault?', 'guilt'],
    ['did I leave it too late going to the GP?', 'guilt'],
    ['should I have made her see a doctor sooner', 'guilt'],
    ['I blame myself', 'guilt'],
  ] as const)('"%s" gets a kind answer (%s) and the support line, never "I won\'t guess" nor the fallback', async (sentence, key) => {
    const { replies } = await talk([sentence]);
    const reply = replies[1] as Reply;
    expect(reply.speech.startsWith(en.safety(key).answer)).toBe(true);
    expect(reply.speech).toContain(MACMILLAN);
    expect(reply.speech).not.toMatch(/won't guess|can't tell you/);
    expect(reply.speech).not.toContain(fallbackOpening);
  });

  it('where it cannot help, it says two things it can do next about what was being discussed, and offers the support line', async () => {
    const { replies, conversation } = await talk(['what is secondary bone cancer', 'what is the weather tomorrow']);
    const lost = replies[2] as Reply;
    expect(lost.speech).toContain(fallbackOpening);
    expect(lost.speech).toMatch(/I can tell you more about secondary bone cancer: symptoms, or pain and how it's eased\./);
    expect(lost.speech).toMatch(/support line/);
    // "Yes" takes the support line it offered.
    expect((await conversation.say('yes')).speech).toContain(MACMILLAN);
    // At the start, the examples are the first things most people want.
    const first = await talk(['play some music']);
    expect(first.replies[1]?.speech).toMatch(/I can explain what secondary cancer is, or how cancer spreads\./);
  });
});

describe('patient or carer', () => {
  /** Doctor questions are read out as "One: …? Two: …? Three: …?" */
  const questionsIn = (speech: string): string[] => [...speech.matchAll(/(?:One|Two|Three): ([^?]+\?)/g)].map((m) => m[1] ?? '');

  it("a carer's whole conversation: who they ask for is kept, and nothing is said as if they were the patient", async () => {
    const { replies } = await talk([
      "I'm asking for my mum",
      'yes',
      'her breast cancer has spread to her bones',
      'what are the symptoms',
      'what should I ask her doctor',
      'how long has she got',
      "I'm frightened",
      'no',
      'no',
    ]);
    const [, who, caring, bones, symptoms, questions, outlook, frightened, , bye] = replies;
    expect(who?.speech).toBe(`${sayOf('whoCarer')} ${sayOf('offer.caring')}`);
    expect(caring?.speech).toContain(answerOf('general.caring'));
    expect(bones?.speech).toContain(answerOf('bone.whatIs'));
    expect(symptoms?.speech).toContain(answerOf('bone.symptoms'));
    expect(questionsIn(questions?.speech ?? '')).toEqual(en.questions('bone', 'symptoms', 'carer').questions);
    expect(questions?.speech).toContain('How can we best control their bone pain?');
    expect(outlook?.speech).toContain(en.entry({ kind: 'topic', site: 'general', aspect: 'outlook' }, 'carer').answer);
    expect(frightened?.speech).toContain('Their specialist nurse can support you too.');
    expect(bye?.speech).toBe(sayOf('goodbye', { context: 'carer' }));
    for (const reply of replies) expect(reply.speech).not.toMatch(/\bmy (bone pain|bones|treatment|liver|lung)\b|Your (doctor|specialist nurse|care team)/);
  });

  it("a frightened patient's whole conversation: comfort, never a guess, and everything said to them", async () => {
    const { replies } = await talk([
      "it's me who has it",
      "I'm frightened of dying",
      'no',
      'how long have I got',
      'is it my fault',
      'what should I ask my doctor',
      'stop',
    ]);
    const [, who, fear, , outlook, guilt, questions, bye] = replies;
    expect(who?.speech.startsWith(sayOf('whoPatient'))).toBe(true);
    expect(fear?.speech.startsWith(en.safety('fear').answer)).toBe(true);
    expect(outlook?.speech).toContain('Your doctor or specialist nurse can talk it through with you');
    expect(outlook?.speech).toMatch(/won't guess/);
    expect(guilt?.speech.startsWith(en.safety('guilt').answer)).toBe(true);
    expect(questionsIn(questions?.speech ?? '')).toEqual(en.questions('general', 'outlook', 'patient').questions);
    expect(bye?.ended).toBe(true);
    for (const reply of replies) expect(reply.speech).not.toMatch(/\b(Their|their) (doctor|specialist nurse|care team|GP)\b/);
  });

  it('neutral wording while nobody has said who is ill', async () => {
    const { replies } = await talk(['what should I ask the doctor about bone secondaries', 'how long is left', 'stop']);
    const [, questions, outlook, bye] = replies;
    expect(questionsIn(questions?.speech ?? '')).toEqual(en.questions('bone').questions);
    for (const q of questionsIn(questions?.speech ?? '')) expect(q).not.toMatch(/\b(my|their|me)\b/i);
    expect(outlook?.speech).toContain('The doctor or specialist nurse can talk it through, gently and honestly.');
    expect(bye?.speech).toBe(sayOf('goodbye'));
  });

  it('knows who is ill when it is said inside a question, where a slot holds the words', async () => {
    const { replies } = await talk(['can his bladder cancer spread to the lungs', 'what should I ask the doctor']);
    expect(replies[1]?.speech).toContain(en.remindersFor('carer')[0]);
    expect(questionsIn(replies[2]?.speech ?? '').join(' ')).toMatch(/\btheir\b/);
  });
});

describe('an answer asked with the cancer it started as says something about that cancer', () => {
  it.each([
    ['can kidney cancer spread to the bones', 'Kidney cancer is one of the cancers that most often spread to the bones.', 'bone.whichCancers'],
    ["my dad had bladder cancer and now it's in his lungs", 'Bladder cancer is one of the cancers that most often spread to the lungs.', 'lung.whichCancers'],
    ['can prostate cancer spread to the liver', "Prostate cancer isn't among those that most often spread to the liver", 'liver.whichCancers'],
  ])('"%s"', async (sentence, note, place) => {
    const { replies } = await talk([sentence]);
    const speech = replies[1]?.speech ?? '';
    // The answer asked for first, then what can be said about the cancer it started as.
    expect(speech.startsWith(answerOf(place))).toBe(true);
    expect(speech).toContain(`${answerOf(place)} ${note}`);
  });

  it('has a note for every cancer the interaction model hears as where it began', () => {
    const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as {
      interactionModel: { languageModel: { types: { name: string; values: { id?: string }[] }[] } };
    };
    const ids = model.interactionModel.languageModel.types.find((t) => t.name === 'PrimaryType')?.values.map((v) => v.id ?? '') ?? [];
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => en.primary(id) === undefined)).toEqual([]);
  });
});
