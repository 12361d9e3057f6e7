import { getRequestType, type ErrorHandler, type HandlerInput } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { readState } from '../request/session-state';
import { reply } from '../request/reply';
import { promptAnswer } from '../intents/prompt-answer';
import { logger, stackFrames } from '../observability/logger';
import { noteFailure } from '../observability/request-log';

function requestTypeOf(input: HandlerInput): string {
  try {
    return getRequestType(input.requestEnvelope);
  } catch {
    return 'unknown';
  }
}

/**
 * Whatever went wrong, the listener hears one kind sentence and can carry on. The log line names the
 * error and the request, never the words said, slot values or who asked.
 */
export const kindErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(input, error) {
    const requestId: unknown = (input.requestEnvelope as { request?: { requestId?: unknown } } | undefined)?.request?.requestId;
    // Not logger.error(msg, error): that would log the error's message, which may quote the user.
    logger.error('request failed', {
      errorName: error.name,
      requestType: requestTypeOf(input),
      requestId: typeof requestId === 'string' ? requestId : undefined,
      stack: stackFrames(error),
    });
    noteFailure(input);
    // Keep the conversation (the topic, what was offered) so the listener can carry on where they were.
    return reply(input, readState(input), promptAnswer(contentOf(input), 'error'));
  },
};
