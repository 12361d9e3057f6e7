import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint } from './source-fingerprint';

/**
 * `npm run source:fingerprint [path]`: remakes content/source-fingerprint.json from the source page
 * (by default the shared copy beside the repository). Only needed when the source page changes.
 */
const root = join(__dirname, '..', '..');
const page = process.argv[2] ?? join(root, '..', 'shared', 'source', '000_cbf044e0a49d8b5c.txt');
const runs = fingerprint(readFileSync(page, 'utf8'));
writeFileSync(
  join(root, 'content', 'source-fingerprint.json'),
  `${JSON.stringify({ about: 'Hashes of every eight-word run of the source page; see scripts/source-fingerprint.ts', runs })}\n`,
);
console.log(`content/source-fingerprint.json: ${runs.length} runs of eight words`);
