import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { readSlot } from '../request/slots';
import { answerSafety } from '../safety/answer-safety';
import { CRISIS_SLOT, isUrgentSign, SIGN_SLOT, type SafetyKey } from '../safety/safety-keys';
import { isIntent, isRequest } from './matchers';

const heardSlot = (input: HandlerInput, name: string): boolean => isRequest(input, 'IntentRequest') && readSlot(input, name).heard !== 'nothing';

function answerWith(input: HandlerInput, key: SafetyKey) {
  const turn = answerSafety(contentOf(input), readState(input), key);
  return reply(input, turn.state, turn.answer);
}

/**
 * A warning sign, heard in any intent ("what are bone secondaries, my dad can't feel his legs"),
 * comes before everything else: what to do now, then the number, said twice.
 */
export const urgentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'UrgentIntent') || heardSlot(input, SIGN_SLOT),
  handle(input) {
    const sign = readSlot(input, SIGN_SLOT);
    // Words in the sign slot that match none of our signs still sound urgent: say what to do now.
    return answerWith(input, sign.heard === 'value' && isUrgentSign(sign.id) ? `urgent.${sign.id}` : 'urgent.unsure');
  },
};

/** Thoughts of not wanting to live: a warm answer and the crisis line first, wherever they are said. */
export const crisisHandler: RequestHandler = {
  canHandle: (input) => heardSlot(input, CRISIS_SLOT),
  handle: (input) => answerWith(input, 'crisis'),
};

/** Fear, loneliness, not coping: a short, warm answer and a support line. */
export const feelingsHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'FeelingsIntent'),
  handle: (input) => answerWith(input, 'support'),
};

/** "Do I have cancer?", "has it spread?": never a guess; who can say, and a support line. */
export const diagnosisHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'DiagnosisIntent'),
  handle: (input) => answerWith(input, 'diagnosis'),
};
