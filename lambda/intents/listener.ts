import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, type Offer } from '../request/session-state';
import { sideStep } from '../topics/answer-topic';
import type { TopicRef } from '../topics/topic-table';
import { isIntent } from './matchers';

const CARING: TopicRef = { kind: 'topic', site: 'general', aspect: 'caring' };

/**
 * "I'm asking for my mum", "I look after my husband", "it's me who has it": who is being talked about
 * is kept for the session, and answers, reminders and questions for the doctor are worded to fit. A
 * carer is offered the help there is for carers, unless they have heard it; a patient carries on.
 */
export const listenerHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'CarerIntent') || isIntent(input, 'PatientIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const who = isIntent(input, 'CarerIntent') ? 'carer' : 'patient';
    const offer: Offer | undefined = who === 'carer' && !state.heard.includes('general.caring') ? { kind: 'topic', ref: CARING } : state.offer;
    return reply(input, { ...state, who, ...(offer && { offer }) }, sideStep(content, offer, content.say(who === 'carer' ? 'whoCarer' : 'whoPatient')));
  },
};
