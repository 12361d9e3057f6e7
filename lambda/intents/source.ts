import type { RequestHandler } from 'ask-sdk-core';
import { provenance } from '../content/provenance';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { sideStep } from '../topics/answer-topic';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/** "Where is that from?" / "how up to date is that?": the sources of the last answer and when it was written, and whether a clinician has signed it off. */
export const sourceHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'SourceIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const sourced = state.source ? content.sourced(state.source) : undefined;
    if (!sourced) return reply(input, state, promptAnswer(content, 'sourceNone'));
    const said = provenance(content, sourced, 'spoken').join(' ');
    // A side question: the offer that was open stays open, and is asked again.
    return reply(input, state, sideStep(content, state.offer, said));
  },
};
