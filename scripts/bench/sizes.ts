import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Sizes {
  readonly mainRaw: number;
  readonly mainGzip: number;
  /** Every file the package ships (what `npm run package` zips), source maps included. */
  readonly allRaw: number;
  readonly allGzip: number;
  readonly files: number;
}

const gzip = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** Sizes of a built Lambda folder: `index.js`, the file Lambda loads, and everything beside it. */
export function sizesOf(dir: string): Sizes {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)));
  const main = readFileSync(join(dir, 'index.js'));
  return {
    mainRaw: main.length,
    mainGzip: gzip(main),
    allRaw: files.reduce((sum, file) => sum + file.length, 0),
    allGzip: files.reduce((sum, file) => sum + gzip(file), 0),
    files: files.length,
  };
}
