import { getRequestType, type RequestInterceptor } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import type { Listener } from './listener';
import { readState, withChanges, writeState } from './session-state';

// Said inside a slot's words ("his bladder cancer", "my mum can't breathe"): someone else is ill.
const CARER =
  /\b(?:his|her|their|my (?:husband|wife|mum|mam|mom|mother|dad|father|partner|son|daughter|nan|nana|gran|grandad|grandma|friend|brother|sister|auntie|uncle|boyfriend|girlfriend))\b/i;
// "I'm a carer" reaches the carers' topic as an aspect: its words say who is asking too.
const CARER_WORDS = /^(?:a|the|main|his|her|their) carer\b/i;
// "My bowel cancer", "my liver": the listener is the one who is ill.
const PATIENT = /^my\b/i;

/** Who a slot's words say the question is about, if they say. */
export function listenerIn(words: string): Listener | undefined {
  if (CARER.test(words) || CARER_WORDS.test(words)) return 'carer';
  return PATIENT.test(words) ? 'patient' : undefined;
}

/**
 * Who is being talked about, when it is said inside a question as part of a slot's words ("can his
 * bladder cancer spread to the lungs"): kept for the session, as "I'm asking for my mum" keeps it.
 */
export const listenerInterceptor: RequestInterceptor = {
  process(input) {
    if (getRequestType(input.requestEnvelope) !== 'IntentRequest' || !input.requestEnvelope.session) return;
    const slots = (input.requestEnvelope.request as IntentRequest).intent.slots ?? {};
    const heard = Object.values(slots)
      .map((slot) => (typeof slot.value === 'string' ? listenerIn(slot.value) : undefined))
      .find((who) => who !== undefined);
    if (!heard) return;
    const state = readState(input);
    if (state.who !== heard) writeState(input, withChanges(state, { who: heard }));
  },
};
