import { DEFAULT_TIMEOUTS, type Timeouts } from './lifecycle';

/** How `npm run serve` was asked to run: from the command line and the environment. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Signature and timestamp checks off: for local development only, announced at every start. */
  readonly insecureDev: boolean;
  readonly timeouts: Timeouts;
}

export const INSECURE_FLAG = '--insecure-dev';
export const INSECURE_ENV = 'SKILL_SERVER_INSECURE_DEV';

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 600_000) throw new Error(`${name} must be milliseconds (0 to 600000), not "${raw}"`);
  return value;
}

export function serveOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ServeOptions {
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 for any free one), not "${env.PORT}"`);
  const insecureDev = argv.includes(INSECURE_FLAG) || env[INSECURE_ENV] === 'true';
  return {
    port,
    // Without checks anyone who reaches the port is "Alexa": in that mode only this machine can, unless HOST says otherwise.
    host: env.HOST ?? (insecureDev ? '127.0.0.1' : '0.0.0.0'),
    insecureDev,
    timeouts: { ...DEFAULT_TIMEOUTS, drainMs: milliseconds(env, 'SHUTDOWN_DRAIN_MS', DEFAULT_TIMEOUTS.drainMs) },
  };
}
