import { escapeXmlCharacters, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { contentOf } from '../request/content-interceptor';

/** What a handler decides to say; turned into a response only here. */
export type Answer =
  | { readonly speech: readonly string[]; readonly reprompt: string; readonly end?: false }
  /** The conversation is over (stop, cancel, goodbye): no reprompt. */
  | { readonly speech: readonly string[]; readonly end: true };

// A short pause between parts gives a tired or hard-of-hearing listener time to take each one in.
const PAUSE = '<break time="350ms"/>';

/** Verified phone numbers are read digit by digit: "nine nine nine", never "nine hundred and ninety-nine". */
function sayNumbers(escaped: string, numbers: RegExp | undefined): string {
  return numbers ? escaped.replace(numbers, (number) => `<say-as interpret-as="digits">${number}</say-as>`) : escaped;
}

/** Plain text to SSML: the one place that escapes, so nothing is escaped twice. */
export const toSsml = (parts: readonly string[], numbers?: RegExp): string =>
  parts
    .filter((part) => part.trim().length > 0)
    .map((part) => sayNumbers(escapeXmlCharacters(part), numbers))
    .join(` ${PAUSE} `);

export function render(handlerInput: HandlerInput, answer: Answer): Response {
  const numbers = contentOf(handlerInput).numberPattern;
  const builder = handlerInput.responseBuilder.speak(toSsml(answer.speech, numbers));
  if (answer.end) return builder.withShouldEndSession(true).getResponse();
  return builder.reprompt(toSsml([answer.reprompt], numbers)).withShouldEndSession(false).getResponse();
}
