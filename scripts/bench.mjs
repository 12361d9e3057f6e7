// `npm run bench`: how fast the built Lambda bundle answers, measured, not asserted (tests never time).
// Loads dist/lambda/index.js in this fresh process with no store configured, as a warm Lambda would
// run it, and reports cold load, first answer, and the median and 99th percentile of warm answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.PREFERENCES_TABLE;
const require = createRequire(import.meta.url);
const envelope = (name) => JSON.parse(readFileSync(new URL(`../test/envelopes/${name}.json`, import.meta.url), 'utf8'));

const loadStart = performance.now();
const { handler } = require('../dist/lambda/index.js');
const loaded = performance.now() - loadStart;

const launch = envelope('launch');
const topic = envelope('topic-intent');
const urgent = structuredClone(topic);
urgent.request.intent = {
  name: 'UrgentIntent',
  confirmationStatus: 'NONE',
  slots: {
    sign: {
      name: 'sign',
      value: "can't breathe",
      confirmationStatus: 'NONE',
      resolutions: {
        resolutionsPerAuthority: [
          { authority: 'bench.SignType', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: "can't breathe", id: 'breathing' } }] },
        ],
      },
    },
  },
};
const screen = structuredClone(topic);
screen.context.System.device.supportedInterfaces = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2023.3' } } };

const firstStart = performance.now();
await handler(structuredClone(launch));
const first = performance.now() - firstStart;

const RUNS = 2000;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const rows = [];
for (const [name, event] of [
  ['LaunchRequest', launch],
  ['TopicIntent (bone)', topic],
  ['UrgentIntent', urgent],
  ['TopicIntent, screen (APL)', screen],
]) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = structuredClone(event);
    const start = performance.now();
    await handler(copy);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  rows.push({ request: name, 'median ms': percentile(times, 50).toFixed(3), 'p99 ms': percentile(times, 99).toFixed(3) });
}

console.log(`Bundle load: ${loaded.toFixed(1)} ms; first answer (content built on first use): ${first.toFixed(1)} ms`);
console.table(rows);
console.log(
  `Heap used after ${RUNS * rows.length} requests: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MB`,
);
