import type { HandlerInput } from 'ask-sdk-core';
import { isAspect, isSite, isTerm, type Site, type TopicRef } from '../topics/topic-table';

/** What the skill last offered, so that "yes", "no" and "tell me more" answer that offer. */
export type Offer =
  | { readonly kind: 'topic'; readonly ref: TopicRef }
  | { readonly kind: 'more'; readonly ref: TopicRef }
  | { readonly kind: 'anotherSite' }
  | { readonly kind: 'anythingElse' };

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
}

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
  if (v.kind === 'anotherSite' || v.kind === 'anythingElse') return { kind: v.kind };
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
  return {
    heard,
    reminders,
    ...(site && { site }),
    ...optional('last', readRef(raw.last)),
    ...optional('offer', readOffer(raw.offer)),
    ...optional('spoken', readSpoken(raw.spoken)),
  };
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function writeState(handlerInput: HandlerInput, state: SessionState): void {
  if (!handlerInput.requestEnvelope.session) return;
  const attributes = handlerInput.attributesManager.getSessionAttributes<Record<string, unknown>>();
  handlerInput.attributesManager.setSessionAttributes({ ...attributes, [KEY]: state });
}

/** The state with nothing offered: after help, fallback or a clarifying question, "yes" has nothing to accept. */
export const withoutOffer = ({ offer: _offer, ...rest }: SessionState): SessionState => rest;
