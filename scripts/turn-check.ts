import { MAX_OFFER_WORDS, MAX_TURN_WORDS } from '../lambda/content/prompt-keys';
import { SITE_ASPECTS, SITES, TERMS } from '../lambda/topics/topic-table';
import { countWords, isObject, strings, type Json, type Problem } from './content-basics';

/** Every offer the skill may end a turn with: the offer prompts, each site's own, "more" and "another part of the body". */
function offerTexts(prompts: Json): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const offers = isObject(prompts.offer) ? prompts.offer : {};
  for (const [key, value] of Object.entries(offers)) {
    if (typeof value === 'string') out.push({ key: `offer.${key}`, text: value });
    else if (isObject(value))
      for (const [aspect, text] of Object.entries(value)) if (typeof text === 'string') out.push({ key: `offer.${key}.${aspect}`, text });
  }
  return out;
}

/** The words that show an answer already sends the listener to their team (then no reminder is added after it). */
function careTeamTest(prompts: Json): (text: string) => boolean {
  const words = strings(prompts.careTeam).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = words.length > 0 ? new RegExp(`\\b(?:${words.join('|')})\\b`, 'i') : undefined;
  return (text) => pattern?.test(text) === true;
}

/**
 * A whole turn is the answer, at most one reminder to ask the care team, and one offer: together at
 * most MAX_TURN_WORDS, about thirty seconds at the usual rate. Each answer is held to it with the
 * longest reminder (any answer can be the first of a session, which always has one, unless it already
 * names the team) and the longest offer that can follow it; each offer to MAX_OFFER_WORDS.
 */
export function turnProblems(file: (ns: string) => string, data: Readonly<Record<string, Json>>): Problem[] {
  const problems: Problem[] = [];
  const prompts = data.prompts ?? {};
  const offers = offerTexts(prompts);
  for (const { key, text } of offers)
    if (countWords(text) > MAX_OFFER_WORDS)
      problems.push({ file: file('prompts'), key, reason: `offer is ${countWords(text)} words (max ${MAX_OFFER_WORDS}): one short question` });
  const longestOffer = Math.max(0, ...offers.map(({ text }) => countWords(text)));
  const reminders = Object.entries(prompts)
    .filter(([key]) => key === 'reminders' || key.startsWith('reminders_'))
    .flatMap(([, value]) => strings(value));
  const longestReminder = Math.max(0, ...reminders.map(countWords));
  const namesTeam = careTeamTest(prompts);
  for (const [key, value] of Object.entries(prompts))
    if (key === 'reminders' || key.startsWith('reminders_'))
      for (const [i, text] of strings(value).entries())
        if (!namesTeam(text))
          problems.push({
            file: file('prompts'),
            key: `${key}[${i}]`,
            reason: 'does not name the care team in words listed in careTeam, so the skill cannot tell it is a reminder',
          });

  const check = (ns: string, key: string, entry: unknown) => {
    if (!isObject(entry)) return;
    const moreOffer = typeof entry.moreOffer === 'string' ? entry.moreOffer : undefined;
    if (moreOffer && countWords(moreOffer) > MAX_OFFER_WORDS)
      problems.push({
        file: file(ns),
        key: `${key}.moreOffer`,
        reason: `offer is ${countWords(moreOffer)} words (max ${MAX_OFFER_WORDS}): one short question`,
      });
    for (const field of ['answer', 'more'] as const) {
      const text = entry[field];
      if (typeof text !== 'string') continue;
      const offer = field === 'answer' && typeof entry.more === 'string' ? countWords(moreOffer ?? '') || longestOffer : longestOffer;
      const reminder = namesTeam(text) ? 0 : longestReminder;
      const total = countWords(text) + reminder + offer;
      if (total > MAX_TURN_WORDS)
        problems.push({
          file: file(ns),
          key: `${key}.${field}`,
          reason: `a turn with it runs ${total} words (${field} ${countWords(text)}, reminder ${reminder}, offer ${offer}; max ${MAX_TURN_WORDS}): shorten it, or move a sentence to "more"`,
        });
    }
  };
  for (const site of SITES)
    for (const aspect of SITE_ASPECTS[site]) check('topics', `${site}.${aspect}`, isObject(data.topics?.[site]) ? data.topics[site][aspect] : undefined);
  for (const term of TERMS) check('terms', term, data.terms?.[term]);
  return problems;
}

/**
 * The most a turn can say after a note about the cancer it started as, at `site`: the place's answer to
 * which cancers spread there, a reminder (unless that answer names the team) and the offer after it.
 */
export function wordsAfterNote(data: Readonly<Record<string, Json>>, site: string): number {
  const prompts = data.prompts ?? {};
  const entry = isObject(data.topics?.[site]) ? data.topics[site].whichCancers : undefined;
  if (!isObject(entry) || typeof entry.answer !== 'string') return 0;
  const reminders = Object.entries(prompts)
    .filter(([key]) => key === 'reminders' || key.startsWith('reminders_'))
    .flatMap(([, value]) => strings(value));
  const reminder = careTeamTest(prompts)(entry.answer) ? 0 : Math.max(0, ...reminders.map(countWords));
  const offer = typeof entry.moreOffer === 'string' ? countWords(entry.moreOffer) : Math.max(0, ...offerTexts(prompts).map(({ text }) => countWords(text)));
  return countWords(entry.answer) + reminder + offer;
}
