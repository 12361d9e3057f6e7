import type { LocaleContent } from '../content/locale-content';
import { withChanges, type Offer, type SessionState } from '../request/session-state';
import { offerText, type Turn } from '../topics/answer-topic';
import type { Site, TopicRef } from '../topics/topic-table';
import { NUMBER_KEYS, type SafetyKey } from './safety-keys';

/**
 * An answer from safety.json. One with a phone number offers only to say the number again: nothing
 * else is offered in that turn, so nothing competes with making the call. A question only a doctor
 * can answer offers a support line instead.
 */
export function answerSafety(content: LocaleContent, state: SessionState, key: SafetyKey, only: 'answer' | 'again' = 'answer', about?: Site): Turn {
  const entry = content.safety(key, state.who);
  const text = only === 'again' ? (entry.again ?? entry.answer) : entry.answer;
  const gives = NUMBER_KEYS.has(key);
  // "What do spots on the liver mean?": only their team can say; the general facts are offered after.
  const facts: TopicRef | undefined = !gives && about ? { kind: 'topic', site: about, aspect: 'whatIs' } : undefined;
  const offer: Offer = gives ? { kind: 'repeatNumber', key } : facts ? { kind: 'topic', ref: facts } : { kind: 'supportLine' };
  const offerSaid = gives ? content.say('offer.repeatNumber') : facts ? offerText(content, facts) : content.say('offer.supportLine');
  return {
    answer: {
      speech: [text, offerSaid],
      reprompt: content.say(gives ? 'repeatNumberReprompt' : facts ? 'followUpReprompt' : 'supportLineReprompt'),
      written: { title: entry.title, body: [entry.answer], from: `safety:${key}` },
    },
    state: withChanges(state, { offer, source: `safety:${key}` }),
  };
}

/** Urgent answers end the conversation on "no": the listener has a call to make. */
export const isUrgentKey = (key: SafetyKey): boolean => key.startsWith('urgent.');
