import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/** Start over and "home" forget the topic being discussed, but not that a reminder was given, nor the pace. */
export const startOverHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'AMAZON.StartOverIntent', 'AMAZON.NavigateHomeIntent'),
  handle(input) {
    const { reminders, rate } = readState(input);
    return reply(input, { heard: [], reminders, ...(rate && { rate }) }, promptAnswer(contentOf(input), 'home'));
  },
};
