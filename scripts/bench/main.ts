import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ensurePreferencesTable, localClient, startDynalite } from '../../cli/local-store';
import { requestMix } from './requests';
import { topSelfTime } from './profile';
import { sizesOf } from './sizes';
import { median, percentile, ratio } from './stats';

/**
 * `npm run bench`: the built Lambda bundle against a hello-world skill bundled the same way, in one
 * run, interleaved, every figure printed as a ratio. A benchmark, not a test: it never fails.
 * Options: --cold N (fresh processes per artefact, default 15), --runs N (warm runs, default 3),
 * --requests N (timed requests per warm run, default 20000), --profile (instead: CPU profiles of the
 * skill's cold start and warm loop, with and without the store, in dist/bench/profiles/, summarised).
 */

// The parent talks to the local store with the same pinned SDK; its Node 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const ROOT = join(__dirname, '..', '..');
const CHILD = join(__dirname, 'bench-child.js');
const SKILL = { name: 'skill', bundle: join(ROOT, 'dist', 'lambda', 'index.js'), dir: join(ROOT, 'dist', 'lambda') };
const HELLO = { name: 'hello-world', bundle: join(ROOT, 'dist', 'bench', 'hello-world', 'index.js'), dir: join(ROOT, 'dist', 'bench', 'hello-world') };
type Artefact = typeof SKILL;

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const COLD_RUNS = Math.max(15, option('cold', 15));
const WARM_RUNS = option('runs', 3);
const REQUESTS = option('requests', 20_000);
const PROFILE = process.argv.includes('--profile');
const PROFILES = join(ROOT, 'dist', 'bench', 'profiles');
/** The same handler unminified, so that profiles name its functions. */
const READABLE = join(ROOT, 'dist', 'bench', 'readable', 'index.js');

/** What the skill needs in production, minus the store: log lines on, as Lambda writes them. */
const BASE_ENV = {
  PATH: process.env.PATH ?? '',
  POWERTOOLS_LOG_LEVEL: 'INFO',
  AWS_REGION: 'eu-west-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface Cold {
  wallMs: number;
  bootMs: number;
  requireMs: number;
  firstMs: number;
  storeMs: number;
  rss: number;
  heapUsed: number;
}
interface Memory {
  rss: number;
  heapUsed: number;
}
interface Warm {
  latencies: number[];
  loopMs: number;
  storeMs: number;
  warmed: Memory;
  after: Memory;
}

/** Runs one fresh child; resolves with its figures and the wall time from spawn to its report. */
function child<T>(args: string[], env: Record<string, string>): Promise<T & { wallMs: number }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const proc = spawn(process.execPath, [...args], { env, stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let text = '';
    let wallMs = Number.NaN;
    (proc.stdio[3] as Readable).on('data', (chunk: Buffer) => {
      if (Number.isNaN(wallMs)) wallMs = performance.now() - start;
      text += chunk.toString();
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0 || !text) reject(new Error(`bench child ${args.join(' ')} exited with ${String(code)}`));
      else resolve({ ...(JSON.parse(text) as T), wallMs });
    });
  });
}

/** Each round runs both artefacts, alternating which goes first, so drift on the machine hits both alike. */
async function interleaved<T>(rounds: number, run: (artefact: Artefact) => Promise<T>): Promise<{ skill: T[]; hello: T[] }> {
  const out = { skill: [] as T[], hello: [] as T[] };
  for (let round = 0; round < rounds; round++) {
    for (const artefact of round % 2 === 0 ? [HELLO, SKILL] : [SKILL, HELLO]) {
      (artefact === SKILL ? out.skill : out.hello).push(await run(artefact));
    }
  }
  return out;
}

interface Row {
  readonly figure: string;
  readonly hello: number;
  readonly skill: number;
  readonly unit: string;
  readonly budget?: number;
}

const fmt = (value: number): string => (Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2));

function print(title: string, rows: readonly Row[]): { met: number; budgets: number } {
  let met = 0;
  let budgets = 0;
  console.log(`\n${title}`);
  console.table(
    rows.map((row) => {
      const r = ratio(row.skill, row.hello);
      const verdict = row.budget === undefined ? '' : r <= row.budget ? `<= ${row.budget}x met` : `<= ${row.budget}x NOT MET`;
      if (row.budget !== undefined) {
        budgets++;
        if (r <= row.budget) met++;
      }
      return {
        figure: row.figure,
        'hello-world': `${fmt(row.hello)} ${row.unit}`,
        skill: `${fmt(row.skill)} ${row.unit}`,
        ratio: `${r.toFixed(2)}x`,
        budget: verdict,
      };
    }),
  );
  return { met, budgets };
}

const MB = 1024 * 1024;
const med = <T>(items: readonly T[], pick: (item: T) => number): number => median(items.map(pick));

/** One cold start and one warm loop of the skill under the profiler; prints where each spends its time. */
async function profile(label: string, env: Record<string, string>, files: { first: string; all: string }): Promise<void> {
  for (const [mode, args] of [
    ['cold', [CHILD, 'cold', READABLE, files.first]],
    ['warm', ['--expose-gc', CHILD, 'warm', READABLE, files.all, String(REQUESTS)]],
  ] as const) {
    const dir = join(PROFILES, `${label}-${mode}`);
    rmSync(dir, { recursive: true, force: true });
    await child(['--cpu-prof', '--cpu-prof-interval', mode === 'cold' ? '20' : '100', `--cpu-prof-dir=${dir}`, ...args], env);
    console.log(`\n${label}, ${mode}: most time of their own (${dir.replace(`${ROOT}/`, '')})`);
    for (const line of topSelfTime(dir, ROOT)) console.log(line);
  }
}

async function measure(label: string, env: Record<string, string>, files: { first: string; all: string }, storeApart: boolean) {
  const cold = await interleaved(COLD_RUNS, (a) => child<Cold>([CHILD, 'cold', a.bundle, files.first], env));
  const warm = await interleaved(WARM_RUNS, (a) => child<Warm>(['--expose-gc', CHILD, 'warm', a.bundle, files.all, String(REQUESTS)], env));
  const apart = (c: Cold) => (storeApart ? c.storeMs : 0);
  const throughput = (w: Warm) => (REQUESTS / (w.loopMs - w.storeMs)) * 1000;
  const side = <T>(runs: { skill: T[]; hello: T[] }, f: (item: T) => number) => ({ hello: med(runs.hello, f), skill: med(runs.skill, f) });
  const all: Row[] = [
    { figure: 'cold start: spawn to first response', ...side(cold, (c) => c.wallMs - apart(c)), unit: 'ms', budget: 1.3 },
    { figure: '  of which Node itself starting', ...side(cold, (c) => c.bootMs), unit: 'ms' },
    { figure: '  of which require() of the bundle', ...side(cold, (c) => c.requireMs), unit: 'ms' },
    { figure: '  of which the first invocation', ...side(cold, (c) => c.firstMs - apart(c)), unit: 'ms' },
    { figure: 'RSS after the first response', ...side(cold, (c) => c.rss / MB), unit: 'MB', budget: 1.3 },
    { figure: 'heap used after the first response', ...side(cold, (c) => c.heapUsed / MB), unit: 'MB' },
    { figure: 'warm latency p50', ...side(warm, (w) => percentile(w.latencies, 50) * 1000), unit: 'us', budget: 5 },
    { figure: 'warm latency p99', ...side(warm, (w) => percentile(w.latencies, 99) * 1000), unit: 'us', budget: 5 },
    { figure: 'warm throughput (parse, answer, stringify)', ...side(warm, throughput), unit: 'req/s' },
    { figure: 'RSS after warm-up', ...side(warm, (w) => w.warmed.rss / MB), unit: 'MB' },
    { figure: `RSS after ${REQUESTS} more requests`, ...side(warm, (w) => w.after.rss / MB), unit: 'MB' },
    { figure: 'heap used after warm-up', ...side(warm, (w) => w.warmed.heapUsed / MB), unit: 'MB' },
    { figure: `heap used after ${REQUESTS} more requests`, ...side(warm, (w) => w.after.heapUsed / MB), unit: 'MB' },
  ];
  const result = print(label, all);
  const growth = side(warm, (w) => (w.after.heapUsed - w.warmed.heapUsed) / 1024);
  console.log(`heap growth over ${REQUESTS} requests (after a full GC): hello-world ${fmt(growth.hello)} kB, skill ${fmt(growth.skill)} kB`);
  if (storeApart) {
    const first = med(cold.skill, (c) => c.storeMs);
    const perRequest = med(warm.skill, (w) => (w.storeMs / REQUESTS) * 1000);
    console.log(
      `store round trips, counted apart: ${fmt(first)} ms on the first request (connection included); ${fmt(perRequest)} us per warm request on average`,
    );
  }
  return result;
}

/** Runs `use` with the environment of a skill whose preferences table is in dynalite on 127.0.0.1, as on Lambda. */
async function withStore(use: (env: Record<string, string>) => Promise<void>): Promise<void> {
  const store = await startDynalite();
  try {
    const client = localClient(store.endpoint);
    await ensurePreferencesTable(client, 'bench-preferences');
    client.destroy();
    await use({
      ...BASE_ENV,
      PREFERENCES_TABLE: 'bench-preferences',
      AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'skill-bench-'));
  const mix = requestMix(ROOT);
  // A cold start reads only the request it answers: reading the whole mix would add the same few
  // milliseconds to both sides and flatter the ratio.
  const files = { first: join(work, 'first.json'), all: join(work, 'requests.json') };
  writeFileSync(files.first, JSON.stringify(mix.slice(0, 1)));
  writeFileSync(files.all, JSON.stringify(mix));
  console.log(
    `npm run bench: ${SKILL.bundle.replace(`${ROOT}/`, '')} against the hello-world fixture, interleaved; ${COLD_RUNS} cold starts each, ` +
      `${WARM_RUNS} warm runs each of ${REQUESTS} requests from a mix of ${mix.length} (every intent, slot value and locale); medians of runs.`,
  );
  if (PROFILE) {
    await withStore(async (storeEnv) => {
      await profile('no-store', BASE_ENV, files);
      await profile('store', storeEnv, files);
    });
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const sizes = { skill: sizesOf(SKILL.dir), hello: sizesOf(HELLO.dir) };
  const kB = (n: number) => n / 1024;
  const totals = [
    print('bundle size', [
      { figure: 'main file, raw', hello: kB(sizes.hello.mainRaw), skill: kB(sizes.skill.mainRaw), unit: 'kB' },
      { figure: 'main file, gzip', hello: kB(sizes.hello.mainGzip), skill: kB(sizes.skill.mainGzip), unit: 'kB', budget: 3 },
      {
        figure: `all files, raw (${sizes.hello.files} / ${sizes.skill.files} files, maps included)`,
        hello: kB(sizes.hello.allRaw),
        skill: kB(sizes.skill.allRaw),
        unit: 'kB',
      },
      { figure: 'all files, gzip', hello: kB(sizes.hello.allGzip), skill: kB(sizes.skill.allGzip), unit: 'kB' },
    ]),
    await measure('without a preferences store', BASE_ENV, files, false),
  ];
  const store = await startDynalite();
  try {
    const client = localClient(store.endpoint);
    await ensurePreferencesTable(client, 'bench-preferences');
    client.destroy();
    const env = {
      ...BASE_ENV,
      PREFERENCES_TABLE: 'bench-preferences',
      AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    totals.push(await measure(`with the preferences store (dynalite on ${store.endpoint}; its round trips counted apart)`, env, files, true));
  } finally {
    await store.close();
    rmSync(work, { recursive: true, force: true });
  }
  const met = totals.reduce((sum, t) => sum + t.met, 0);
  const budgets = totals.reduce((sum, t) => sum + t.budgets, 0);
  console.log(`\n${met === budgets ? 'Every budget met' : `Budgets met: ${met} of ${budgets}`} (${met}/${budgets}).`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
