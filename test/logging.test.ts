import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { Conversation } from '../cli/conversation';
import { kindErrorHandler } from '../lambda/errors/kind-error-handler';
import { handler } from '../lambda/index';
import { JsonLineLogger, logger } from '../lambda/observability/logger';
import { namedHandlers, observedHandler } from '../lambda/observability/request-log';
import { contentInterceptor } from '../lambda/request/content-interceptor';
import { buildSkill } from '../lambda/skill';
import { en } from './helpers/content';
import { MODEL_PATH } from './helpers/conversation';
import { envelope, intentEnvelope, send, slot } from './helpers/envelopes';

type LogLine = Record<string, unknown>;

/** Every line the logger writes while `run` runs, parsed; a line that is not JSON fails the test. */
async function logsOf(run: () => Promise<void>): Promise<LogLine[]> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogLine);
}

const REQUEST_FIELDS = ['level', 'timestamp', 'service', 'requestType', 'intent', 'locale', 'handler', 'latencyMs', 'outcome'];

beforeAll(() => logger.setLogLevel('INFO'));
afterAll(() => logger.setLogLevel('SILENT'));

describe('the request log of a whole conversation', () => {
  const sentences = [
    'open secondary cancer guide',
    'my neighbour Gwendolyn was told it went to her liver, what does that mean',
    'yes please',
    'what about the bones in her spine',
    'what does metastatic mean',
    'zanzibar pelican marmalade',
    'speak slower',
    'where is that from',
    'what should I ask my doctor about the liver',
    'i feel so alone since Bartholomew died',
    'has my cancer spread to my liver',
    'my dad Rupert suddenly cannot feel his legs',
    'yes',
    'no',
  ];
  const events: RequestEnvelope[] = [];
  const slotValues: string[] = [];
  let lines: LogLine[] = [];

  beforeAll(async () => {
    const recording = (event: RequestEnvelope): Promise<ResponseEnvelope> => {
      events.push(structuredClone(event));
      return handler(event);
    };
    const conversation = new Conversation(recording, MODEL_PATH, 'en-GB');
    lines = await logsOf(async () => {
      for (const sentence of sentences) slotValues.push(...Object.values((await conversation.say(sentence)).heardAs.slots));
    });
  });

  it('has one JSON line per request, naming its type, intent, locale, handler, latency and outcome', () => {
    expect(lines).toHaveLength(events.length);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(REQUEST_FIELDS));
      expect(line).toMatchObject({ level: 'INFO', message: 'request', service: 'secondary-cancer-guide', locale: 'en-GB' });
      expect(typeof line.latencyMs).toBe('number');
    }
    expect(lines[0]).toMatchObject({ requestType: 'LaunchRequest', intent: 'none', handler: 'launchHandler', outcome: 'answered' });
    expect(lines[1]).toMatchObject({ requestType: 'IntentRequest', intent: 'TopicIntent', handler: 'topicHandler' });
    expect(lines.at(-1)).toMatchObject({ outcome: 'ended' });
    expect(lines.map((l) => l.intent)).toContain('AMAZON.FallbackIntent');
  });

  it("never holds the user's words, slot values, or user, device or session ids, or the access token", () => {
    expect(slotValues.length).toBeGreaterThan(2);
    const secrets = [
      'Gwendolyn',
      'neighbour',
      'spine',
      'zanzibar',
      'pelican',
      'marmalade',
      ...slotValues,
      ...events.flatMap((e) => [
        e.context.System.user.userId,
        e.context.System.device?.deviceId ?? '',
        e.context.System.apiAccessToken ?? '',
        e.session?.sessionId ?? '',
      ]),
    ].filter((s) => s.length > 0);
    const text = lines
      .map((l) => JSON.stringify(l))
      .join('\n')
      .toLowerCase();
    expect(secrets.filter((s) => text.includes(s.toLowerCase()))).toEqual([]);
  });
});

describe('the log of a request that fails', () => {
  const broken = observedHandler(
    SkillBuilders.custom()
      .addRequestInterceptors(contentInterceptor)
      .addRequestHandlers(
        ...namedHandlers({
          brokenHandler: {
            canHandle: () => true,
            handle: () => {
              throw new TypeError('could not find Gwendolyn');
            },
          },
        }),
      )
      .addErrorHandlers(kindErrorHandler)
      .create(),
  );

  it('names the error, its stack and the request, never its message, and the listener hears a kind sentence', async () => {
    const event = intentEnvelope('TopicIntent', { site: slot('site', 'SiteType', 'Gwendolyns liver', 'liver') });
    let spoken = '';
    const lines = await logsOf(async () => {
      spoken = JSON.stringify(await broken(event));
    });
    expect(spoken).toContain(en.say('error').split('.')[0]);
    expect(spoken).not.toMatch(/Gwendolyn|TypeError/);

    const [error, request] = lines;
    expect(error).toMatchObject({ level: 'ERROR', message: 'request failed', errorName: 'TypeError', requestId: event.request.requestId });
    expect(error?.stack).toMatch(/at /);
    expect(request).toMatchObject({ message: 'request', handler: 'brokenHandler', intent: 'TopicIntent', outcome: 'error' });
    expect(JSON.stringify(lines)).not.toMatch(/Gwendolyn/i);
  });
});

describe('a request for another skill', () => {
  it('is logged as rejected and not answered when SKILL_ID is set', async () => {
    const ours = observedHandler(buildSkill('amzn1.ask.skill.11111111-1111-1111-1111-111111111111'));
    const lines = await logsOf(async () => {
      await expect(ours(envelope('launch'))).rejects.toThrow(/ID verification failed/);
    });
    expect(lines).toEqual([expect.objectContaining({ level: 'WARN', requestType: 'LaunchRequest', outcome: 'rejected', reason: 'another skill id' })]);
  });

  it('is answered when SKILL_ID is not set, as in local runs and tests', async () => {
    let speech = '';
    const lines = await logsOf(async () => {
      speech = (await send(envelope('launch'))).speech;
    });
    expect(speech).toMatch(/^Welcome/);
    expect(lines).toEqual([expect.objectContaining({ outcome: 'answered' })]);
  });
});

describe('names a request invents', () => {
  it('are logged as "other": an unknown intent, request type, locale or request id never reaches the log', async () => {
    const forged = intentEnvelope(`Forged${'X'.repeat(10_000)}Intent`);
    forged.request.locale = 'xx-MY-MUM-IS-ILL';
    forged.request.requestId = 'amzn1.echo-api.request.<script>';
    const event = envelope('launch') as unknown as { request: { type: string } };
    event.request.type = 'MadeUpRequest';
    const lines = await logsOf(async () => {
      await handler(forged);
      await handler(event as unknown as RequestEnvelope);
    });
    const requests = lines.filter((line) => line.message === 'request');
    expect(requests.map(({ requestType, intent, locale }) => ({ requestType, intent, locale }))).toEqual([
      { requestType: 'IntentRequest', intent: 'other', locale: 'other' },
      { requestType: 'other', intent: 'none', locale: 'en-GB' },
    ]);
    expect(requests[0]?.requestId).toBe('other');
    expect(JSON.stringify(lines)).not.toMatch(/XXXX|MY-MUM|script|MadeUp/);
  });
});

describe('the log line, in the shape Powertools for AWS Lambda writes', () => {
  const context = (id: string) =>
    ({
      functionName: 'guide',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:guide',
      memoryLimitInMB: '256',
      awsRequestId: id,
    }) as unknown as Parameters<JsonLineLogger['addContext']>[0];

  it('carries the Lambda context in the same fields and order, cold start only on the first invocation', async () => {
    const log = new JsonLineLogger('secondary-cancer-guide', 'INFO');
    process.env._X_AMZN_TRACE_ID = 'Root=1-5759e988-bd862e3fe1be46a994272793';
    try {
      const lines = await logsOf(() => {
        log.addContext(context('first-id'));
        log.info('request', { outcome: 'answered' });
        log.addContext(context('second-id'));
        log.warn('request', { outcome: 'rejected' });
        return Promise.resolve();
      });
      const fields = ['level', 'message', 'timestamp', 'service', 'cold_start', 'function_arn', 'function_memory_size', 'function_name'];
      const all = [...fields, 'function_request_id', 'sampling_rate', 'xray_trace_id', 'outcome'];
      expect(lines.map((line) => Object.keys(line))).toEqual([all, all]);
      expect(lines.map(({ level, cold_start, function_request_id }) => ({ level, cold_start, function_request_id }))).toEqual([
        { level: 'INFO', cold_start: true, function_request_id: 'first-id' },
        { level: 'WARN', cold_start: false, function_request_id: 'second-id' },
      ]);
      expect(lines[0]).toMatchObject({ service: 'secondary-cancer-guide', function_memory_size: '256', sampling_rate: 0 });
      expect(Date.parse(String(lines[0]?.timestamp))).not.toBeNaN();
    } finally {
      delete process.env._X_AMZN_TRACE_ID;
    }
  });

  it('writes nothing below its level, and nothing at all when SILENT', async () => {
    const log = new JsonLineLogger('secondary-cancer-guide', 'WARN');
    const lines = await logsOf(() => {
      log.info('not written');
      log.error('written', { errorName: 'TypeError' });
      log.setLogLevel('SILENT');
      log.error('not written either');
      return Promise.resolve();
    });
    expect(lines.map((line) => line.message)).toEqual(['written']);
  });
});
