import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { isIntent } from './matchers';

/** Stop and cancel end the session at once, with a short goodbye that points to the care team. */
export const stopHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent'),
  handle(input) {
    const state = readState(input);
    // A carer hears "their doctor", and to take care of themselves too.
    return reply(input, state, { speech: [contentOf(input).say('goodbye', state.who && { context: state.who })], end: true });
  },
};
