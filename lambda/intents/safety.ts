import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState } from '../request/session-state';
import { readSlot } from '../request/slots';
import { answerSafety } from '../safety/answer-safety';
import { ALSO_SIGN_SLOT, CRISIS_SLOT, isUrgentSign, SIGN_SLOT, SYMPTOM_SLOT, type SafetyKey, type UrgentSign } from '../safety/safety-keys';
import { mostUrgent } from '../safety/triage';
import { isSite, type Site } from '../topics/topic-table';
import { isIntent, isRequest } from './matchers';

const heardSlot = (input: HandlerInput, name: string): boolean => isRequest(input, 'IntentRequest') && readSlot(input, name).heard !== 'nothing';

function answerWith(input: HandlerInput, key: SafetyKey, about?: Site) {
  const turn = answerSafety(contentOf(input), readState(input), key, 'answer', about);
  return reply(input, turn.state, turn.answer);
}

const SIGN_SLOTS = [SIGN_SLOT, ALSO_SIGN_SLOT] as const;

/** The warning signs these slots resolved to: a symptom of one's own counts when it is itself a sign. */
const signsIn = (input: HandlerInput, slots: readonly string[]): UrgentSign[] =>
  isRequest(input, 'IntentRequest')
    ? slots.map((slot) => readSlot(input, slot)).flatMap((r): UrgentSign[] => (r.heard === 'value' && isUrgentSign(r.id) ? [r.id] : []))
    : [];

/**
 * A warning sign, heard in any intent ("what are bone secondaries, my dad can't feel his legs"),
 * comes before everything else: what to do now, then the number, said twice. With two signs in one
 * sentence, the triage table decides: the most urgent action wins, not the first sign heard.
 */
export const urgentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'UrgentIntent') || SIGN_SLOTS.some((slot) => heardSlot(input, slot)) || signsIn(input, [SYMPTOM_SLOT]).length > 0,
  handle(input) {
    const sign = mostUrgent(signsIn(input, [...SIGN_SLOTS, SYMPTOM_SLOT]), contentOf(input).triage);
    // Words in a sign slot that match none of our signs still sound urgent: say what to do now.
    return answerWith(input, sign ? `urgent.${sign}` : 'urgent.unsure');
  },
};

/** "I don't have a twenty-four-hour number": where to find it, and what to do without it. */
export const noNumberHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'NoNumberIntent'),
  handle: (input) => answerWith(input, 'noNumber'),
};

/** "What do I tell them when I ring?": what the team will need to know. */
export const whatToSayHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'WhatToSayIntent'),
  handle: (input) => answerWith(input, 'whatToSay'),
};

/** Thoughts of not wanting to live: a warm answer and the crisis line first, wherever they are said. */
export const crisisHandler: RequestHandler = {
  canHandle: (input) => heardSlot(input, CRISIS_SLOT),
  handle: (input) => answerWith(input, 'crisis'),
};

/**
 * Fear, loneliness, not coping: a short, warm answer and a support line. Fear of dying gets comfort;
 * guilt ("is it my fault?", "did I leave it too late?") a kind, factual answer; never "I won't guess".
 */
const FEELING_ANSWERS: Readonly<Record<string, SafetyKey>> = { fearOfDying: 'fear', guilt: 'guilt' };
export const feelingsHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'FeelingsIntent'),
  handle(input) {
    const feeling = readSlot(input, 'feeling');
    return answerWith(input, (feeling.heard === 'value' ? FEELING_ANSWERS[feeling.id] : undefined) ?? 'support');
  },
};

/** "Do I have cancer?", "has it spread?": never a guess; who can say, and a support line. */
export const diagnosisHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'DiagnosisIntent'),
  handle(input) {
    const site = readSlot(input, 'site');
    return answerWith(input, 'diagnosis', site.heard === 'value' && isSite(site.id) && site.id !== 'general' ? site.id : undefined);
  },
};
