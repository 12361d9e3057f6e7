import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleContent } from '../../lambda/content/locale-content';
import { URGENT_SIGNS, type UrgentSign } from '../../lambda/safety/safety-keys';
import { SITE_ASPECTS, SITES } from '../../lambda/topics/topic-table';
import { refOf } from './content';
import { CONTROL_PROMPTS, type Phrasing } from './judge';

/**
 * The held-out sets of a locale, judged by what that locale's content says rather than by English
 * words: a reply is right when it opens the way the right answer opens there. An urgent report must
 * open with an urgent answer whose sign needs at least the action its group needs (triage.json), so
 * the judge follows the locale's own numbers and services.
 */
const firstSentence = (speech: string): string => speech.split(/(?<=[.?!])\s/)[0] ?? '';
const DIR = join(__dirname, '..', 'phrasings');

/** How urgent an action is: a reply may be more urgent than its group needs, never less. */
const RANK: Record<string, number> = { emergency: 4, now: 3, sameDay: 2, soon: 1, expected: 0 };
const NEEDS: Record<string, number> = { emergency: 4, emergencyInTopic: 4, careTeamNow: 3, sameDay: 2, sameDayPain: 2 };

export function localeJudges(content: LocaleContent): {
  topic(keys: readonly string[]): (speech: string) => string | undefined;
  safety: Record<string, (speech: string) => string | undefined>;
} {
  const opening = (key: string): string => {
    if (key === 'fallback') return firstSentence(content.say('fallback'));
    const prompt = CONTROL_PROMPTS[key];
    return prompt ? content.say(prompt) : content.entry(refOf(key)).answer;
  };
  const actionOf = (sign: UrgentSign): number => RANK[content.triage.actionOf.get(sign) ?? ''] ?? -1;
  const urgentOpenings = URGENT_SIGNS.map((sign) => ({ sign, first: firstSentence(content.safety(`urgent.${sign}`).answer), rank: actionOf(sign) }));
  const opensWith = (speech: string, answer: string): boolean => firstSentence(speech) === firstSentence(answer);
  const urgent = (needs: number) => (speech: string) =>
    urgentOpenings.some((u) => u.rank >= needs && firstSentence(speech) === u.first) ? undefined : 'does not open with an urgent answer as urgent as the sign';
  const outlooks = SITES.filter((site) => (SITE_ASPECTS[site] as readonly string[]).includes('outlook')).map(
    (site) => content.entry({ kind: 'topic', site, aspect: 'outlook' }).answer,
  );
  const safety: Record<string, (speech: string) => string | undefined> = {
    crisis: (s) => (opensWith(s, content.safety('crisis').answer) ? undefined : 'does not open with the crisis answer'),
    support: (s) =>
      (['support', 'fear', 'guilt', 'crisis'] as const).some((k) => opensWith(s, content.safety(k).answer)) ? undefined : 'does not open with support',
    diagnosis: (s) => (opensWith(s, content.safety('diagnosis').answer) ? undefined : 'does not say it cannot know, and who can'),
    prognosis: (s) => (outlooks.some((answer) => opensWith(s, answer)) ? undefined : 'does not give the outlook answer'),
    notUrgent: (s) =>
      urgentOpenings.some((u) => u.rank >= (RANK.now ?? 3) && firstSentence(s) === u.first) ? 'an ordinary question answered as urgent' : undefined,
    // The last days as a topic also says who to call after an expected death, and that it is not an emergency.
    expectedDeath: (s) =>
      opensWith(s, content.safety('urgent.dying').answer) || s.startsWith(opening('general.endOfLife'))
        ? undefined
        : 'does not open with the expected-death or last-days answer',
  };
  for (const [group, needs] of Object.entries(NEEDS)) safety[group] = urgent(needs);
  return {
    topic: (keys) => (speech) => (keys.some((key) => speech.startsWith(opening(key))) ? undefined : `expected ${keys.join(' or ')}`),
    safety,
  };
}

/** A locale's blind set (`test/phrasings/<locale>-blind.json`): its topic cases and its safety groups, judged by its content. */
export function localeSet(file: string, content: LocaleContent): { topics: Phrasing[]; safety: Phrasing[] } {
  const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, unknown>;
  const judges = localeJudges(content);
  const cases = (data.cases ?? []) as { expect: string | string[]; say: string[] }[];
  const topics = cases.flatMap((c) => {
    const keys = Array.isArray(c.expect) ? c.expect : [c.expect];
    return c.say.map((say): Phrasing => ({ set: file, group: keys[0] ?? '', say, judge: judges.topic(keys) }));
  });
  const safety = Object.entries(judges.safety).flatMap(([group, judge]) =>
    (Array.isArray(data[group]) ? (data[group] as unknown[]) : [])
      .filter((s): s is string => typeof s === 'string')
      .map((say): Phrasing => ({ set: file, group, say, judge })),
  );
  return { topics, safety };
}
