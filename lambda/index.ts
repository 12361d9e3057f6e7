import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { adapterFromEnvironment } from './preferences/dynamodb-adapter';
import { buildSkill } from './skill';

// Module scope: the skill and its content tables are built once per container, not per request.
const skill = buildSkill({ persistenceAdapter: adapterFromEnvironment() });

/**
 * The Lambda entry point: an async (event, context) handler, which the nodejs22.x runtime and later
 * accept (ask-sdk-core's `lambda()` returns a callback handler that Node 24 refuses).
 */
export const handler = (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);
