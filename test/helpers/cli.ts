import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** `npm start` as built: the terminal conversation driving the built Lambda bundle (npm test builds first). */
export const CLI = join(__dirname, '..', '..', 'dist', 'tools', 'cli.js');

/** A run of `npm start` that starts two processes' worth of work: longer than jest's 5 s default on a loaded machine. */
export const CLI_TEST_TIMEOUT_MS = 60_000;

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm start` with `args`, typing `input`, in its own process; it is killed if it outlives the
 * bound. Asynchronous, so that the test's own servers (a store, an endpoint) keep answering meanwhile.
 */
export function runCli(args: readonly string[], { input = '', env = process.env }: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, timeout: CLI_TEST_TIMEOUT_MS / 2 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}
