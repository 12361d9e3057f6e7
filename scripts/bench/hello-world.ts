import { SkillBuilders, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/**
 * The yardstick `npm run bench` measures the skill against: the smallest ask-sdk-core skill that
 * answers every request Alexa can send, exported the way lambda/index.ts exports the real one and
 * bundled with the same esbuild options. Anything the skill costs beyond this is its own.
 */
const hello: RequestHandler = {
  canHandle: () => true,
  handle: (input) =>
    input.requestEnvelope.request.type === 'SessionEndedRequest'
      ? input.responseBuilder.getResponse()
      : input.responseBuilder.speak('Hello world!').reprompt('Say hello again.').getResponse(),
};

const skill = SkillBuilders.custom().addRequestHandlers(hello).create();

export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> => skill.invoke(event, context);
