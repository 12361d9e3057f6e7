import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one logger: JSON lines with level, timestamp and service. Level from POWERTOOLS_LOG_LEVEL (or
 * LOG_LEVEL, or Lambda's own log-level setting); INFO when unset.
 */
export const logger = new Logger({ serviceName: 'secondary-cancer-guide' });

/**
 * An error's stack frames without its first line: the message can carry what a user said (an error
 * built from a slot value), so only the error's name and where it happened are ever logged.
 */
export function stackFrames(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 8).join('\n');
}
