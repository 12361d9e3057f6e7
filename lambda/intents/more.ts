import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { followOffer } from '../topics/answer-topic';
import { isIntent } from './matchers';

/** "Tell me more": the rest of the last answer if there is one, else what was offered next. */
export const moreHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.MoreIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const turn = followOffer(content, state, state.offer);
    if (turn) return reply(input, turn.state, turn.answer);
    return reply(input, { ...state, offer: { kind: 'anotherSite' } }, {
      speech: [content.say('noMore'), content.say('offer.anotherSite')],
      reprompt: content.say('followUpReprompt'),
    });
  },
};
