import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges, withoutOffer } from '../request/session-state';
import { answerSafety, isUrgentKey } from '../safety/answer-safety';
import { isUrgentSign } from '../safety/safety-keys';
import { followOffer } from '../topics/answer-topic';
import { forgetConfirmed } from './forget-me';
import { isIntent } from './matchers';
import { answerOptions } from './options';
import { promptAnswer } from './prompt-answer';

/** "Yes" accepts whatever was offered last; with nothing offered it asks, kindly, what they meant. */
export const yesHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.YesIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const offer = state.offer;
    const rest = withoutOffer(state);
    const turn = followOffer(content, rest, offer);
    if (turn) return reply(input, turn.state, turn.answer);
    switch (offer?.kind) {
      case 'repeatNumber': {
        const again = answerSafety(content, rest, offer.key, 'again');
        return reply(input, again.state, again.answer);
      }
      case 'supportLine': {
        const line = answerSafety(content, rest, 'supportLine');
        return reply(input, line.state, line.answer);
      }
      case 'options': {
        const next = answerOptions(content, rest, offer.group);
        return reply(input, next.state, next.answer);
      }
      case 'anotherSite':
        return reply(input, rest, promptAnswer(content, 'chooseSite'));
      case 'anythingElse':
        return reply(input, rest, promptAnswer(content, 'askAnything'));
      case 'forgetMe':
        return forgetConfirmed(input, rest);
      default:
        return reply(input, rest, promptAnswer(content, 'yesWithoutOffer'));
    }
  },
};

/**
 * "No" declines the offer and asks if there is anything else; a second "no" says goodbye. After an
 * urgent answer, "no" to hearing the number again ends the session: the listener has a call to make.
 */
export const noHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.NoIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const offer = state.offer;
    if (offer?.kind === 'repeatNumber' && isUrgentKey(offer.key)) {
      // "Make that call now" would contradict an answer whose rule is the same day, or within days.
      const sign = offer.key.slice('urgent.'.length);
      const action = isUrgentSign(sign) ? content.triage.actionOf.get(sign) : undefined;
      const later = action === 'sameDay' || action === 'soon';
      return reply(input, state, { speech: [content.say(later ? 'urgentGoodbyeToday' : 'urgentGoodbye')], end: true });
    }
    if (offer?.kind === 'anythingElse') return reply(input, state, { speech: [content.say('goodbye', state.who && { context: state.who })], end: true });
    if (offer?.kind === 'forgetMe') return reply(input, withoutOffer(state), promptAnswer(content, 'forgetMeKept'));
    return reply(input, withChanges(state, { offer: { kind: 'anythingElse' } }), promptAnswer(content, 'anythingElse'));
  },
};
