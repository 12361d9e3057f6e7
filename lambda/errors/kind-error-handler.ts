import type { ErrorHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { readState } from '../request/session-state';
import { reply } from '../request/reply';
import { promptAnswer } from '../intents/prompt-answer';
import { logger, stackFrames } from '../observability/logger';
import { noteFailure, requestFacts } from '../observability/request-log';

/**
 * Whatever went wrong, the listener hears one kind sentence and can carry on. The log line names the
 * error and the request, never the words said, slot values or who asked.
 */
export const kindErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    // Not logger.error(msg, error): that would log the error's message, which may quote the user.
    logger.error('request failed', { ...requestFacts(input.requestEnvelope), errorName: error.name, stack: stackFrames(error) });
    noteFailure(input);
    // Keep the conversation (the topic, what was offered) so the listener can carry on where they were.
    return reply(input, readState(input), promptAnswer(contentOf(input), 'error'));
  },
};
