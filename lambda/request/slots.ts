import { getSlot, type HandlerInput } from 'ask-sdk-core';
import type { slu } from 'ask-sdk-model';

/** What a slot held: nothing, words that resolved to none of our values, or a value id. */
export type SlotReading = { readonly heard: 'nothing' } | { readonly heard: 'unknown' } | { readonly heard: 'value'; readonly id: string };

const NOTHING: SlotReading = { heard: 'nothing' };
const UNKNOWN: SlotReading = { heard: 'unknown' };

/**
 * Reads a slot by its entity-resolution id, never its raw words: synonyms live in the interaction
 * model, so "bone mets" and "bony secondaries" arrive here as the same id.
 * Only call after canHandle matched an IntentRequest (getSlot throws on other requests).
 */
export function readSlot(handlerInput: HandlerInput, name: string): SlotReading {
  const slot = getSlot(handlerInput.requestEnvelope, name) as ReturnType<typeof getSlot> | null | undefined;
  if (!slot) return NOTHING;
  const authorities: readonly slu.entityresolution.Resolution[] = slot.resolutions?.resolutionsPerAuthority ?? [];
  for (const authority of authorities) {
    const id = authority.status.code === 'ER_SUCCESS_MATCH' ? authority.values[0]?.value.id : undefined;
    if (typeof id === 'string' && id.length > 0) return { heard: 'value', id };
  }
  const words = typeof slot.value === 'string' ? slot.value.trim() : '';
  return words.length > 0 ? UNKNOWN : NOTHING;
}
