import { DEFAULT_LOCALE, LOCALES } from './resources';

const LOCALE_SHAPE = /^([a-z]{2,3})-([A-Z]{2})$/;
/** Content written for one country: its numbers are that country's. A bare language ("en", "es") has none. */
const COUNTRY_LOCALES = Object.keys(LOCALES).filter((locale) => LOCALE_SHAPE.test(locale));

/**
 * The content a request's locale hears. Its own, where there is some; else the content written for
 * the same country in another language (hi-IN → en-IN, fr-CA → en-CA), whose numbers work there;
 * else its language with no country's numbers (es-MX → es, en-NZ → en: "your local emergency
 * number"); else that plain English. A request with no locale at all is malformed and gets the default.
 */
export function contentLocaleFor(requested: string | undefined): string {
  if (requested === undefined) return DEFAULT_LOCALE;
  if (COUNTRY_LOCALES.includes(requested)) return requested;
  const [, language, country] = LOCALE_SHAPE.exec(requested) ?? [];
  const sameCountry = COUNTRY_LOCALES.find((locale) => country !== undefined && locale.endsWith(`-${country}`));
  if (sameCountry) return sameCountry;
  if (language !== undefined && Object.hasOwn(LOCALES, language)) return language;
  return Object.hasOwn(LOCALES, 'en') ? 'en' : DEFAULT_LOCALE;
}
