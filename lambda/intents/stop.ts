import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { isIntent } from './matchers';

/** Stop and cancel end the session at once, with a short goodbye that points to the care team. */
export const stopHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StopIntent', 'AMAZON.CancelIntent'),
  handle: (input) => reply(input, readState(input), { speech: [contentOf(input).say('goodbye')], end: true }),
};
