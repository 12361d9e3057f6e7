// Bundles the Lambda handler (everything inlined but the content, which is resolved per locale into
// dist/lambda/content/), the self-hosted server and the local tools.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Lambda runs the runtime named in ask-resources.json (Node 22 or later); this machine and CI run Node 20:
// target the older so both run the same file.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
// Everything Lambda needs in one file; the map has line numbers only (enable with NODE_OPTIONS=--enable-source-maps).
// `npm run bench` bundles its hello-world yardstick with exactly these options.
const lambda = { ...common, minify: true, sourcesContent: false };
const tool = { ...common, packages: 'external' };

await Promise.all([
  // Its metafile (what each input adds to the bundle) is kept outside dist/lambda, which is what gets deployed.
  build({ ...lambda, entryPoints: ['lambda/index.ts'], outfile: 'dist/lambda/index.js', metafile: true }).then(({ metafile }) => {
    mkdirSync('dist/bench', { recursive: true });
    writeFileSync('dist/bench/lambda-meta.json', JSON.stringify(metafile));
  }),
  build({ ...lambda, entryPoints: ['scripts/bench/hello-world.ts'], outfile: 'dist/bench/hello-world/index.js' }),
  // The same handler unminified, for `npm run bench -- --profile`: CPU profiles name its functions.
  build({ ...common, entryPoints: ['lambda/index.ts'], outfile: 'dist/bench/readable/index.js' }),
  // The self-hosted endpoint runs where `npm ci --omit=dev` installed express and the SDK.
  build({ ...tool, entryPoints: ['server/main.ts'], outfile: 'dist/server/main.js' }),
  // Local tools load their dev dependencies from node_modules and the handler from dist/index.js.
  build({ ...tool, entryPoints: ['cli/main.ts'], outfile: 'dist/tools/cli.js' }),
  build({ ...tool, entryPoints: ['scripts/check-content.ts'], outfile: 'dist/tools/check-content.js' }),
  build({ ...tool, entryPoints: ['scripts/report-content.ts'], outfile: 'dist/tools/report-content.js' }),
  build({ ...tool, entryPoints: ['scripts/nlu-profile.ts'], outfile: 'dist/tools/nlu-profile.js' }),
  build({ ...tool, entryPoints: ['scripts/build-model.ts'], outfile: 'dist/tools/build-model.js' }),
  build({ ...tool, entryPoints: ['scripts/fingerprint-source.ts'], outfile: 'dist/tools/fingerprint-source.js' }),
  build({ ...tool, entryPoints: ['scripts/bench/main.ts'], outfile: 'dist/tools/bench.js' }),
  build({ ...tool, entryPoints: ['scripts/bench/child.ts'], outfile: 'dist/tools/bench-child.js' }),
  build({ ...tool, entryPoints: ['scripts/build-content.ts'], outfile: 'dist/tools/build-content.js' }),
  build({ ...tool, entryPoints: ['cli/train-models.ts'], outfile: 'dist/tools/train-models.js' }),
]);
execFileSync(process.execPath, ['dist/tools/build-content.js', 'dist/lambda', 'dist/bench/readable'], { stdio: 'inherit' });
