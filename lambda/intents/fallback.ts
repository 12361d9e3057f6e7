import type { RequestHandler } from 'ask-sdk-core';
import type { LocaleContent } from '../content/locale-content';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, type SessionState, withChanges } from '../request/session-state';
import { NEVER_OFFERED, SITE_ASPECTS, topicId, type Aspect } from '../topics/topic-table';
import { isRequest } from './matchers';

/** What to suggest after "I can't help with that": two things not yet heard about the place being discussed. */
export function suggestions(content: LocaleContent, state: SessionState): { key: 'fallback' | 'fallbackAbout'; vars: Record<string, string> } {
  const site = state.site ?? 'general';
  const heard = new Set(state.heard);
  const fresh = (SITE_ASPECTS[site] as readonly Aspect[]).filter(
    (aspect) => !NEVER_OFFERED.has(aspect) && !heard.has(topicId({ kind: 'topic', site, aspect })) && (site === 'general' || aspect !== 'whatIs'),
  );
  // Everything heard already: the first two are still the most useful to hear again.
  const [first, second] = fresh.length >= 2 ? fresh : SITE_ASPECTS[site].filter((a) => a !== 'whatIs');
  const label = (aspect: Aspect | undefined) =>
    aspect === 'whatIs' ? content.say('labels:option.whatSecondaryIs') : content.say(`labels:aspect.${aspect ?? 'symptoms'}`);
  const vars = { first: label(first), second: label(second) };
  return site === 'general' ? { key: 'fallback', vars } : { key: 'fallbackAbout', vars: { ...vars, name: content.say(`labels:site.${site}.name`) } };
}

/**
 * Out of scope, and any intent or request this skill has no handler for: what to do if someone is
 * unwell, two things the skill can say next about what was being discussed, and a support line ("yes"
 * gives its number). Registered last, so it only catches what nothing else claimed.
 */
export const fallbackHandler: RequestHandler = {
  canHandle: (input) => isRequest(input, 'IntentRequest'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const { key, vars } = suggestions(content, state);
    return reply(input, withChanges(state, { offer: { kind: 'supportLine' } }), {
      speech: [content.say(key, vars)],
      reprompt: content.say('fallbackReprompt'),
    });
  },
};
