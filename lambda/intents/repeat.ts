import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { isIntent } from './matchers';

/** Hearing it again helps understanding: says the last response again, word for word. */
export const repeatHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.RepeatIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const spoken = state.spoken;
    if (spoken) return reply(input, state, { speech: spoken.speech, reprompt: spoken.reprompt ?? content.say('followUpReprompt') });
    return reply(input, state, {
      speech: [content.say('nothingToRepeat'), content.say('askAnything')],
      reprompt: content.say('askAnythingReprompt'),
    });
  },
};
