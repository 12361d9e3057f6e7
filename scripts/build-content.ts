import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledLocale, LOCALES } from '../lambda/content/resources';

/**
 * Part of `npm run build`: each locale's content resolved over its fallbacks, its numbers filled in, once, here, and written
 * next to the Lambda bundle as one file (dist/lambda/content/<locale>.json). A container then reads
 * and parses one file the first time a request needs that locale, and merges nothing at run time.
 */
const compiled = Object.keys(LOCALES).map((locale) => [locale, JSON.stringify(compiledLocale(locale))] as const);
// Each folder named (a bundle's own), or dist/lambda.
for (const bundleDir of process.argv.length > 2 ? process.argv.slice(2) : [join('dist', 'lambda')]) {
  const out = join(bundleDir, 'content');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const [locale, json] of compiled) writeFileSync(join(out, `${locale}.json`), json);
}
