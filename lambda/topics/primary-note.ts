import type { LocaleContent } from '../content/locale-content';
import type { Site } from './topic-table';

/** Places with a list of the cancers that most often spread there: only these can say "one of the cancers that most often…". */
export const LISTED_SITES: readonly Site[] = ['liver', 'bone', 'lung', 'brain'];

const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * What can be said about the cancer it started as, asked with a place ("can kidney cancer spread to
 * the bones", "my dad had bladder cancer and now it's in his lungs"): whether it is among the cancers
 * that most often spread there, and that it is still treated as the cancer it began as. Only facts
 * from primaries.json, which names its sources. Undefined for a cancer or a place it has nothing on.
 */
export function primaryNote(content: LocaleContent, primaryId: string, site: Site): string | undefined {
  const primary = content.primary(primaryId);
  // Secondary breast cancer is breast cancer that has spread: another cancer "in the breast" is not it.
  // With no place named, the general answer on where cancers spread is the whole turn's budget.
  if (!primary || site === 'breast' || site === 'general') return undefined;
  const names = { name: primary.name, Name: capitalised(primary.name) };
  if (!LISTED_SITES.includes(site)) return content.say('primaries:anywhere', names);
  const key = primary.spreadsTo.includes(site) ? 'primaries:often' : 'primaries:notOften';
  return content.say(key, { ...names, place: content.say(`labels:site.${site}.place`) });
}
