import type { Context } from 'aws-lambda';
import { getIntentName, getLocale, getRequestType, type HandlerInput, type RequestHandler, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { isOtherSkillError } from '../skill-id';
import { KNOWN_INTENTS, KNOWN_LOCALES, KNOWN_REQUEST_TYPES, REQUEST_ID } from './known-names';
import { logger } from './logger';

export type SkillHandler = (event: RequestEnvelope, context?: Context) => Promise<ResponseEnvelope>;

/** How a request ended, as the log line says it. */
export type Outcome = 'answered' | 'ended' | 'error' | 'rejected';

interface Notes {
  handler?: string;
  failed?: boolean;
}

// Keyed by the envelope object, which ask-sdk hands unchanged to every handler: what happened inside
// the skill reaches the one log line written around `invoke`, without touching session attributes.
const notes = new WeakMap<RequestEnvelope, Notes>();

function note(input: HandlerInput, update: Notes): void {
  notes.set(input.requestEnvelope, { ...notes.get(input.requestEnvelope), ...update });
}

/** The error handler says so: the request is logged with outcome "error". */
export function noteFailure(input: HandlerInput): void {
  note(input, { failed: true });
}

/**
 * The request handlers, each recording its name when it answers, so the log says which one did. Keys
 * are the names and their order is the order handlers are tried: `...namedHandlers({ launchHandler, … })`.
 */
export function namedHandlers(handlers: Record<string, RequestHandler>): RequestHandler[] {
  return Object.entries(handlers).map(([name, handler]) => ({
    canHandle: (input) => handler.canHandle(input),
    handle(input) {
      note(input, { handler: name });
      return handler.handle(input);
    },
  }));
}

/** Stands for a field the request does not have, so that every line has every field. */
const NONE = 'none';

/** A field of the envelope, or NONE when the request has none (or is malformed). */
function safely(read: () => string): string {
  try {
    return read();
  } catch {
    return NONE;
  }
}

/** Stands for a name the skill does not know: the request's own words never reach the log. */
const OTHER = 'other';

/** The name read from the request if it is one of `known`; NONE when absent, OTHER when unknown. */
function known(read: () => string, names: ReadonlySet<string>): string {
  const name = safely(read);
  return name === NONE || names.has(name) ? name : OTHER;
}

/** What may be logged about a request: its kind, never its words, slot values, or who sent it. */
export function requestFacts(event: RequestEnvelope) {
  const requestType = known(() => getRequestType(event), KNOWN_REQUEST_TYPES);
  const requestId: unknown = (event as { request?: { requestId?: unknown } } | undefined)?.request?.requestId;
  return {
    requestType,
    intent: requestType === 'IntentRequest' ? known(() => getIntentName(event), KNOWN_INTENTS) : NONE,
    locale: known(() => getLocale(event), KNOWN_LOCALES),
    requestId: typeof requestId !== 'string' ? NONE : REQUEST_ID.test(requestId) ? requestId : OTHER,
  };
}

/**
 * The skill as an async handler that writes one JSON line per request: request type, intent,
 * locale, the handler that answered, latency and outcome. A request the skill refuses (another
 * skill's id, a malformed envelope) is logged and rethrown, so it is never answered.
 */
export function observedHandler(skill: Skill): SkillHandler {
  return async (event, context) => {
    const started = performance.now();
    const facts = requestFacts(event);
    // Function name, request id and cold start: about the container, nothing about the listener.
    if (context) logger.addContext(context);
    const latencyMs = () => Math.round(performance.now() - started);
    try {
      const response = await skill.invoke(event, context);
      const { handler, failed } = notes.get(event) ?? {};
      const outcome: Outcome = failed ? 'error' : response.response.shouldEndSession === true ? 'ended' : 'answered';
      logger.info('request', Object.assign(facts, { handler: handler ?? NONE, latencyMs: latencyMs(), outcome }));
      return response;
    } catch (error) {
      const reason = isOtherSkillError(error) ? 'another skill id' : 'malformed request';
      logger.warn('request', Object.assign(facts, { handler: NONE, latencyMs: latencyMs(), outcome: 'rejected' satisfies Outcome, reason }));
      throw error;
    }
  };
}
