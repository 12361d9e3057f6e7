import type { RequestHandler } from 'ask-sdk-core';
import { isRequest } from './matchers';

/** Alexa closed the session (silence, "exit", an error): nothing may be spoken in reply. */
export const sessionEndedHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'SessionEndedRequest'),
  handle: (input) => input.responseBuilder.getResponse(),
};
