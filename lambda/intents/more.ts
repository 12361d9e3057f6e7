import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges } from '../request/session-state';
import { answerMore, askAgain } from '../topics/answer-topic';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/**
 * "Tell me more": the deeper part of the last answer. When there is none, or it has been given,
 * it says so and asks the open question again, rather than moving on unasked.
 */
export const moreHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.MoreIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    if (state.offer?.kind === 'more') {
      const turn = answerMore(content, state, state.offer.ref);
      return reply(input, turn.state, turn.answer);
    }
    if (!state.last) return reply(input, state, promptAnswer(content, 'askAnything'));
    const question = askAgain(content, state.offer);
    const offer = state.offer ?? { kind: 'anotherSite' as const };
    return reply(input, withChanges(state, { offer }), {
      speech: [content.say('noMore'), question ?? content.say('offer.anotherSite')],
      reprompt: content.say('followUpReprompt'),
    });
  },
};
