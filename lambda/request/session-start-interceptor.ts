import { getRequestType, type RequestInterceptor } from 'ask-sdk-core';
import { preferencesOf } from '../preferences/preferences';
import { readState, withChanges, writeState } from './session-state';

/**
 * When a session starts, the listener's speaking rate joins the session, so every answer of it is
 * spoken at their pace and the store is read once per session, not once per request.
 */
export const sessionStartInterceptor: RequestInterceptor = {
  async process(input) {
    const type = getRequestType(input.requestEnvelope);
    if (input.requestEnvelope.session?.new !== true || (type !== 'LaunchRequest' && type !== 'IntentRequest')) return;
    const { rate } = await preferencesOf(input);
    if (rate !== 'normal') writeState(input, withChanges(readState(input), { rate }));
  },
};
