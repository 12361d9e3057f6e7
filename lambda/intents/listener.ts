import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { isListener } from '../request/listener';
import { type Offer, readState, withChanges } from '../request/session-state';
import { readSlot } from '../request/slots';
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
  canHandle: (input) => isIntent(input, 'ListenerIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const slot = readSlot(input, 'listener');
    const who = slot.heard === 'value' && isListener(slot.id) ? slot.id : undefined;
    // Words the slot could not place: nothing is assumed, and the conversation carries on.
    if (!who) return reply(input, state, sideStep(content, state.offer, content.say('askAnything')));
    const offer: Offer | undefined = who === 'carer' && !state.heard.includes('general.caring') ? { kind: 'topic', ref: CARING } : state.offer;
    return reply(
      input,
      withChanges(state, { who, ...(offer && { offer }) }),
      sideStep(content, offer, content.say(who === 'carer' ? 'whoCarer' : 'whoPatient')),
    );
  },
};
