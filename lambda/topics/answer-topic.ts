import type { LocaleContent } from '../content/locale-content';
import { HISTORY_LENGTH, withChanges, type Offer, type SessionState } from '../request/session-state';
import type { Answer } from '../speech/render';
import { ASPECTS_WITH_REMINDER, contentKey, nextAfter, SUPPORT_LINE_NEXT, topicId, type TopicRef } from './topic-table';

export interface Turn {
  readonly answer: Answer;
  readonly state: SessionState;
}

const siteLabel = (content: LocaleContent, site: string) => ({
  name: content.say(`labels:site.${site}.name`),
  place: content.say(`labels:site.${site}.place`),
});

/** The yes/no question that offers a topic, e.g. "Would you like to hear about the symptoms?" */
export function offerText(content: LocaleContent, ref: TopicRef): string {
  if (ref.kind === 'term') return content.say('offer.term', { term: content.say(`labels:term.${ref.term}`) });
  return content.say([`offer.${ref.site}.${ref.aspect}`, `offer.${ref.aspect}`], siteLabel(content, ref.site));
}

/** The follow-up that ends every answer: one offer "yes" can accept, never two. */
function followUp(content: LocaleContent, ref: TopicRef, heard: ReadonlySet<string>, moreLeft: boolean): { text: string[]; offer: Offer } {
  // Only the care team can talk about how long someone has, and after the last days of life no other
  // topic is pressed on anyone: what helps next is someone to talk to (after the rest of the answer, if asked).
  const quiet = ref.kind === 'topic' && SUPPORT_LINE_NEXT.has(ref.aspect);
  if (quiet && !moreLeft) return { text: [content.say('offer.supportLine')], offer: { kind: 'supportLine' } };
  const next = nextAfter(ref, heard);
  if (moreLeft) {
    return { text: [content.entry(ref).moreOffer ?? content.say('offer.more')], offer: { kind: 'more', ref } };
  }
  if (!next) return { text: [content.say('offer.anotherSite')], offer: { kind: 'anotherSite' } };
  return { text: [offerText(content, next)], offer: { kind: 'topic', ref: next } };
}

/**
 * Clinical rule: every answer on symptoms, treatment or cure, and at least one per session, points to
 * the care team: once. An answer that already says to ask the team needs no second reminder after it.
 */
function reminder(content: LocaleContent, ref: TopicRef, state: SessionState, said: string): { text?: string; given: boolean } {
  const needed = state.reminders === 0 || (ref.kind === 'topic' && ASPECTS_WITH_REMINDER.has(ref.aspect));
  if (!needed) return { given: false };
  if (content.pointsToCareTeam(said)) return { given: true };
  const reminders = content.remindersFor(state.who);
  const text = reminders[state.reminders % reminders.length];
  return text === undefined ? { given: false } : { text, given: true };
}

/** "Go back" returns to the topic before this one: a new topic pushes the last one. */
function historyAfter(state: SessionState, ref: TopicRef): readonly TopicRef[] {
  const { last } = state;
  if (!last || topicId(last) === topicId(ref)) return state.history ?? [];
  return [...(state.history ?? []), last].slice(-HISTORY_LENGTH);
}

/** What is said around an answer: `lead` before it ("Going back."), `after` straight after it (a note on the cancer it started as). */
interface Around {
  readonly lead?: readonly string[];
  readonly after?: readonly string[];
}

function speak(content: LocaleContent, state: SessionState, ref: TopicRef, text: string, moreLeft: boolean, { lead = [], after = [] }: Around = {}): Turn {
  const heard = new Set(state.heard).add(topicId(ref));
  const nudge = reminder(content, ref, state, [...lead, text, ...after].join(' '));
  const next = followUp(content, ref, heard, moreLeft);
  const speech = [...lead, text, ...after, ...(nudge.text === undefined ? [] : [nudge.text]), ...next.text];
  const entry = content.entry(ref, state.who);
  const history = historyAfter(state, ref);
  return {
    answer: {
      speech,
      reprompt: content.say(next.offer.kind === 'supportLine' ? 'supportLineReprompt' : 'followUpReprompt'),
      written: { title: entry.title, body: [text], from: contentKey(ref) },
    },
    state: withChanges(state, {
      ...(ref.kind === 'topic' && ref.site !== 'general' && { site: ref.site }),
      last: ref,
      offer: next.offer,
      heard: [...heard],
      reminders: state.reminders + (nudge.given ? 1 : 0),
      source: contentKey(ref),
      history,
    }),
  };
}

/** Answers one topic of the matrix, then offers the natural next one. `lead` goes first ("Going back."). */
export function answerTopic(content: LocaleContent, state: SessionState, ref: TopicRef, lead: readonly string[] = [], after: readonly string[] = []): Turn {
  const entry = content.entry(ref, state.who);
  return speak(content, state, ref, entry.answer, entry.more !== undefined, { lead, after });
}

/**
 * A question asked with the cancer it started as and a place: the answer for the place, then what
 * can be said about that cancer (after it, so the answer asked for still comes first).
 */
export function answerWithPrimary(content: LocaleContent, state: SessionState, ref: TopicRef, note: string): Turn {
  return answerTopic(content, state, ref, [], [note]);
}

/** The second part of an answer, when the listener asked for it. */
export function answerMore(content: LocaleContent, state: SessionState, ref: TopicRef): Turn {
  const entry = content.entry(ref, state.who);
  return speak(content, state, ref, entry.more ?? content.say('noMore'), false);
}

/** Accepts a topic or "more" offer, as both "yes" and "tell me more" do; other offers are the caller's. */
export function followOffer(content: LocaleContent, state: SessionState, offer: Offer | undefined): Turn | undefined {
  if (offer?.kind === 'topic') return answerTopic(content, state, offer.ref);
  if (offer?.kind === 'more') return answerMore(content, state, offer.ref);
  return undefined;
}

/**
 * A side step ("speak slower", "where is that from?") says its piece, then asks the open question
 * again so the listener carries on where they were; with nothing open, it asks what next.
 */
export function sideStep(content: LocaleContent, offer: Offer | undefined, said: string): Answer {
  const question = askAgain(content, offer);
  return {
    speech: [said, question ?? content.say('whatNext')],
    reprompt: content.say(question ? 'followUpReprompt' : 'whatNextReprompt'),
  };
}

/**
 * The question that is still open, asked again after a side step ("speak slower", "where is that
 * from?"), so the listener can carry on where they were. Undefined when nothing is on offer.
 */
export function askAgain(content: LocaleContent, offer: Offer | undefined): string | undefined {
  switch (offer?.kind) {
    case 'topic':
      return offerText(content, offer.ref);
    case 'more':
      return content.entry(offer.ref).moreOffer ?? content.say('offer.more');
    case 'anotherSite':
      return content.say('offer.anotherSite');
    case 'repeatNumber':
      return content.say('offer.repeatNumber');
    case 'supportLine':
      return content.say('offer.supportLine');
    case 'options':
      return content.say('optionsReprompt');
    default:
      return undefined;
  }
}
