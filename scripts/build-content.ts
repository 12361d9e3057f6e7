import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledLocale, LOCALES } from '../lambda/content/resources';

/**
 * Part of `npm run build`: each locale's content resolved over its fallbacks, its numbers filled in, once, here, and written
 * next to the Lambda bundle as one file (dist/lambda/content/<locale>.json). A container then reads
 * and parses one file the first time a request needs that locale, and merges nothing at run time.
 */
const out = join(process.argv[2] ?? join('dist', 'lambda'), 'content');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const locale of Object.keys(LOCALES)) {
  writeFileSync(join(out, `${locale}.json`), JSON.stringify(compiledLocale(locale)));
}
