import { contentFor, type LocaleContent } from '../../lambda/content/locale-content';
import { isAspect, isSite, isTerm, type TopicRef } from '../../lambda/topics/topic-table';

export const en = contentFor('en-GB');

/** "bone.symptoms" or "term.advanced" → the reference the skill uses. */
export function refOf(id: string): TopicRef {
  const [first, second] = id.split('.');
  if (first === 'term' && isTerm(second)) return { kind: 'term', term: second };
  if (isSite(first) && isAspect(second)) return { kind: 'topic', site: first, aspect: second };
  throw new Error(`not a topic id: ${id}`);
}

/** The answer text of a topic, as the listener hears it. */
export const answerOf = (id: string, content: LocaleContent = en): string => content.entry(refOf(id)).answer;

/** A prompt, as the listener hears it. */
export const sayOf = (key: string, vars?: Record<string, string>): string => en.say(key, vars);
