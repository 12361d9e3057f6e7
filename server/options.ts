/** How `npm run serve` was asked to run: from the command line and the environment. */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Signature and timestamp checks off: for local development only, announced at every start. */
  readonly insecureDev: boolean;
}

export const INSECURE_FLAG = '--insecure-dev';
export const INSECURE_ENV = 'SKILL_SERVER_INSECURE_DEV';

export function serveOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ServeOptions {
  const port = env.PORT?.trim() ? Number(env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0 for any free one), not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    insecureDev: argv.includes(INSECURE_FLAG) || env[INSECURE_ENV] === 'true',
  };
}
