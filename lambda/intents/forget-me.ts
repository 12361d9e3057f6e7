import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { forgetPreferences } from '../preferences/preferences';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, type SessionState, withChanges } from '../request/session-state';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/**
 * "Forget me", "delete my data": says what is kept (the speaking rate, whether they have heard the
 * welcome) and asks to confirm; "yes" deletes it (forgetConfirmed), "no" keeps it.
 */
export const forgetMeHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'ForgetMeIntent'),
  handle(input) {
    const state = readState(input);
    return reply(input, withChanges(state, { offer: { kind: 'forgetMe' } }), promptAnswer(contentOf(input), 'forgetMe'));
  },
};

/** "Yes" to forgetting: deletes through the persistence adapter, and this session goes back to the normal pace. */
export async function forgetConfirmed(input: HandlerInput, state: SessionState): Promise<Response> {
  const content = contentOf(input);
  if (!(await forgetPreferences(input))) return reply(input, state, promptAnswer(content, 'forgetMeFailed'));
  const { rate: _rate, ...rest } = state;
  return reply(input, rest, promptAnswer(content, 'forgetMeDone'));
}
