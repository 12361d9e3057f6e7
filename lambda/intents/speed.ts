import type { RequestHandler } from 'ask-sdk-core';
import { updatePreferences } from '../preferences/preferences';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges } from '../request/session-state';
import { readSlot } from '../request/slots';
import { SPEAKING_RATES, type SpeakingRate } from '../speech/speaking-rate';
import { sideStep } from '../topics/answer-topic';
import { isIntent } from './matchers';

const STEP: Readonly<Record<string, number>> = { slower: -1, faster: 1 };
const SAID: Readonly<Record<SpeakingRate, string>> = { slow: 'speedSlower', normal: 'speedNormal', fast: 'speedFaster' };

/** One step slower or faster, or back to normal. */
export function nextRate(current: SpeakingRate, asked: string | undefined): SpeakingRate {
  const step = asked === undefined ? undefined : STEP[asked];
  if (step === undefined) return 'normal';
  const index = SPEAKING_RATES.indexOf(current) + step;
  return SPEAKING_RATES[Math.min(SPEAKING_RATES.length - 1, Math.max(0, index))] ?? 'normal';
}

/** What to say: the change made, or, at the slowest or fastest rate, that there is no further to go. */
function said(current: SpeakingRate, rate: SpeakingRate, asked: string): string {
  if (rate !== current || asked === 'normal') return SAID[rate];
  return rate === 'slow' ? 'speedSlowest' : rate === 'fast' ? 'speedFastest' : SAID[rate];
}

/** "Speak slower", "faster", "normal speed": for the rest of this session and the next ones. */
export const speedHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'SpeedIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const slot = readSlot(input, 'speed');
    const asked = slot.heard === 'value' ? slot.id : 'slower';
    const current = state.rate ?? 'normal';
    const rate = nextRate(current, asked);
    // Kept for later sessions too: someone who needs slower speech needs it every time.
    if (rate !== current) updatePreferences(input, { rate });
    return reply(input, withChanges(state, { rate }), sideStep(content, state.offer, content.say(said(current, rate, asked))), 'aside');
  },
};
