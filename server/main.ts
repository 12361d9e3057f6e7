import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { logger } from '../lambda/observability/logger';
import { observedHandler } from '../lambda/observability/request-log';
import { adapterFromEnvironment } from '../lambda/preferences/dynamodb-adapter';
import { configuredSkillId } from '../lambda/skill-id';
import { buildSkill } from '../lambda/skill';
import { alexaChecks, createApp } from './app';
import { serve } from './lifecycle';
import { INSECURE_ENV, INSECURE_FLAG, serveOptions, type ServeOptions } from './options';

/**
 * `npm run serve`: the skill as an HTTP endpoint, for teams that host it themselves behind a
 * TLS-terminating proxy or load balancer. `PORT=0` picks a free port.
 */
function optionsOrExit(): ServeOptions {
  try {
    return serveOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
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

  // Off Lambda, AWS credentials may be in a profile, an instance role or SSO: the SDK's own chain finds them.
  const handler = observedHandler(buildSkill(configuredSkillId(), adapterFromEnvironment(process.env, { credentials: defaultProvider() })));
  const checks = options.insecureDev ? [] : alexaChecks();
  const serving = await serve((draining) => createApp({ handler, checks, draining }), options.port, options.host, options.timeouts);
  logger.info('listening', { host: options.host, port: serving.port, verification: options.insecureDev ? 'off' : 'on' });

  const stop = (signal: string) => {
    logger.info('shutting down', { signal, drainMs: options.timeouts.drainMs });
    void serving.shutdown().then((closed) => {
      if (closed) logger.info('stopped');
      else logger.warn('requests still in flight after the grace period: closing them');
      process.exit(closed ? 0 : 1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`The server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
