import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { render, type Answer } from '../speech/render';
import { withChanges, writeState, type SessionState } from './session-state';

/**
 * Every handler answers through here: the state is saved with what was said, so "repeat" can say it
 * again. An aside ("speak slower", "louder") is not kept as what was said: "repeat that" after it
 * repeats the answer the listener missed, not the acknowledgement.
 */
export function reply(handlerInput: HandlerInput, state: SessionState, answer: Answer, kind: 'answer' | 'aside' = 'answer'): Response {
  if (!answer.end) writeState(handlerInput, kind === 'aside' ? state : withChanges(state, { spoken: { speech: answer.speech, reprompt: answer.reprompt } }));
  return render(handlerInput, answer, state.rate);
}
