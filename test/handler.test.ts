import safety from '../content/en-GB/safety.json';
import { handler } from '../lambda/index';
import type { IntentRequest, Slot } from 'ask-sdk-model';
import { countWords } from '../scripts/content-check';
import { answerOf, en } from './helpers/content';
import { envelope, intentEnvelope, send, slot } from './helpers/envelopes';
import { ALL_TOPICS, topicId } from '../lambda/topics/topic-table';

/** A reminder to ask the care team, or an answer that already sends the listener to them. */
const hasReminder = (speech: string) => en.pointsToCareTeam(speech);

describe('the Lambda handler on real Alexa request envelopes', () => {
  it('welcomes with two examples and a note that this is not medical advice, and keeps listening', async () => {
    const heard = await send(envelope('launch'));
    expect(heard.speech).toContain('what is secondary bone cancer');
    expect(heard.speech).toContain('what does advanced mean');
    expect(heard.speech).toMatch(/not medical advice/);
    expect(heard.ended).toBe(false);
    expect(heard.reprompt.length).toBeGreaterThan(0);
  });

  it('answers a resolved site id with that site, a follow-up offer and a doctor reminder', async () => {
    const heard = await send(envelope('topic-intent'));
    expect(heard.speech).toContain(answerOf('bone.whatIs'));
    expect(heard.speech).toMatch(/Would you like to hear [^?]+\?/);
    // One offer, never two.
    expect(heard.speech.match(/Would you like|You can also ask/g)).toHaveLength(1);
    expect(hasReminder(heard.speech)).toBe(true);
    expect(heard.ended).toBe(false);
  });

  it('reads slot ids, not words: odd words that resolve to "liver" answer about the liver', async () => {
    const heard = await send(intentEnvelope('TopicIntent', { site: slot('site', 'SiteType', 'her liver thing', 'liver') }));
    expect(heard.speech).toContain(answerOf('liver.whatIs'));
  });

  it('says what it covers when the words do not resolve to a part of the body it knows', async () => {
    const heard = await send(intentEnvelope('TopicIntent', { site: slot('site', 'SiteType', 'kidney') }));
    expect(heard.speech).toMatch(/don't have information about that/);
    expect(heard.speech).toMatch(/liver, bones or lungs/);
    expect(heard.speech).not.toContain('kidney');
    expect(heard.ended).toBe(false);
  });

  it('does not borrow the site being discussed for an aspect of a site it does not know', async () => {
    const attributes = { conversation: { site: 'bone', heard: ['bone.whatIs'], reminders: 1 } };
    const heard = await send(
      intentEnvelope('TopicIntent', { site: slot('site', 'SiteType', 'kidney'), aspect: slot('aspect', 'AspectType', 'symptoms', 'symptoms') }, attributes),
    );
    expect(heard.speech).not.toContain(answerOf('bone.symptoms'));
    expect(heard.speech).toContain(answerOf('general.symptoms'));
  });

  it.each(ALL_TOPICS.map((ref) => [topicId(ref), ref] as const))('answers %s within the word budget', async (id, ref) => {
    const slots: Record<string, Slot> =
      ref.kind === 'term'
        ? { term: slot('term', 'TermType', ref.term, ref.term) }
        : { site: slot('site', 'SiteType', ref.site, ref.site), aspect: slot('aspect', 'AspectType', ref.aspect, ref.aspect) };
    const heard = await send(intentEnvelope('TopicIntent', slots));
    expect(heard.speech.startsWith(answerOf(id))).toBe(true);
    expect(countWords(answerOf(id))).toBeLessThanOrEqual(60);
    expect(heard.reprompt.length).toBeGreaterThan(0);
    expect(heard.speech).toMatch(/\?/);
    if (ref.kind === 'topic' && ['symptoms', 'treatment', 'cure'].includes(ref.aspect)) expect(hasReminder(heard.speech)).toBe(true);
  });

  it('reads verified numbers digit by digit in SSML', async () => {
    const heard = await send(intentEnvelope('TopicIntent', { aspect: slot('aspect', 'AspectType', 'see a doctor', 'seeDoctor') }));
    const ssml = (heard.raw.response.outputSpeech as { ssml: string }).ssml;
    expect(ssml).toContain('<say-as interpret-as="digits">999</say-as>');
  });

  it('answers an intent it does not know with the fallback, not an error', async () => {
    const heard = await send(intentEnvelope('SomeRetiredIntent'));
    expect(heard.speech).toMatch(/can't help with that/);
    expect(heard.ended).toBe(false);
  });

  describe('in a locale it has no content for', () => {
    const breathless = (locale: string) => {
      const event = intentEnvelope('UrgentIntent', { sign: slot('sign', 'SignType', "can't breathe", 'breathing') });
      event.request.locale = locale;
      return send(event);
    };

    it('answers in English, with no country\'s emergency number but "your local emergency number"', async () => {
      const launch = envelope('launch');
      launch.request.locale = 'de-DE';
      expect((await send(launch)).speech).toMatch(/^Welcome to the secondary cancer guide/);
      const urgent = await breathless('en-NZ');
      expect(urgent.speech).toMatch(/^Call your local emergency number now\./);
      expect(urgent.speech).not.toMatch(/\d/);
    });

    it("answers Spanish from any country in Spanish, without the US's numbers", async () => {
      const urgent = await breathless('es-MX');
      expect(urgent.speech).toMatch(/emergencias de su país/);
      expect(urgent.speech).not.toMatch(/911|988|\d/);
    });

    it("answers in the country's own content where it has one in another language", async () => {
      expect((await breathless('fr-CA')).speech).toMatch(/^Call 911 now\./);
      expect((await breathless('hi-IN')).speech).toMatch(/^Call 112 now\./);
    });
  });

  it('answers a malformed request kindly, without internals', async () => {
    const event = intentEnvelope('TopicIntent');
    (event.request as Partial<IntentRequest>).intent = undefined;
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard = await send(event);
    spy.mockRestore();
    expect(heard.speech).toMatch(/^Sorry, something went wrong on my side/);
    expect(heard.speech).not.toMatch(/undefined|TypeError|Cannot read/);
    expect(heard.ended).toBe(false);
  });

  it('survives session attributes that are garbage', async () => {
    const heard = await send(intentEnvelope('AMAZON.YesIntent', {}, { conversation: { offer: { kind: 'topic', ref: 'nonsense' }, heard: 7 } }));
    expect(heard.speech).toMatch(/not sure what that yes is for/);
  });

  it('says nothing in reply to SessionEndedRequest', async () => {
    const heard = await send(envelope('session-ended'));
    expect(heard.speech).toBe('');
    expect(heard.raw.response.outputSpeech).toBeUndefined();
  });

  it('answers a symptom asked about as a sign of cancer with "only a doctor can say", and one that is a warning sign with the warning', async () => {
    const cough = await send(intentEnvelope('DiagnosisIntent', { symptom: slot('symptom', 'SymptomType', 'cough', 'symptom') }));
    expect(cough.speech.startsWith(safety.diagnosis.answer.split('. ')[0] ?? '')).toBe(true);
    const back = await send(intentEnvelope('DiagnosisIntent', { symptom: slot('symptom', 'SymptomType', 'back pain', 'backPain') }));
    expect(back.speech.startsWith(safety.urgent.backPain.answer.split('. ')[0] ?? '')).toBe(true);
    expect(back.speech).toMatch(/Would you like me to repeat the number\?$/);
  });
});

describe('requests nobody spoke', () => {
  it.each([['Alexa.Presentation.APL.UserEvent'], ['CanFulfillIntentRequest'], ['Some.Future.Event']])(
    'answers a %s quietly, without an error',
    async (type) => {
      const event = envelope('launch');
      (event.request as unknown as { type: string }).type = type;
      const raw = await handler(event);
      expect(raw.version).toBe('1.0');
      expect(raw.response.outputSpeech).toBeUndefined();
    },
  );
});
