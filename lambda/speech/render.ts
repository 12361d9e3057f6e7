import { escapeXmlCharacters, getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import answerDocument from '../../content/apl/answer.json';
import type { LocaleContent } from '../content/locale-content';
import { provenance } from '../content/provenance';
import { contentOf } from '../request/content-interceptor';
import { RATES, type SpeakingRate } from './speaking-rate';

/** The written form of an answer: a card in the Alexa app and, on a screen, the same in large type. */
export interface Written {
  readonly title: string;
  readonly body: readonly string[];
  /** Content key of the answer, whose sources and provenance go under it. */
  readonly from: string;
}

interface Said {
  readonly speech: readonly string[];
  readonly written?: Written;
}

/** What a handler decides to say; turned into a response only here. */
export type Answer =
  | (Said & { readonly reprompt: string; readonly end?: false })
  /** The conversation is over (stop, cancel, goodbye): no reprompt. */
  | (Said & { readonly end: true });

// A short pause between parts gives a tired or hard-of-hearing listener time to take each one in.
const PAUSE = '<break time="350ms"/>';
const GROUP_PAUSE = '<break time="250ms"/>';

/**
 * Verified phone numbers are read digit by digit, a group at a time as people write them down:
 * "nine nine nine", never "nine hundred and ninety-nine"; those the country says in whole groups
 * (numbers.json "readAs": "groups") a group at a time: "13 11 20", thirteen eleven twenty.
 */
function sayNumbers(escaped: string, content: LocaleContent): string {
  const numbers = content.numberPattern;
  if (!numbers) return escaped;
  return escaped.replace(numbers, (number) => {
    const as = content.numbersReadInGroups?.has(number) ? 'cardinal' : 'digits';
    return number
      .split(' ')
      .map((group) => `<say-as interpret-as="${as}">${group}</say-as>`)
      .join(GROUP_PAUSE);
  });
}

/** Medical words that speech engines get wrong are spoken from the locale's pronunciations. */
function pronounce(escaped: string, content: LocaleContent): string {
  const p = content.pronunciations;
  if (!p) return escaped;
  return escaped.replace(p.pattern, (word) => {
    const ipa = p.ipa.get(word.toLowerCase());
    return ipa ? `<phoneme alphabet="ipa" ph="${escapeXmlCharacters(ipa)}">${word}</phoneme>` : word;
  });
}

/** Far more than the content has: a bound on what requests can make a container keep per locale. */
const MAX_KEPT = 20_000;

/**
 * What `make` gives for `key` in this locale, made once per container: the content is static, so a
 * warm container makes each SSML part and each card's foot once, not on every request.
 */
function kept(cache: WeakMap<LocaleContent, Map<string, string>>, content: LocaleContent, key: string, make: () => string): string {
  let made = cache.get(content);
  if (!made) cache.set(content, (made = new Map<string, string>()));
  let value = made.get(key);
  if (value === undefined) {
    value = make();
    if (made.size >= MAX_KEPT) made.clear();
    made.set(key, value);
  }
  return value;
}

const partsSaid = new WeakMap<LocaleContent, Map<string, string>>();
const partSsml = (part: string, content: LocaleContent): string =>
  kept(partsSaid, content, part, () => sayNumbers(pronounce(escapeXmlCharacters(part), content), content));

/** Plain text to SSML: the one place that escapes, so nothing is escaped twice. */
export function toSsml(parts: readonly string[], content: LocaleContent, rate: SpeakingRate = 'normal'): string {
  const ssml = parts
    .filter((part) => part.trim().length > 0)
    .map((part) => partSsml(part, content))
    .join(` ${PAUSE} `);
  const prosody = RATES[rate];
  return prosody ? `<prosody rate="${prosody}">${ssml}</prosody>` : ssml;
}

/** Under the answer: where it comes from, when it was checked, and who to ask. */
const feet = new WeakMap<LocaleContent, Map<string, string>>();
const footOf = (content: LocaleContent, from: string): string => kept(feet, content, from, () => writeFoot(content, from));

function writeFoot(content: LocaleContent, from: string): string {
  const sourced = content.sourced(from);
  const lines: string[] = [];
  if (sourced) lines.push(provenance(content, sourced, 'card').join(' '));
  const reminder = content.reminders[0];
  if (reminder) lines.push(reminder);
  return lines.join('\n\n');
}

const supportsApl = (handlerInput: HandlerInput): boolean => {
  try {
    return getSupportedInterfaces(handlerInput.requestEnvelope)['Alexa.Presentation.APL'] !== undefined;
  } catch {
    // A request without a device context has no screen to draw on.
    return false;
  }
};

/** The response for `answer`, spoken at `rate` (the session's; normal when absent). */
export function render(handlerInput: HandlerInput, answer: Answer, rate?: SpeakingRate): Response {
  const content = contentOf(handlerInput);
  const builder = handlerInput.responseBuilder.speak(toSsml(answer.speech, content, rate));
  if (answer.written) {
    const { title, body, from } = answer.written;
    const foot = footOf(content, from);
    builder.withSimpleCard(title, [...body, foot].join('\n\n'));
    if (supportsApl(handlerInput)) {
      builder.addDirective({
        type: 'Alexa.Presentation.APL.RenderDocument',
        token: 'answer',
        document: answerDocument,
        // APL text takes line breaks as markup; content is checked to hold no other markup.
        // Labels are the same words without line breaks, for VoiceView to read aloud.
        datasources: {
          answer: {
            title,
            body: body.join('<br><br>'),
            foot: foot.replace(/\n\n/g, '<br><br>'),
            bodyLabel: body.join(' '),
            footLabel: foot.replace(/\n\n/g, ' '),
          },
        },
      });
    }
  }
  if (answer.end) return builder.withShouldEndSession(true).getResponse();
  return builder
    .reprompt(toSsml([answer.reprompt], content, rate))
    .withShouldEndSession(false)
    .getResponse();
}
