import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IntentRequest, RequestEnvelope, Slot } from 'ask-sdk-model';
import { discoverModels, type LanguageModel, type ModelIntent } from '../model-check';

const AUTHORITY = 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
const APL = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } };

const resolved = (name: string, type: string, id: string): Slot => ({
  name,
  value: id,
  confirmationStatus: 'NONE',
  resolutions: {
    resolutionsPerAuthority: [{ authority: `${AUTHORITY}.${type}`, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: id, id } }] }],
  },
});

/** Each intent bare, then once per value of each of its slots: every intent, every slot value. */
function intentRequests(model: LanguageModel, intent: ModelIntent, base: RequestEnvelope): RequestEnvelope[] {
  const withSlots = (slots: Record<string, Slot>): RequestEnvelope => {
    const event = structuredClone(base);
    (event.request as IntentRequest).intent = { name: intent.name, confirmationStatus: 'NONE', slots };
    return event;
  };
  const out = [withSlots({})];
  for (const { name, type } of intent.slots ?? []) {
    for (const value of model.types?.find((t) => t.name === type)?.values ?? [])
      out.push(withSlots({ [name]: resolved(name, type, value.id ?? value.name.value) }));
  }
  return out;
}

/**
 * What `npm run bench` sends, as JSON strings (the Lambda runtime parses each event from a string):
 * for every locale with a model, a new session's launch, every intent with every slot value
 * mid-session, and the session's end; every fourth request comes from a device with a screen.
 */
export function requestMix(root: string): string[] {
  // Captured envelopes (test/envelopes/, ids faked) and the interaction models, from the project folder.
  const captured = (name: string): RequestEnvelope => JSON.parse(readFileSync(join(root, 'test', 'envelopes', `${name}.json`), 'utf8')) as RequestEnvelope;
  const events: RequestEnvelope[] = [];
  for (const { locale, model } of discoverModels(join(root, 'skill-package', 'interactionModels', 'custom'))) {
    const launch = captured('launch');
    const ended = captured('session-ended');
    const intents = model.intents.flatMap((intent) => intentRequests(model, intent, captured('topic-intent')));
    for (const event of [launch, ...intents, ended]) {
      event.request.locale = locale;
      events.push(event);
    }
  }
  events.forEach((event, i) => {
    event.request.requestId = `amzn1.echo-api.request.bench-${i}`;
    if (i % 4 === 3) event.context.System.device = { deviceId: 'amzn1.ask.device.BENCH', supportedInterfaces: APL };
  });
  return events.map((event) => JSON.stringify(event));
}
