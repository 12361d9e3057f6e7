import { getIntentName, getRequestType, type HandlerInput } from 'ask-sdk-core';

export const isRequest = (handlerInput: HandlerInput, type: string): boolean => getRequestType(handlerInput.requestEnvelope) === type;

/** True for an IntentRequest naming one of `names`. */
export const isIntent = (handlerInput: HandlerInput, ...names: readonly string[]): boolean =>
  isRequest(handlerInput, 'IntentRequest') && names.includes(getIntentName(handlerInput.requestEnvelope));
