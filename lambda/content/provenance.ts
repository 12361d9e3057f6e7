import type { Sourced } from './entry';
import type { LocaleContent } from './locale-content';

/**
 * What the skill may truthfully say about where an answer came from: the sources and the month it
 * was written, and a clinical sign-off only when one happened. The card and the spoken answer to
 * "where is that from?" both say it, in their own words.
 */
export function provenance(content: LocaleContent, sourced: Sourced, form: 'card' | 'spoken'): string[] {
  const written = content.monthOf(sourced.written);
  const signOff = sourced.signOff ? { role: sourced.signOff.role, month: content.monthOf(sourced.signOff.date) } : undefined;
  if (form === 'card') {
    return [
      content.say('card.from', { sources: content.listOf(content.sourceNames(sourced.sources)), month: written }),
      signOff ? content.say('card.signedOff', signOff) : content.say('card.notSignedOff'),
    ];
  }
  return [
    content.say('source', { sources: content.listOf(content.sourceNames(sourced.sources, 'spoken')) }),
    content.say('sourceWritten', { month: written }),
    signOff ? content.say('sourceSignedOff', signOff) : content.say('sourceNotSignedOff'),
  ];
}
