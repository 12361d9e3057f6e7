import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withoutOffer } from '../request/session-state';
import { isIntent } from './matchers';

/** Help fits where the listener is: about the site being discussed, or what the skill covers. */
export const helpHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.HelpIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = withoutOffer(readState(input));
    const speech = state.site ? content.say('helpAboutSite', { name: content.say(`labels:site.${state.site}.name`) }) : content.say('help');
    return reply(input, state, { speech: [speech], reprompt: content.say('helpReprompt') });
  },
};
