import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../lambda/index';
import { discoverModels } from '../scripts/model-check';
import { en } from './helpers/content';
import { envelope } from './helpers/envelopes';
import { responseProblems } from './helpers/response-checks';

/**
 * Requests Alexa might send, and some it never should: property tests with fast-check. Whatever
 * arrives, the handler answers with a valid envelope, never speaks its internals, and never logs
 * what was said.
 */

const model = discoverModels()[0]?.model;
if (!model) throw new Error('no interaction model found');

// Marks every word a user "says" in these requests, so a log line that repeats one is caught.
const SAID = 'zqxsaid';

const REQUEST_TYPES = [
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'CanFulfillIntentRequest',
  'Alexa.Presentation.APL.UserEvent',
  'System.ExceptionEncountered',
  'AudioPlayer.PlaybackStarted',
  'Connections.Response',
  'Messaging.MessageReceived',
] as const;

const words = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('肝臓の癌', 'سرطان الكبد', 'рак печени', '🦴🦴', '<speak>', '&amp;', '{{name}}', ' ', ''),
    fc.string({ minLength: 2000, maxLength: 5000 }),
  )
  .map((text) => `${SAID} ${text}`);

const slotNames = [...new Set(model.intents.flatMap((i) => (i.slots ?? []).map((s) => s.name)))];
const slotIds = (model.types ?? []).flatMap((t) => t.values.map((v) => v.id ?? v.name.value));

const slotArb = (name: string) =>
  fc.record(
    {
      name: fc.constant(name),
      value: words,
      confirmationStatus: fc.constantFrom('NONE', 'CONFIRMED', 'DENIED', 'bogus'),
      resolutions: fc.record({
        resolutionsPerAuthority: fc.array(
          fc.record({
            authority: fc.constant(`amzn1.er-authority.echo-sdk.amzn1.ask.skill.x.${name}`),
            status: fc.record({ code: fc.constantFrom('ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT', 'ER_ERROR_EXCEPTION', 'nonsense') }),
            values: fc.array(fc.record({ value: fc.record({ name: words, id: fc.oneof(fc.constantFrom(...slotIds), fc.string()) }) }), { maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
      }),
    },
    { requiredKeys: ['name'] },
  );

const slotsArb = fc
  .array(fc.oneof(fc.constantFrom(...slotNames), fc.string({ maxLength: 10 })), { maxLength: 5 })
  .chain((names) => fc.tuple(...names.map((n) => slotArb(n))))
  .map((slots) => Object.fromEntries(slots.map((s) => [s.name, s])));

const intentArb = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...model.intents.map((i) => i.name), 'AMAZON.PauseIntent', 'AMAZON.SelectIntent'), fc.string()),
    confirmationStatus: fc.constant('NONE'),
    slots: slotsArb,
  },
  { requiredKeys: [] },
);

const requestArb = fc.record(
  {
    type: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REQUEST_TYPES) }, { weight: 1, arbitrary: fc.string() }),
    requestId: fc.constant('amzn1.echo-api.request.fuzz'),
    timestamp: fc.constant('2026-11-25T10:00:00Z'),
    locale: fc.oneof(
      fc.constantFrom('en-GB', 'en-US', 'en-CA', 'en-AU', 'en-IN', 'es-US', 'es-MX', 'fr-CA', 'hi-IN', 'de-DE', 'ja-JP', 'ar-SA', ''),
      fc.string({ maxLength: 8 }),
    ),
    intent: intentArb,
    reason: fc.constantFrom('USER_INITIATED', 'ERROR', 'EXCEEDED_MAX_REPROMPTS'),
    error: fc.record({ type: fc.constantFrom('INVALID_RESPONSE', 'INTERNAL_SERVICE_ERROR'), message: words }),
    arguments: fc.array(fc.jsonValue(), { maxLength: 3 }),
    source: fc.jsonValue(),
  },
  { requiredKeys: ['type'] },
);

const attributesArb = fc.oneof(
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue()),
  fc.record({
    conversation: fc.oneof(
      fc.jsonValue(),
      fc.record({ site: fc.string(), offer: fc.jsonValue(), heard: fc.jsonValue(), reminders: fc.jsonValue(), spoken: fc.jsonValue() }, { requiredKeys: [] }),
    ),
  }),
);

/** Paths a malformed envelope might be missing. */
const REMOVABLE = [
  'version',
  'session',
  'session.attributes',
  'session.application',
  'session.user',
  'context',
  'context.System',
  'context.System.device',
  'context.System.application',
  'request.locale',
  'request.requestId',
  'request.intent',
  'request.intent.slots',
  'request.intent.name',
] as const;

function remove(target: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let at: unknown = target;
  for (const key of keys) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  if (typeof at === 'object' && at !== null) Reflect.deleteProperty(at, last);
}

const eventArb = fc
  .record({
    request: requestArb,
    attributes: attributesArb,
    isNew: fc.boolean(),
    screen: fc.boolean(),
    missing: fc.subarray([...REMOVABLE], { maxLength: 3 }),
  })
  .map(({ request, attributes, isNew, screen, missing }) => {
    const event = envelope('topic-intent') as unknown as Record<string, unknown> & RequestEnvelope;
    event.request = request as unknown as RequestEnvelope['request'];
    if (event.session) Object.assign(event.session, { attributes, new: isNew });
    event.context.System.device = {
      deviceId: 'amzn1.ask.device.TESTDEVICE',
      supportedInterfaces: screen ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } } : {},
    };
    for (const path of missing) remove(event, path);
    return event;
  });

const screenOf = (event: RequestEnvelope): boolean =>
  Boolean(
    (event as { context?: { System?: { device?: { supportedInterfaces?: Record<string, unknown> } } } }).context?.System?.device?.supportedInterfaces?.[
      'Alexa.Presentation.APL'
    ],
  );

/** Everything the skill writes to the console while `run` runs, as text. */
async function capturingLogs<T>(run: () => Promise<T>): Promise<{ result: T; logs: string }> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(keep));
  try {
    return { result: await run(), logs: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('malformed and unusual requests (fast-check)', () => {
  it('are always answered with a valid envelope, never with internals, and never logged with what was said', async () => {
    await fc.assert(
      fc.asyncProperty(eventArb, async (event) => {
        const { result, logs } = await capturingLogs(() =>
          handler(structuredClone(event)).catch((error: unknown) => {
            throw new Error(`the handler threw ${String(error)} on ${JSON.stringify(event).slice(0, 1500)}`);
          }),
        );
        const problems = await responseProblems(result, { content: en, screen: screenOf(event), reminderDue: false });
        expect(problems).toEqual([]);
        expect(logs).not.toContain(SAID);
        expect(logs).not.toContain('amzn1.ask.account.TESTUSER');
        expect(logs).not.toContain('amzn1.ask.device.TESTDEVICE');
      }),
      { numRuns: 400 },
    );
  });

  it('answer SessionEndedRequest with an error with nothing to say', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ type: fc.string(), message: words }), async (error) => {
        const event = envelope('session-ended');
        Object.assign(event.request, { reason: 'ERROR', error });
        const { result } = await capturingLogs(() => handler(event));
        expect(result.response.outputSpeech).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });
});

describe('requests found by fuzzing, kept as examples', () => {
  const base = (): RequestEnvelope => envelope('topic-intent');
  it.each([
    // Found by the property above: with no session, reading the conversation threw inside the error handler.
    [
      'an out-of-session request',
      () => ({ ...base(), session: undefined, request: { type: 'AudioPlayer.PlaybackStarted', requestId: 'r', timestamp: 't', locale: 'en-GB' } }),
    ],
    ['a CanFulfillIntentRequest', () => ({ ...base(), request: { ...base().request, type: 'CanFulfillIntentRequest' } })],
    [
      'an APL UserEvent',
      () => ({ ...base(), request: { type: 'Alexa.Presentation.APL.UserEvent', requestId: 'r', timestamp: 't', locale: 'en-GB', arguments: ['next'] } }),
    ],
    ['an unknown request type', () => ({ ...base(), request: { type: 'Something.New', requestId: 'r', timestamp: 't', locale: 'en-GB' } })],
  ])('%s is answered with a valid envelope', async (_what, build) => {
    const event = build() as unknown as RequestEnvelope;
    const { result } = await capturingLogs(() => handler(event));
    expect(await responseProblems(result, { content: en, screen: false, reminderDue: false })).toEqual([]);
  });
});

const ANOTHER_SKILL = 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555';
const withApplication = (id: string): RequestEnvelope => {
  const event = envelope('launch');
  if (event.session) event.session.application.applicationId = id;
  event.context.System.application.applicationId = id;
  return event;
};

describe("another skill's requests", () => {
  it('are answered while SKILL_ID is unset (local runs and tests)', async () => {
    const saved = process.env.SKILL_ID;
    delete process.env.SKILL_ID;
    try {
      const response = await handler(withApplication(ANOTHER_SKILL));
      expect(response.response.outputSpeech).toBeDefined();
    } finally {
      if (saved !== undefined) process.env.SKILL_ID = saved;
    }
  });

  // The skill id check (SKILL_ID + ask-sdk-core's withSkillId) is being added on another branch;
  // until the handler code uses withSkillId, this case cannot be checked and is skipped.
  const lambdaDir = join(__dirname, '..', 'lambda');
  const hasSkillIdCheck = readdirSync(lambdaDir, { recursive: true, withFileTypes: true }).some(
    (f) => f.isFile() && f.name.endsWith('.ts') && readFileSync(join(f.parentPath, f.name), 'utf8').includes('withSkillId'),
  );
  (hasSkillIdCheck ? it : it.skip)('are refused, unanswered, when SKILL_ID names this skill', async () => {
    const ours = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
    process.env.SKILL_ID = ours;
    try {
      let guarded: ((e: RequestEnvelope) => Promise<ResponseEnvelope>) | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module reads SKILL_ID at load, as a Lambda container does
        guarded = (require('../lambda/index') as { handler: typeof handler }).handler;
      });
      if (!guarded) throw new Error('handler did not load');
      const call = guarded;
      const refused = await capturingLogs(() =>
        call(withApplication(ANOTHER_SKILL)).then(
          (r) => r.response.outputSpeech,
          (e: unknown) => e,
        ),
      );
      expect(refused.result === undefined || refused.result instanceof Error).toBe(true);
      const answered = await capturingLogs(() => call(withApplication(ours)));
      expect(answered.result.response.outputSpeech).toBeDefined();
    } finally {
      delete process.env.SKILL_ID;
    }
  });
});
