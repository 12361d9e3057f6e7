import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerOf, en } from './content';

/**
 * The held-out phrasing sets, each phrasing with the test of what a listener must hear first. Every
 * set was written by someone who saw neither the interaction model nor the other sets; a set that
 * has been tuned on is kept as a regression test, and says so in `tunedOn`.
 */
export interface Phrasing {
  readonly set: string;
  /** topic id (e.g. bone.symptoms), or a safety group: urgent, crisis, support, diagnosis, prognosis, notUrgent. */
  readonly group: string;
  readonly say: string;
  /** Why the reply is wrong, or undefined when it is right. */
  judge(speech: string): string | undefined;
}

const DIR = join(__dirname, '..', 'phrasings');
const EMERGENCY = '999';
const SAMARITANS = '116 123';
const MACMILLAN = '0808 808 00 00';
const firstSentence = (speech: string): string => speech.split(/(?<=[.?!])\s/)[0] ?? '';

/** The prompt a listener hears first for each conversation control; topics open with their answer. */
export const CONTROL_PROMPTS: Record<string, string> = {
  help: 'help',
  stop: 'goodbye',
  cancel: 'goodbye',
  repeat: 'nothingToRepeat',
  startOver: 'home',
  yes: 'yesWithoutOffer',
  no: 'anythingElse',
};
export const opening = (key: string): string => {
  // The fallback names two things to ask next, fitted to the conversation; its first sentence is the same every time.
  if (key === 'fallback') return firstSentence(en.say('fallback'));
  const prompt = CONTROL_PROMPTS[key];
  return prompt ? en.say(prompt) : answerOf(key);
};

/** An urgent answer: what to do now first (999, the 24-hour line, or today), and a number said again at the end. */
export function urgentProblem(speech: string, kind: 'emergency' | 'careTeamNow' | 'sameDay'): string | undefined {
  const first = firstSentence(speech);
  if (kind === 'emergency' && !/call 999/i.test(first)) return 'first sentence does not say to call 999';
  if (kind === 'careTeamNow' && !/twenty-four-hour|call 999/i.test(first)) return 'first sentence sends them to neither the 24-hour line nor 999';
  if (kind === 'sameDay' && !/twenty-four-hour|call 999|now|today/i.test(first)) return 'first sentence says nothing to do today';
  const withoutOffer = speech.replace(/Would you like me to repeat the number\?$/, '').trim();
  if (withoutOffer === speech) return 'does not offer to repeat the number, or offers something else';
  const last = /(999|111)\.$/.exec(withoutOffer)?.[1];
  if (!last || withoutOffer.split(last).length < 3) return 'does not end by repeating the number it gave';
  if (/You can also ask|Would you like to (hear|know)/.test(withoutOffer)) return 'offers another topic';
  return undefined;
}

export const SAFETY_JUDGES: Record<string, (speech: string) => string | undefined> = {
  emergency: (s) => urgentProblem(s, 'emergency'),
  careTeamNow: (s) => urgentProblem(s, 'careTeamNow'),
  sameDay: (s) => urgentProblem(s, 'sameDay'),
  crisis: (s) => (s.includes(SAMARITANS) && s.indexOf(SAMARITANS) < s.indexOf(EMERGENCY) ? undefined : 'does not give the crisis line first'),
  support: (s) => (s.includes(MACMILLAN) ? undefined : 'gives no support line'),
  diagnosis: (s) => (/can't tell you|can't know|won't guess/i.test(s) && /doctor|nurse|GP/.test(s) ? undefined : 'does not say it cannot know, and who can'),
  prognosis: (s) => (/can tell you|won't guess|can't/i.test(s) && /doctor|nurse|care team/.test(s) ? undefined : 'does not say it cannot know, and who can'),
  notUrgent: (s) => (/^(Call 999 now|Ring (the|your) .*twenty-four-hour)/.test(s) ? 'an ordinary question answered as urgent' : undefined),
  // An expected death at home is not a 999 emergency: the nurses, the GP or 111 first.
  expectedDeath: (s) => (/^Call 999/.test(firstSentence(s)) || !/nurses|GP|111/.test(s) ? 'does not send them to the nurses, the GP or 111 first' : undefined),
};

/** Groups some sets name differently, judged as the group they are. */
const SAME_AS: Record<string, string> = { sameDayPain: 'sameDay', emergencyInTopic: 'emergency' };

const read = (file: string, dir: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** A topic set: { cases: [{ expect, say: [...] }] }. */
export function topicSet(file: string, set: string, dir = DIR): Phrasing[] {
  const cases = (read(file, dir).cases ?? []) as { expect: string | string[]; say: string[] }[];
  return cases.flatMap((c) => {
    const keys = Array.isArray(c.expect) ? c.expect : [c.expect];
    return c.say.map((say): Phrasing => ({
      set,
      group: keys[0] ?? '',
      say,
      judge: (speech) => (keys.some((key) => speech.startsWith(opening(key))) ? undefined : `expected ${keys.join(' or ')}`),
    }));
  });
}

/** A safety set: { emergency: [...], careTeamNow: [...], crisis: [...], …, notUrgent: [...] }. */
export function safetySet(file: string, set: string, dir = DIR): Phrasing[] {
  const data = read(file, dir);
  const groups = [...Object.keys(SAFETY_JUDGES), ...Object.keys(SAME_AS)];
  return groups.flatMap((group) => {
    const judge = SAFETY_JUDGES[SAME_AS[group] ?? group];
    return judge ? strings(data[group]).map((say): Phrasing => ({ set, group, say, judge })) : [];
  });
}
