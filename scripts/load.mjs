// `npm run load`: the self-hosted endpoint under rising concurrency, measured, not asserted (tests never time).
// Starts the built server (dist/server/main.js) on 127.0.0.1 only, in development mode (signatures cannot be
// made here), logging as in production, and drives it with autocannon: each step is bounded in time and in
// requests. Reports throughput, p50 and p99 latency and errors per step, and the server's memory before and after.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const STEPS = [1, 10, 50, 100, 200];
const SECONDS_PER_STEP = 5;
const MAX_REQUESTS_PER_STEP = 50_000;

const envelope = (name) => JSON.parse(readFileSync(new URL(`../test/envelopes/${name}.json`, import.meta.url), 'utf8'));
const bodies = [envelope('launch'), envelope('topic-intent')].map((event) => JSON.stringify(event));

const server = spawn(process.execPath, [new URL('../dist/server/main.js', import.meta.url).pathname, '--insecure-dev'], {
  env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', SHUTDOWN_DRAIN_MS: '0', POWERTOOLS_LOG_LEVEL: 'INFO' },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const port = await new Promise((resolve, reject) => {
  let out = '';
  const look = (chunk) => {
    out += chunk.toString();
    const line = out.split('\n').find((l) => l.includes('"message":"listening"'));
    if (line) {
      server.stdout.off('data', look);
      // Production logs one line per request: read and discard them, as a log shipper would.
      server.stdout.resume();
      resolve(JSON.parse(line).port);
    }
  };
  server.stdout.on('data', look);
  server.once('exit', () => reject(new Error('the server exited before listening')));
});

/** The server's resident memory in MB (Linux /proc), or undefined elsewhere. */
function rssMb() {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const url = `http://127.0.0.1:${port}`;
const before = rssMb();
console.log(`Server on ${url}; ${SECONDS_PER_STEP} s or ${MAX_REQUESTS_PER_STEP} requests per step; launch and topic requests alternate.\n`);
console.log('| connections | requests/s | p50 ms | p99 ms | errors | requests |');
console.log('|---|---|---|---|---|---|');
for (const connections of STEPS) {
  const result = await autocannon({
    url,
    connections,
    duration: SECONDS_PER_STEP,
    maxOverallRequests: MAX_REQUESTS_PER_STEP,
    requests: bodies.map((body) => ({ method: 'POST', path: '/', headers: { 'content-type': 'application/json' }, body })),
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(
    `| ${connections} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${result.requests.total} |`,
  );
}
const after = rssMb();
console.log(`\nServer memory (RSS): ${before ?? '?'} MB before, ${after ?? '?'} MB after.`);
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
