import type { RequestHandler } from 'ask-sdk-core';
import { updatePreferences } from '../preferences/preferences';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { EMPTY_STATE } from '../request/session-state';
import { isRequest } from './matchers';

export const launchHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'LaunchRequest'),
  handle(input) {
    const content = contentOf(input);
    updatePreferences(input, { welcomed: true });
    return reply(input, EMPTY_STATE, { speech: [content.say('welcome')], reprompt: content.say('welcomeReprompt') });
  },
};
