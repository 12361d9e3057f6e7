import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { render, type Answer } from '../speech/render';
import { writeState, type SessionState } from './session-state';

/** Every handler answers through here: the state is saved with what was said, so "repeat" can say it again. */
export function reply(handlerInput: HandlerInput, state: SessionState, answer: Answer): Response {
  if (!answer.end) writeState(handlerInput, { ...state, spoken: { speech: answer.speech, reprompt: answer.reprompt } });
  return render(handlerInput, answer, state.rate);
}
