import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentRequest, RequestEnvelope, ResponseEnvelope, Slot } from 'ask-sdk-model';
import { handler } from '../../lambda/index';
import { spokenText } from '../../cli/conversation';

type Captured = 'launch' | 'topic-intent' | 'session-ended' | 'skill-disabled';
const captured = new Map<Captured, string>();

/** A request envelope captured in the Alexa format (read once per test file); each call gets its own copy. */
export function envelope(name: Captured): RequestEnvelope {
  let text = captured.get(name);
  if (text === undefined) captured.set(name, (text = readFileSync(join(__dirname, '..', 'envelopes', `${name}.json`), 'utf8')));
  return JSON.parse(text) as RequestEnvelope;
}

const AUTHORITY = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

/** A slot as Alexa sends it: an id when the words resolved, ER_SUCCESS_NO_MATCH when they did not. */
export function slot(name: string, type: string, words: string, id?: string): Slot {
  return {
    name,
    value: words,
    confirmationStatus: 'NONE',
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: `${AUTHORITY}.${type}`,
          status: { code: id ? 'ER_SUCCESS_MATCH' : 'ER_SUCCESS_NO_MATCH' },
          values: id ? [{ value: { name: words, id } }] : [],
        },
      ],
    },
  };
}

/** An IntentRequest envelope for `intent` with the given slots and session attributes. */
export function intentEnvelope(intent: string, slots: Record<string, Slot> = {}, attributes: Record<string, unknown> = {}): RequestEnvelope {
  const event = envelope('topic-intent');
  const request = event.request as IntentRequest;
  request.intent = { name: intent, confirmationStatus: 'NONE', slots };
  if (event.session) event.session.attributes = attributes;
  return event;
}

export interface Heard {
  speech: string;
  reprompt: string;
  ended: boolean;
  attributes: Record<string, unknown>;
  raw: ResponseEnvelope;
}

/** Sends an envelope to the real handler and returns what a listener would hear. */
export async function send(event: RequestEnvelope): Promise<Heard> {
  const raw = await handler(event);
  const speech = raw.response.outputSpeech as { ssml?: string } | undefined;
  const reprompt = raw.response.reprompt?.outputSpeech as { ssml?: string } | undefined;
  return {
    speech: spokenText(speech?.ssml),
    reprompt: spokenText(reprompt?.ssml),
    ended: raw.response.shouldEndSession !== false,
    attributes: raw.sessionAttributes ?? {},
    raw,
  };
}
