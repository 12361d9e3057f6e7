import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withoutOffer } from '../request/session-state';
import { isRequest } from './matchers';
import { promptAnswer } from './prompt-answer';

/**
 * Out of scope, and any intent or request this skill has no handler for: say what is in scope, with
 * examples, and keep listening. Registered last, so it only catches what nothing else claimed.
 */
export const fallbackHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'IntentRequest'),
  handle(input) {
    const state = withoutOffer(readState(input));
    return reply(input, state, promptAnswer(contentOf(input), 'fallback'));
  },
};
