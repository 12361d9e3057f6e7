import type { HandlerInput } from 'ask-sdk-core';
import { isSafetyKey, type SafetyKey } from '../safety/safety-keys';
import { isListener, type Listener } from './listener';
import { isSpeakingRate, type SpeakingRate } from '../speech/speaking-rate';
import { isAspect, isSite, isTerm, type Site, type TopicRef } from '../topics/topic-table';

/** What the skill last offered, so that "yes", "no" and "tell me more" answer that offer. */
export type Offer =
  | { readonly kind: 'topic'; readonly ref: TopicRef }
  | { readonly kind: 'more'; readonly ref: TopicRef }
  | { readonly kind: 'anotherSite' }
  | { readonly kind: 'anythingElse' }
  /** "Would you like me to repeat the number?" after an urgent or support answer. */
  | { readonly kind: 'repeatNumber'; readonly key: SafetyKey }
  /** "Would you like the number of a support line?" after a question only a doctor can answer. */
  | { readonly kind: 'supportLine' }
  /** "Would you like more things to ask?": the next group of the list, counted from 0. */
  | { readonly kind: 'options'; readonly group: number }
  /** "Shall I delete what I keep about you?" after "forget me". */
  | { readonly kind: 'forgetMe' };

/** What was last said, kept so "repeat" says it again word for word. */
export interface Spoken {
  readonly speech: readonly string[];
  readonly reprompt?: string;
}

/** The conversation so far, kept in session attributes (Alexa returns them with the next turn). */
export interface SessionState {
  readonly site?: Site;
  readonly last?: TopicRef;
  readonly offer?: Offer;
  /** Topic ids heard in this session, so offers move on to something new. */
  readonly heard: readonly string[];
  /** How many doctor reminders this session has given: rotates the phrasing, and proves one was said. */
  readonly reminders: number;
  readonly spoken?: Spoken;
  /** The content key of the last answer given, e.g. `topics:liver.whatIs`, for "where is that from?". */
  readonly source?: string;
  /** Topics answered before the last one, most recent last, for "go back". */
  readonly history?: readonly TopicRef[];
  /** How fast to speak in this session; loaded from the listener's preferences when it starts. */
  readonly rate?: SpeakingRate;
  /** "I'm asking for my mum", "it's me who has it": kept for the session, so answers speak to fit. */
  readonly who?: Listener;
}

/** "Go back" reaches this far; enough for a conversation, small enough for session attributes. */
export const HISTORY_LENGTH = 5;

export const EMPTY_STATE: SessionState = { heard: [], reminders: 0 };

const KEY = 'conversation';

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;

function readRef(value: unknown): TopicRef | undefined {
  const v = asRecord(value);
  if (!v) return undefined;
  if (v.kind === 'term' && typeof v.term === 'string' && isTerm(v.term)) return { kind: 'term', term: v.term };
  if (v.kind === 'topic' && typeof v.site === 'string' && typeof v.aspect === 'string' && isSite(v.site) && isAspect(v.aspect))
    return { kind: 'topic', site: v.site, aspect: v.aspect };
  return undefined;
}

function readOffer(value: unknown): Offer | undefined {
  const v = asRecord(value);
  if (!v) return undefined;
  if (v.kind === 'anotherSite' || v.kind === 'anythingElse' || v.kind === 'supportLine' || v.kind === 'forgetMe') return { kind: v.kind };
  if (v.kind === 'repeatNumber') return isSafetyKey(v.key) ? { kind: v.kind, key: v.key } : undefined;
  if (v.kind === 'options') return typeof v.group === 'number' && Number.isInteger(v.group) && v.group >= 0 ? { kind: v.kind, group: v.group } : undefined;
  if (v.kind === 'topic' || v.kind === 'more') {
    const ref = readRef(v.ref);
    return ref ? { kind: v.kind, ref } : undefined;
  }
  return undefined;
}

function readSpoken(value: unknown): Spoken | undefined {
  const v = asRecord(value);
  if (!v || !Array.isArray(v.speech) || !v.speech.every((s) => typeof s === 'string')) return undefined;
  return typeof v.reprompt === 'string' ? { speech: v.speech, reprompt: v.reprompt } : { speech: v.speech };
}

/**
 * Session attributes come back from outside, so they are read, not trusted: anything malformed is
 * dropped and the conversation simply carries on without it.
 */
export function readState(handlerInput: HandlerInput): SessionState {
  // Out-of-session requests have no attributes (ask-sdk-core throws if asked): nothing to carry on.
  if (!handlerInput.requestEnvelope.session) return EMPTY_STATE;
  const raw = asRecord(handlerInput.attributesManager.getSessionAttributes<Record<string, unknown>>()[KEY]);
  if (!raw) return EMPTY_STATE;
  const site = typeof raw.site === 'string' && isSite(raw.site) ? raw.site : undefined;
  const heard = Array.isArray(raw.heard) ? raw.heard.filter((h): h is string => typeof h === 'string') : [];
  const reminders = typeof raw.reminders === 'number' && Number.isFinite(raw.reminders) ? raw.reminders : 0;
  const history = Array.isArray(raw.history)
    ? raw.history
        .map(readRef)
        .filter((ref): ref is TopicRef => ref !== undefined)
        .slice(-HISTORY_LENGTH)
    : [];
  return {
    heard,
    reminders,
    ...(history.length > 0 && { history }),
    ...(isSpeakingRate(raw.rate) && { rate: raw.rate }),
    ...(isListener(raw.who) && { who: raw.who }),
    ...(typeof raw.source === 'string' && raw.source.length < 100 && { source: raw.source }),
    ...(site && { site }),
    ...optional('last', readRef(raw.last)),
    ...optional('offer', readOffer(raw.offer)),
    ...optional('spoken', readSpoken(raw.spoken)),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

export function writeState(handlerInput: HandlerInput, state: SessionState): void {
  if (!handlerInput.requestEnvelope.session) return;
  const attributes = handlerInput.attributesManager.getSessionAttributes<Record<string, unknown>>();
  handlerInput.attributesManager.setSessionAttributes(Object.assign({}, attributes, { [KEY]: state }));
}

/**
 * `state` with `changes`: what `{ ...state, offer }` says, without its cost. On Node 20 (V8 11), a
 * spread followed by properties takes about a microsecond a property, on every request, where
 * Object.assign takes a few hundredths (README, Speed).
 */
export const withChanges = (state: SessionState, changes: Partial<SessionState>): SessionState => Object.assign({}, state, changes);

/** The state with nothing offered: after help, fallback or a clarifying question, "yes" has nothing to accept. */
export const withoutOffer = ({ offer: _offer, ...rest }: SessionState): SessionState => rest;
