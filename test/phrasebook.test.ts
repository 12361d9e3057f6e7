import i18next from 'i18next';
import { fill, Phrasebook } from '../lambda/content/phrasebook';
import { chainOf, compiledLocale, loadLocale, LOCALES, NAMESPACES, resolveChain, verifiedNumbers } from '../lambda/content/resources';

/**
 * The skill looks up and fills its content itself (lambda/content/phrasebook.ts) so that i18next need
 * not be in the Lambda bundle. i18next reading the same files is the yardstick: for every text of
 * every locale, both must say the same.
 */

// A value for every variable the content uses, so that a variable filled wrongly shows.
const VARS = {
  name: 'NAME',
  Name: 'Name',
  place: 'PLACE',
  options: 'OPTIONS',
  month: 'MONTH',
  sources: 'SOURCES',
  term: 'TERM',
  first: 'FIRST',
  second: 'SECOND',
  role: 'ROLE',
};

/** Every key of a namespace whose value is a string, as `ns:a.b.c`. */
function textKeys(ns: string, tree: unknown, path: string[] = []): string[] {
  if (typeof tree === 'string') return [`${ns}:${path.join('.')}`];
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return [];
  return Object.entries(tree).flatMap(([key, value]) => textKeys(ns, value, [...path, key]));
}

describe.each(Object.keys(LOCALES))('%s: the phrasebook says what i18next says', (locale) => {
  const raw = resolveChain(chainOf(locale).map(loadLocale));
  const numbers = verifiedNumbers(raw);
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { [locale]: raw },
    lng: locale,
    ns: [...NAMESPACES],
    defaultNS: 'prompts',
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(locale);
  const book = new Phrasebook(compiledLocale(locale));
  const said = ['prompts', 'labels', 'safety', 'topics', 'questions', 'primaries', 'sources', 'terms'] as const;

  it('for every text, with and without variables, and in each listener context', () => {
    const differ: string[] = [];
    for (const ns of said) {
      for (const key of textKeys(ns, raw[ns])) {
        for (const context of [undefined, 'carer', 'patient']) {
          const vars = { ...VARS, ...(context && { context }) };
          if (book.say(key, vars) !== t(key, { ...numbers, ...vars })) differ.push(`${key} ${context ?? ''}`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('for answers and urgent answers asked for whole, phone numbers filled in', () => {
    for (const key of [...Object.keys(raw.safety ?? {}).map((k) => `safety:${k}`), 'topics:liver.whatIs', 'topics:general.whatIs', 'prompts:reminders']) {
      expect({ key, value: book.find(key) }).toEqual({ key, value: t(key, { returnObjects: true, ...numbers }) });
    }
  });

  it('takes the first key that has a text, and says the last key when none has', () => {
    expect(book.say(['no.such.key', 'welcome'])).toBe(t(['no.such.key', 'welcome']));
    expect(book.say(['no.such.key', 'nor.this'])).toBe(t(['no.such.key', 'nor.this']));
  });
});

describe('filling variables', () => {
  it('fills each once, leaves an unnamed one as written, and never fills what a value brings in', () => {
    expect(fill('call {{x}} or {{ y }}, not {{z}}', { x: '{{y}}', y: 'Y' })).toBe('call {{y}} or Y, not {{z}}');
  });

  it('never reaches past the content into Object.prototype, whatever the key', () => {
    const book = new Phrasebook(compiledLocale('en-GB'));
    for (const key of ['__proto__', 'constructor', 'topics:__proto__.toString', 'prompts:constructor.name', 'toString']) {
      expect(book.find(key)).toBeUndefined();
    }
  });
});
