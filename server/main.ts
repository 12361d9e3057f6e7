import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
import { handler } from '../lambda/index';
import { logger } from '../lambda/observability/logger';
import { configuredSkillId } from '../lambda/skill-id';
import { alexaVerifiers, createApp } from './app';
import { INSECURE_ENV, INSECURE_FLAG, serveOptions, type ServeOptions } from './options';

/**
 * `npm run serve`: the skill as an HTTP endpoint, for teams that host it themselves behind a
 * TLS-terminating proxy or load balancer. `PORT=0` picks a free port.
 */
const SHUTDOWN_GRACE_MS = 10_000;

function optionsOrExit(): ServeOptions {
  try {
    return serveOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

const options = optionsOrExit();

// Said on stderr at every start, so it cannot scroll by unnoticed in a production log.
if (options.insecureDev) {
  process.stderr.write(
    [
      '',
      '!!! INSECURE DEVELOPMENT MODE !!!',
      `!!! ${INSECURE_FLAG} / ${INSECURE_ENV}: Alexa request signature and timestamp checks are OFF.`,
      '!!! Anyone who can reach this port can send requests as if they were Alexa. Never run this in production.',
      '',
    ].join('\n') + '\n',
  );
}
if (!configuredSkillId()) {
  process.stderr.write('WARNING: SKILL_ID is not set: requests for any skill id are answered. Set SKILL_ID in production.\n');
}

const server = createApp({ handler, verifiers: options.insecureDev ? [] : alexaVerifiers() }).listen(options.port, options.host, () => {
  const { port } = server.address() as AddressInfo;
  logger.info('listening', { host: options.host, port, verification: options.insecureDev ? 'off' : 'on' });
});

// Responses still being worked on when shutdown starts close their connection once sent.
let closing = false;
const inFlight = new Set<ServerResponse>();
server.on('request', (_req, res: ServerResponse) => {
  if (closing) res.setHeader('Connection', 'close');
  inFlight.add(res);
  res.on('close', () => inFlight.delete(res));
});

function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  logger.info('shutting down', { signal, inFlight: inFlight.size });
  for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
  // Stops accepting connections and closes idle ones; exits once requests in flight are answered.
  server.close(() => {
    logger.info('stopped');
    process.exitCode = 0;
  });
  setTimeout(() => {
    logger.warn('requests still in flight after the grace period: closing them', { inFlight: inFlight.size });
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
