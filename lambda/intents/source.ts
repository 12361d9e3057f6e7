import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { provenance } from '../content/provenance';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { sideStep } from '../topics/answer-topic';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

function answerProvenance(input: HandlerInput, form: 'spoken' | 'date') {
  const content = contentOf(input);
  const state = readState(input);
  const sourced = state.source ? content.sourced(state.source) : undefined;
  if (!sourced) return reply(input, state, promptAnswer(content, 'sourceNone'));
  // A side question: the offer that was open stays open, and is asked again.
  return reply(input, state, sideStep(content, state.offer, provenance(content, sourced, form).join(' ')));
}

/** "Where is that from?": who published the sources of the last answer, and whether a clinician has signed it off. */
export const sourceHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'SourceIntent'),
  handle: (input) => answerProvenance(input, 'spoken'),
};

/** "How up to date is that?": the month the last answer was written from its sources, and whether it has been checked since. */
export const upToDateHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'UpToDateIntent'),
  handle: (input) => answerProvenance(input, 'date'),
};
