import type { Sourced } from './entry';
import type { LocaleContent } from './locale-content';

/** A spoken list of sources is kept to this many names; a card lists them all. */
const SPOKEN_SOURCES = 3;

/**
 * What the skill may truthfully say about where an answer came from: the sources and the month it
 * was written, and a clinical sign-off only when one happened. The card says all of it; "where is
 * that from?" says who published it ('spoken'), and "how up to date is that?" when it was written
 * ('date'); both say whether a clinician has checked it.
 */
export function provenance(content: LocaleContent, sourced: Sourced, form: 'card' | 'spoken' | 'date'): string[] {
  const written = content.monthOf(sourced.written);
  const signOff = sourced.signOff ? { role: sourced.signOff.role, month: content.monthOf(sourced.signOff.date) } : undefined;
  const review = signOff ? content.say('sourceSignedOff', signOff) : content.say('sourceNotSignedOff');
  if (form === 'card') {
    return [
      content.say('card.from', { sources: content.listOf(content.sourceNames(sourced.sources)), month: written }),
      signOff ? content.say('card.signedOff', signOff) : content.say('card.notSignedOff'),
    ];
  }
  if (form === 'date') return [content.say('upToDate', { month: written }), review];
  const names = content.sourceNames(sourced.sources, 'spoken');
  const sources =
    names.length > SPOKEN_SOURCES
      ? content.say('sourceMany', { sources: content.listOf(names.slice(0, SPOKEN_SOURCES)) })
      : content.say('source', { sources: content.listOf(names) });
  return [sources, review];
}
