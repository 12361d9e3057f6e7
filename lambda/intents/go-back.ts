import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges, withoutOffer } from '../request/session-state';
import { answerTopic } from '../topics/answer-topic';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/** "Go back": the topic before the last one, said again; each "go back" steps one further. */
export const goBackHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.PreviousIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const history = state.history ?? [];
    const previous = history.at(-1);
    if (!previous) return reply(input, withoutOffer(state), promptAnswer(content, 'nothingToGoBackTo'));
    const { last: _current, ...rest } = state;
    const turn = answerTopic(content, withChanges(rest, { history: history.slice(0, -1) }), previous, [content.say('goingBack')]);
    return reply(input, turn.state, turn.answer);
  },
};
