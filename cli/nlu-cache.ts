import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Training the language model takes seconds; its result depends only on the interaction model, so it
 * is kept by the model's hash under node_modules/.cache (never committed) and reused by every process.
 */
export function nluCache(root: string): { has(key: string): boolean; read(key: string): string | undefined; write(key: string, data: string): void } {
  const dir = join(root, 'node_modules', '.cache', 'secondary-cancer-guide');
  return {
    has: (key) => existsSync(join(dir, `nlu-${key}.json`)),
    read: (key) => {
      const path = join(dir, `nlu-${key}.json`);
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    },
    write: (key, data) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `nlu-${key}.json`), data);
    },
  };
}
