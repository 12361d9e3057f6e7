import type { RequestHandler } from 'ask-sdk-core';
import { forgetPreferences } from '../preferences/preferences';
import { isRequest } from './matchers';

/**
 * Alexa's SkillDisabled event (subscribed to in skill.json): the user has disabled the skill, so
 * what was kept for them is deleted. Nobody is listening, so nothing is said.
 */
export const skillDisabledHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'AlexaSkillEvent.SkillDisabled'),
  async handle(input) {
    await forgetPreferences(input);
    return input.responseBuilder.getResponse();
  },
};
