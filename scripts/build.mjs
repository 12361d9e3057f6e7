// Bundles the Lambda handler (everything inlined, content included), the self-hosted server and the local tools.
import { build } from 'esbuild';

// Lambda runs the runtime named in ask-resources.json (Node 22 or later); this machine and CI run Node 20:
// target the older so both run the same file.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  // Everything Lambda needs in one file; the map has line numbers only (enable with NODE_OPTIONS=--enable-source-maps).
  build({ ...common, entryPoints: ['lambda/index.ts'], outfile: 'dist/lambda/index.js', minify: true, sourcesContent: false }),
  // The self-hosted endpoint runs where `npm ci --omit=dev` installed express and the SDK.
  build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server/main.js', packages: 'external' }),
  // Local tools load their dev dependencies from node_modules and the handler from dist/index.js.
  build({ ...common, entryPoints: ['cli/main.ts'], outfile: 'dist/tools/cli.js', packages: 'external' }),
  build({ ...common, entryPoints: ['scripts/check-content.ts'], outfile: 'dist/tools/check-content.js', packages: 'external' }),
  build({ ...common, entryPoints: ['scripts/report-content.ts'], outfile: 'dist/tools/report-content.js', packages: 'external' }),
  build({ ...common, entryPoints: ['scripts/nlu-profile.ts'], outfile: 'dist/tools/nlu-profile.js', packages: 'external' }),
  build({ ...common, entryPoints: ['scripts/build-model.ts'], outfile: 'dist/tools/build-model.js', packages: 'external' }),
  build({ ...common, entryPoints: ['scripts/fingerprint-source.ts'], outfile: 'dist/tools/fingerprint-source.js', packages: 'external' }),
]);
