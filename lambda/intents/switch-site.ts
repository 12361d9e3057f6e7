import type { RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges, withoutOffer } from '../request/session-state';
import { readSlot } from '../request/slots';
import { answerTopic } from '../topics/answer-topic';
import { chooseTopic, isSite } from '../topics/topic-table';
import { isIntent } from './matchers';
import { promptAnswer } from './prompt-answer';

/** "And the liver?": the question just answered, asked about another part of the body. */
export const switchSiteHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'SwitchSiteIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const slot = readSlot(input, 'site');
    if (slot.heard !== 'value' || !isSite(slot.id)) {
      const rest = withoutOffer(state);
      return reply(
        input,
        slot.heard === 'unknown' ? withChanges(rest, { offer: { kind: 'anotherSite' } }) : rest,
        promptAnswer(content, slot.heard === 'unknown' ? 'notCovered' : 'chooseSite'),
      );
    }
    const aspect = state.last?.kind === 'topic' ? state.last.aspect : undefined;
    const ref = chooseTopic({ site: slot.id, ...(aspect && { aspect }) }, undefined) ?? { kind: 'topic' as const, site: slot.id, aspect: 'whatIs' as const };
    const turn = answerTopic(content, state, ref);
    return reply(input, turn.state, turn.answer);
  },
};
