// `npm test`: the type check and the lint run alongside the build and jest, not before and after them.
// Both are single-threaded, and jest's setup trains one language model per core only part of the time:
// on a 2-core machine this takes a fifth off the whole. Their output is printed when they finish, after
// jest's, so that the two never interleave; any failure fails the run.
import { spawn } from 'node:child_process';

/** A dev dependency's command, as `npm test` finds it on its PATH. */
const bin = (args) => ({ command: process.execPath, args: ['node_modules/.bin/' + args[0], ...args.slice(1)] });

/** Runs one command; resolves with its exit code and, when `quiet`, what it printed. */
function run({ command, args }, quiet) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function sequence(steps, quiet) {
  let output = '';
  for (const step of steps) {
    const result = await run(step, quiet);
    output += result.output;
    if (result.code !== 0) return { code: result.code, output };
  }
  return { code: 0, output };
}

const checks = [
  ['tsc --noEmit', sequence([bin(['tsc', '--noEmit'])], true)],
  ['lint (eslint, prettier --check)', sequence([bin(['eslint', '.']), bin(['prettier', '--check', '.'])], true)],
];
const tests = await sequence([{ command: process.execPath, args: ['scripts/build.mjs'] }, bin(['jest', '--coverage'])], false);
let failed = tests.code !== 0;
for (const [name, pending] of checks) {
  const { code, output } = await pending;
  process.stdout.write(`\n${name}: ${code === 0 ? 'passed' : 'FAILED'}\n${code === 0 ? '' : output}`);
  failed ||= code !== 0;
}
process.exitCode = failed ? 1 : 0;
