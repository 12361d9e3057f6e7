import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import { isRequest } from './matchers';

/** Alexa closed the session (silence, "exit", an error): nothing may be spoken in reply. */
export const sessionEndedHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'SessionEndedRequest'),
  handle: (input) => input.responseBuilder.getResponse(),
};

const SPOKEN = new Set(['LaunchRequest', 'IntentRequest', 'SessionEndedRequest']);

/**
 * Requests nobody spoke: a touch on the screen (our answer screen has nothing to press), a
 * CanFulfillIntentRequest (the skill does not take part in those), or an event type that did not
 * exist when this was written. Answered quietly, never with an error, and the session carries on.
 */
export const unspokenRequestHandler: RequestHandler = {
  canHandle: (input) => !SPOKEN.has(getRequestType(input.requestEnvelope)),
  handle: (input) => input.responseBuilder.getResponse(),
};
