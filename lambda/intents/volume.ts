import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { sideStep } from '../topics/answer-topic';
import { isIntent } from './matchers';

/**
 * "Louder", "quieter", "I can't hear you": a skill cannot change the volume, so it says how to, and
 * never slows down instead. The open question is asked again, and "repeat" still repeats the answer.
 */
export const volumeHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'VolumeIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    return reply(input, state, sideStep(content, state.offer, content.say('volume')), 'aside');
  },
};
