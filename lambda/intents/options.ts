import type { RequestHandler } from 'ask-sdk-core';
import type { LocaleContent } from '../content/locale-content';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, type SessionState, withChanges, withoutOffer } from '../request/session-state';
import { readSlot } from '../request/slots';
import type { Turn } from '../topics/answer-topic';
import { ASKED_NEXT, hasOwnAnswer, isSite, NEVER_OFFERED, SITE_ASPECTS, SITES, topicId, type Site } from '../topics/topic-table';
import { isIntent } from './matchers';

/** Three things at a time: more than that is hard to hold in mind when you can only listen. */
export const OPTIONS_PER_GROUP = 3;
const EXTRAS = ['words', 'doctorQuestions', 'speed'] as const;
const GENERAL_FIRST = ['whatIs', 'spread', 'cure'] as const;

/**
 * What the listener could ask next: the place being discussed first, then other places, then what
 * people ask next (pain, palliative care, hospices, caring…), then the rest.
 */
function optionsFor(content: LocaleContent, state: SessionState): string[] {
  const heard = new Set(state.heard);
  const site = state.site;
  const aspects = site
    ? SITE_ASPECTS[site].filter((a) => !NEVER_OFFERED.has(a) && a !== 'whatIs' && !heard.has(topicId({ kind: 'topic', site, aspect: a })))
    : GENERAL_FIRST.filter((a) => !heard.has(topicId({ kind: 'topic', site: 'general', aspect: a })));
  const places = SITES.filter((s): s is Exclude<Site, 'general'> => s !== 'general' && s !== site);
  // Pain already listed with a place that has its own answer for it is not listed twice.
  const next = ASKED_NEXT.filter((a) => !(site && hasOwnAnswer(site, a)) && !heard.has(topicId({ kind: 'topic', site: 'general', aspect: a })));
  return [
    // Without a place, "what it is" means secondary cancer itself.
    ...aspects.map((a) => content.say(site || a !== 'whatIs' ? `labels:aspect.${a}` : 'labels:option.whatSecondaryIs')),
    ...places.map((s) => content.say(`labels:site.${s}.name`)),
    ...next.map((a) => content.say(`labels:aspect.${a}`)),
    ...EXTRAS.map((e) => content.say(`labels:option.${e}`)),
  ];
}

/** One group of options; "yes" hears the next, and the last group hands back to the listener. */
export function answerOptions(content: LocaleContent, state: SessionState, group: number): Turn {
  const all = optionsFor(content, state);
  const groups = Math.max(1, Math.ceil(all.length / OPTIONS_PER_GROUP));
  const index = Math.min(group, groups - 1);
  const items = all.slice(index * OPTIONS_PER_GROUP, (index + 1) * OPTIONS_PER_GROUP);
  const last = index === groups - 1;
  const key = last ? 'optionsLast' : index === 0 ? 'optionsFirst' : 'optionsNext';
  const rest = withoutOffer(state);
  return {
    answer: { speech: [content.say(key, { options: content.listOf(items, 'or') })], reprompt: content.say(last ? 'optionsLastReprompt' : 'optionsReprompt') },
    state: last ? rest : withChanges(rest, { offer: { kind: 'options', group: index + 1 } }),
  };
}

/** "What else can I ask?", optionally about a place: "what can I ask about the liver?" */
export const optionsHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'OptionsIntent'),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const site = readSlot(input, 'site');
    const about = site.heard === 'value' && isSite(site.id) && site.id !== 'general' ? withChanges(state, { site: site.id }) : state;
    const turn = answerOptions(content, about, 0);
    return reply(input, turn.state, turn.answer);
  },
};
