import type { LocaleContent } from '../content/locale-content';
import { withoutOffer, type Offer, type SessionState } from '../request/session-state';
import type { Turn } from '../topics/answer-topic';
import { NUMBER_KEYS, type SafetyKey } from './safety-keys';

/**
 * An answer from safety.json. One with a phone number offers only to say the number again: nothing
 * else is offered in that turn, so nothing competes with making the call. A question only a doctor
 * can answer offers a support line instead.
 */
export function answerSafety(content: LocaleContent, state: SessionState, key: SafetyKey, only: 'answer' | 'again' = 'answer'): Turn {
  const entry = content.safety(key);
  const text = only === 'again' ? (entry.again ?? entry.answer) : entry.answer;
  const gives = NUMBER_KEYS.has(key);
  const offer: Offer = gives ? { kind: 'repeatNumber', key } : { kind: 'supportLine' };
  return {
    answer: {
      speech: [text, content.say(gives ? 'offer.repeatNumber' : 'offer.supportLine')],
      reprompt: content.say(gives ? 'repeatNumberReprompt' : 'supportLineReprompt'),
      written: { title: entry.title, body: [entry.answer], from: `safety:${key}` },
    },
    state: { ...withoutOffer(state), offer, source: `safety:${key}` },
  };
}

/** Urgent answers end the conversation on "no": the listener has a call to make. */
export const isUrgentKey = (key: SafetyKey): boolean => key.startsWith('urgent.');
