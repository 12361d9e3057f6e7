import { buildSkill } from './skill';
import { observedHandler } from './observability/request-log';

/**
 * The Lambda entry point: an async (event, context) handler, which Lambda's Node 22 runtime and later
 * accept (ask-sdk-core's `lambda()` returns a callback handler that Node 24 refuses). Built once per
 * container, at module load; each request writes one JSON log line.
 */
export const handler = observedHandler(buildSkill());
