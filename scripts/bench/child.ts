import { subscribe } from 'node:diagnostics_channel';
import { readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

/**
 * One fresh Node process, as a Lambda container sees it: `node bench-child.js <cold|warm> <bundle>
 * <requests.json> [count]`. It requires the bundle, answers requests the way the runtime does (event
 * parsed from a string, response stringified) and writes what it measured as one JSON line to fd 3,
 * so stdout stays where the skill's log lines go. Node built-ins only: the child's own start is
 * part of every cold start it measures, for the skill and the hello-world alike.
 */

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const [mode, bundle = '', requestsFile = '', countArg = '20000'] = process.argv.slice(2);

// Time spent waiting on the preferences store (HTTP to the DynamoDB-compatible server), counted apart.
let storeMs = 0;
const started = new WeakMap<object, number>();
subscribe('http.client.request.start', (message) => started.set((message as { request: object }).request, performance.now()));
subscribe('http.client.response.finish', (message) => {
  const begun = started.get((message as { request: object }).request);
  if (begun !== undefined) storeMs += performance.now() - begun;
});

/** What Lambda passes: the fields loggers read, none of the listener's. */
const context = {
  functionName: 'secondary-cancer-guide-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:secondary-cancer-guide-bench',
  memoryLimitInMB: '256',
  awsRequestId: 'bench-request',
  getRemainingTimeInMillis: () => 8000,
};

const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

const report = (figures: Record<string, unknown>): void => {
  writeSync(3, `${JSON.stringify(figures)}\n`);
};

async function answer(handler: Handler, event: string): Promise<void> {
  JSON.stringify(await handler(JSON.parse(event), context));
}

async function cold(): Promise<void> {
  const bootMs = performance.now();
  const requireStart = performance.now();
  const { handler } = createRequire(__filename)(bundle) as { handler: Handler };
  const requireMs = performance.now() - requireStart;
  const events = JSON.parse(readFileSync(requestsFile, 'utf8')) as string[];
  const firstStart = performance.now();
  await answer(handler, events[0] ?? '{}');
  const firstMs = performance.now() - firstStart;
  // Not collected first: this is the memory Lambda would hold right after the first answer.
  report({ bootMs, requireMs, firstMs, storeMs, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
}

async function warm(): Promise<void> {
  const { handler } = createRequire(__filename)(bundle) as { handler: Handler };
  const events = JSON.parse(readFileSync(requestsFile, 'utf8')) as string[];
  const count = Number(countArg);
  const next = (i: number): string => events[i % events.length] ?? '{}';
  // Warm-up: every request of the mix at least twice, so every locale, cache and JIT path is in place.
  for (let i = 0; i < Math.max(2000, 2 * events.length); i++) await answer(handler, next(i));
  const warmed = memory();
  const latencies = new Float64Array(count);
  const storeStart = storeMs;
  const loopStart = performance.now();
  for (let i = 0; i < count; i++) {
    const event = JSON.parse(next(i)) as unknown;
    const store = storeMs;
    const start = performance.now();
    const response = await handler(event, context);
    // The store's round trip is measured apart: what is left is the skill's own time.
    latencies[i] = performance.now() - start - (storeMs - store);
    JSON.stringify(response);
  }
  const loopMs = performance.now() - loopStart;
  const after = memory();
  report({ latencies: [...latencies], loopMs, storeMs: storeMs - storeStart, warmed, after });
}

void (mode === 'cold' ? cold() : warm()).catch((error: unknown) => {
  process.stderr.write(`bench child failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
