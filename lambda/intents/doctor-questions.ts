import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges, withoutOffer } from '../request/session-state';
import { readSlot } from '../request/slots';
import { isAspect, isSite } from '../topics/topic-table';
import { isIntent } from './matchers';

/**
 * "What should I ask my doctor?": up to three questions for the next appointment, fitted to what is
 * being discussed, and sent to the Alexa app so a carer can take them along.
 */
export const doctorQuestionsHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'DoctorQuestionsIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const siteSlot = readSlot(input, 'site');
    const aspectSlot = readSlot(input, 'aspect');
    const last = state.last?.kind === 'topic' ? state.last : undefined;
    const askedAspect = aspectSlot.heard === 'value' && isAspect(aspectSlot.id) ? aspectSlot.id : undefined;
    // After a general answer (palliative care, money…) while a place is being discussed, the
    // questions are about that answer, not about the place.
    const place = askedAspect === undefined ? last?.site : undefined;
    const site = siteSlot.heard === 'value' && isSite(siteSlot.id) ? siteSlot.id : (place ?? state.site ?? 'general');
    const aspect = askedAspect ?? last?.aspect;
    const set = content.questions(site, aspect, state.who);
    const numbered = set.questions.slice(0, 3).map((q, i) => `${content.say(`labels:ordinals.${i}`)}: ${q}`);
    return reply(input, withChanges(withoutOffer(state), { source: set.key }), {
      speech: [content.say('questionsIntro'), ...numbered, content.say('questionsSent')],
      reprompt: content.say('questionsSentReprompt'),
      written: { title: set.title, body: numbered, from: set.key },
    });
  },
};
