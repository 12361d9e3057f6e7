import { check as checkSsml } from 'ssml-check-core';
import { spokenText } from '../../cli/conversation';
import type { LocaleContent } from '../../lambda/content/locale-content';
import { MAX_TURN_WORDS } from '../../lambda/content/prompt-keys';
import { ALL_TOPICS, ASPECTS_WITH_REMINDER } from '../../lambda/topics/topic-table';
import { countWords } from '../../scripts/content-check';

/**
 * What certification (and a listener) would find wrong with one response, checked from outside:
 * the envelope, SSML Alexa accepts, words that leak from code, a reprompt while listening, the word
 * budget, the doctor reminder, and whatever a card or APL document would show.
 */

/**
 * The longest spoken response: an answer, one reminder and one offer, about thirty seconds at the
 * usual rate (issue 14): the most a tired or frightened listener should have to hold.
 */
export const MAX_SPOKEN_WORDS = MAX_TURN_WORDS;

/** Every wording of the reminder to ask the care team: neutral, and for a patient or a carer. */
export const allReminders = (content: LocaleContent): string[] => [...content.reminders, ...content.remindersFor('patient'), ...content.remindersFor('carer')];
/** A reprompt is a nudge after silence, not a second answer. */
export const MAX_REPROMPT_WORDS = 20;

/** Words that only reach speech when code leaks: unfilled values, objects, placeholders. */
const LEAKS: readonly [RegExp, string][] = [
  [/\bundefined\b/, "'undefined'"],
  [/\bnull\b/, "'null'"],
  [/\[object Object\]/, "'[object Object]'"],
  [/\bNaN\b/, "'NaN'"],
  [/\{\{|\}\}/, "an unfilled '{{placeholder}}'"],
];

/** Internals a listener must never hear: error names, stack frames, file paths, JSON. */
const INTERNALS: readonly [RegExp, string][] = [
  [/\b(?:Type|Reference|Range|Syntax)Error\b|\bError:/, 'an error name'],
  [/\bat \S+ \(|\n\s+at /, 'a stack trace'],
  [/(?:\/|\\)[\w.-]+\.(?:js|ts|json)\b|node_modules|\/var\/task/, 'a file path'],
  [/\{\s*"[^"]*"\s*:|"\w+":\s*["{[\d]/, 'JSON'],
  [/\bAskSdk\b|\brequestEnvelope\b|\bhandlerInput\b/, 'an SDK name'],
];

export function leakProblems(where: string, text: string): string[] {
  // A web address (a source a card cites) may end in .json; it is not a leak.
  const words = text.replace(/https?:\/\/\S+/g, 'address');
  return [...LEAKS, ...INTERNALS].filter(([pattern]) => pattern.test(words)).map(([, what]) => `${where} contains ${what}: "${text.slice(0, 120)}"`);
}

/** Every string inside a value (card, APL datasources), with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const ssmlVerdicts = new Map<string, Promise<string[]>>();
/** ssml-check-core's verdict for Alexa, cached: a sweep hears the same prompt many times. */
export function ssmlProblems(where: string, ssml: string): Promise<string[]> {
  let verdict = ssmlVerdicts.get(ssml);
  if (!verdict) {
    verdict = checkSsml(ssml, { platform: 'amazon' }).then((errors) =>
      (errors ?? []).map((e) =>
        e.tag === undefined
          ? e.type
          : `${e.type === 'tag' ? 'bad' : e.type} <${e.tag}>${e.attribute ? ` ${e.attribute}` : ''}${e.value ? `="${e.value}"` : ''}`,
      ),
    );
    ssmlVerdicts.set(ssml, verdict);
  }
  return verdict.then((errors) => errors.map((error) => `${where} is not valid SSML for Alexa (${error}): ${ssml.slice(0, 120)}`));
}

/** The topic answers of a locale, to recognise an answer in speech and know its aspect. */
/** The foundation's clinical rule, pinned here too, so weakening the table in the code is caught. */
const REMINDER_ASPECTS: ReadonlySet<string> = new Set(['symptoms', 'treatment', 'cure', 'seeDoctor', ...ASPECTS_WITH_REMINDER]);

const answerIndex = new Map<LocaleContent, { text: string; needsReminder: boolean }[]>();
function answersOf(content: LocaleContent): { text: string; needsReminder: boolean }[] {
  const known = answerIndex.get(content);
  if (known) return known;
  const built = ALL_TOPICS.flatMap((ref) => {
    const entry = content.entry(ref);
    const needsReminder = ref.kind === 'topic' && REMINDER_ASPECTS.has(ref.aspect);
    return [entry.answer, ...(entry.more ? [entry.more] : [])].map((text) => ({ text, needsReminder }));
  });
  answerIndex.set(content, built);
  return built;
}

export interface Situation {
  readonly content: LocaleContent;
  /** The device can show APL documents. */
  readonly screen: boolean;
  /** No doctor reminder has been said yet in this session, so the first answer must carry one. */
  readonly reminderDue: boolean;
}

interface Speech {
  readonly ssml?: unknown;
  readonly text?: unknown;
  readonly type?: unknown;
}

/** The words of an outputSpeech, checking its shape and SSML on the way. */
async function speechOf(where: string, value: unknown, problems: string[]): Promise<string | undefined> {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    problems.push(`${where} is not an object`);
    return undefined;
  }
  const speech = value as Speech;
  if (speech.type === 'SSML' && typeof speech.ssml === 'string') {
    problems.push(...(await ssmlProblems(where, speech.ssml)));
    return spokenText(speech.ssml);
  }
  if (speech.type === 'PlainText' && typeof speech.text === 'string') return speech.text;
  problems.push(`${where} is neither SSML with ssml nor PlainText with text`);
  return undefined;
}

export async function responseProblems(envelope: unknown, situation: Situation): Promise<string[]> {
  const problems: string[] = [];
  if (!isRecord(envelope)) return ['the response is not an object'];
  if (envelope.version !== '1.0') problems.push(`the response version is ${JSON.stringify(envelope.version)}, not "1.0"`);
  if (envelope.sessionAttributes !== undefined && !isRecord(envelope.sessionAttributes)) problems.push('sessionAttributes is not an object');
  const response = envelope.response;
  if (!isRecord(response)) return [...problems, 'the response has no response object'];

  const speech = await speechOf('speech', response.outputSpeech, problems);
  const reprompt = await speechOf('reprompt', isRecord(response.reprompt) ? response.reprompt.outputSpeech : undefined, problems);
  if (speech !== undefined) problems.push(...leakProblems('speech', speech));
  if (reprompt !== undefined) problems.push(...leakProblems('reprompt', reprompt));

  const open = response.shouldEndSession === false;
  if (speech !== undefined && typeof response.shouldEndSession !== 'boolean')
    problems.push('speaks without saying whether the session stays open (shouldEndSession)');
  if (open && (reprompt === undefined || reprompt.trim() === '')) problems.push('keeps the session open without a reprompt');
  if (open && (speech === undefined || speech.trim() === '')) problems.push('keeps the session open without saying anything');

  if (speech !== undefined && countWords(speech) > MAX_SPOKEN_WORDS)
    problems.push(`speech is ${countWords(speech)} words (max ${MAX_SPOKEN_WORDS}): "${speech.slice(0, 80)}…"`);
  if (reprompt !== undefined && countWords(reprompt) > MAX_REPROMPT_WORDS)
    problems.push(`reprompt is ${countWords(reprompt)} words (max ${MAX_REPROMPT_WORDS}): "${reprompt}"`);

  if (speech !== undefined) {
    const reminders = allReminders(situation.content).filter((r) => speech.includes(r));
    if (reminders.length > 1) problems.push(`two reminders in one turn: "${reminders.join('" and "')}"`);
    for (const answer of answersOf(situation.content).filter((a) => speech.includes(a.text))) {
      if (reminders.length > 0 && situation.content.pointsToCareTeam(answer.text))
        problems.push(`a reminder after an answer that already sends the listener to their team: "${answer.text.slice(0, 60)}…"`);
      if (reminders.length > 0 || situation.content.pointsToCareTeam(answer.text)) break;
      if (answer.needsReminder) problems.push(`answers on symptoms, treatment, cure or seeing a doctor without a reminder: "${answer.text.slice(0, 60)}…"`);
      else if (situation.reminderDue) problems.push(`the first answer of the session has no reminder: "${answer.text.slice(0, 60)}…"`);
      break;
    }
  }

  if (response.card !== undefined) {
    if (!isRecord(response.card) || !['Simple', 'Standard', 'LinkAccount', 'AskForPermissionsConsent'].includes(String(response.card.type)))
      problems.push('card has no known type');
    for (const [path, text] of strings(response.card, 'card')) {
      problems.push(...leakProblems(path, text));
      if (/<[a-z/][^>]*>/i.test(text)) problems.push(`${path} contains markup: "${text.slice(0, 80)}"`);
    }
  }

  const directives: unknown[] = Array.isArray(response.directives) ? response.directives : [];
  if (response.directives !== undefined && !Array.isArray(response.directives)) problems.push('directives is not a list');
  directives.forEach((directive, index) => {
    const where = `directive ${index}`;
    if (!isRecord(directive) || typeof directive.type !== 'string') {
      problems.push(`${where} has no type`);
      return;
    }
    if (!directive.type.startsWith('Alexa.Presentation.APL.')) return;
    if (!situation.screen) problems.push(`${where} sends ${directive.type} to a device without APL`);
    if (directive.type === 'Alexa.Presentation.APL.RenderDocument') {
      if (!isRecord(directive.document)) problems.push(`${where} RenderDocument has no document`);
      if (typeof directive.token !== 'string' || directive.token === '') problems.push(`${where} RenderDocument has no token`);
      for (const [path, text] of strings(directive.datasources, `${where}.datasources`)) problems.push(...leakProblems(path, text));
    }
  });
  return problems;
}
