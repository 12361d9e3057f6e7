// `npm run package`: zips the built Lambda bundle (dist/lambda/) into dist/skill-lambda.zip, ready for
// `aws lambda update-function-code --zip-file` or any pipeline. `ask deploy` zips dist/lambda/ itself.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'dist', 'lambda');
const target = join(root, 'dist', 'skill-lambda.zip');

/** Every file under `dir`, as zip paths relative to `source` (handler `index.handler` needs index.js at the top). */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

const found = files(source);
if (!found.some((path) => relative(source, path) === 'index.js')) {
  console.error('dist/lambda/index.js is missing: run `npm run build` first');
  process.exit(1);
}
// A fixed date: the same bundle always makes the same zip, so deploy tools see no change when there is none.
const mtime = new Date('2000-01-01T00:00:00Z');
const entries = Object.fromEntries(found.sort().map((path) => [relative(source, path).split('\\').join('/'), [readFileSync(path), { mtime, level: 9 }]]));
writeFileSync(target, zipSync(entries));

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const unpacked = found.reduce((sum, path) => sum + statSync(path).size, 0);
console.log(`${relative(root, target)}: ${kb(statSync(target).size)} (${found.length} files, ${kb(unpacked)} unpacked)`);

// Loud, never silent: content without a clinical sign-off can be packaged, but nobody should miss that it is.
execFileSync(process.execPath, [join(root, 'dist', 'tools', 'report-content.js'), '--sign-off-warning'], { stdio: 'inherit' });
