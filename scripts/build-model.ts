import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, modelJson, SourceError } from './model-source';

/**
 * `npm run model:build`: expands each locale's readable source (skill-package/model-source/<locale>/)
 * into the JSON the ASK CLI deploys (skill-package/interactionModels/custom/<locale>.json).
 * `--check` writes nothing and fails if the two have drifted apart.
 */
// Bundled into dist/tools/: the repository is two folders up.
const root = join(__dirname, '..', '..');
const sourceDir = join(root, 'skill-package', 'model-source');
const modelsDir = join(root, 'skill-package', 'interactionModels', 'custom');
const check = process.argv.includes('--check');
let drifted = 0;
try {
  for (const locale of readdirSync(sourceDir).filter((d) => /^[a-z]{2}-[A-Z]{2}$/.test(d))) {
    const json = modelJson(buildModel(locale, sourceDir));
    const target = join(modelsDir, `${locale}.json`);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    if (current === json) continue;
    if (check) {
      drifted++;
      console.error(`${locale}: skill-package/interactionModels/custom/${locale}.json differs from its source: run npm run model:build`);
    } else {
      writeFileSync(target, json);
      console.log(`${locale}: wrote skill-package/interactionModels/custom/${locale}.json`);
    }
  }
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (drifted > 0) process.exit(1);
