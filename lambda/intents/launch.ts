import type { RequestHandler } from 'ask-sdk-core';
import { preferencesOf, updatePreferences } from '../preferences/preferences';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { EMPTY_STATE, readState } from '../request/session-state';
import { isRequest } from './matchers';

/** The full welcome once; a returning listener hears a shorter one, at the pace they chose. */
export const launchHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'LaunchRequest'),
  async handle(input) {
    const content = contentOf(input);
    // Read before marking them welcomed: the answer depends on what was stored.
    const { welcomed } = await preferencesOf(input);
    updatePreferences(input, { welcomed: true });
    const key = welcomed ? 'welcomeBack' : 'welcome';
    // The session-start interceptor has already put their speaking rate in the session.
    const { rate } = readState(input);
    return reply(input, { ...EMPTY_STATE, ...(rate && { rate }) }, { speech: [content.say(key)], reprompt: content.say(`${key}Reprompt`) });
  },
};
