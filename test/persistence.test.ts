import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { getSlotValue, SkillBuilders, type PersistenceAdapter, type RequestHandler, type Skill } from 'ask-sdk-core';
import { DynamoDbPersistenceAdapter as OfficialV2Adapter } from 'ask-sdk-dynamodb-persistence-adapter';
import type { RequestEnvelope, ResponseEnvelope, Slot } from 'ask-sdk-model';
import DynamoDB from 'aws-sdk/clients/dynamodb';
import { spokenText, Conversation } from '../cli/conversation';
import { LOCAL_TABLE, LOCAL_USER_ID, localConnection, startDynalite } from '../cli/local-store';
import { adapterFromEnvironment, DynamoDbPersistenceAdapter } from '../lambda/preferences/dynamodb-adapter';
import {
  DEFAULT_PREFERENCES,
  isSpeakingRate,
  preferencesOf,
  updatePreferences,
  withPreferences,
  type Preferences,
  type SpeakingRate,
} from '../lambda/preferences/preferences';
import { buildSkill } from '../lambda/skill';
import { MODEL_PATH } from './helpers/conversation';
import { CLI_TEST_TIMEOUT_MS, runCli } from './helpers/cli';
import { halfSent } from './helpers/half-sent';
import { logsDuring } from './helpers/logs';
import { startSilentServer, startTestStore, TABLE, type TestStore } from './helpers/dynalite';
import { envelope, intentEnvelope } from './helpers/envelopes';

/** A captured envelope, from `userId` (as Alexa sends it: on the session and in the context). */
function from(userId: string, event: RequestEnvelope): RequestEnvelope {
  event.context.System.user.userId = userId;
  if (event.session) event.session.user.userId = userId;
  return event;
}

const launch = (userId: string): RequestEnvelope => from(userId, envelope('launch'));

const said = (response: ResponseEnvelope): string => spokenText((response.response.outputSpeech as { ssml?: string } | undefined)?.ssml);

/** The real adapter, watched: how often the skill reads and writes the store. */
function watched(adapter: PersistenceAdapter): { adapter: PersistenceAdapter; reads: () => number; saves: () => number } {
  let reads = 0;
  let saves = 0;
  return {
    adapter: {
      getAttributes: (event) => {
        reads += 1;
        return adapter.getAttributes(event);
      },
      saveAttributes: (event, attributes) => {
        saves += 1;
        return adapter.saveAttributes(event, attributes);
      },
    },
    reads: () => reads,
    saves: () => saves,
  };
}

/**
 * A test-only skill showing the API as the lead's handlers will use it: it says the preferences it
 * found, and "SetRate" with a `rate` slot changes the speaking rate. It asks twice, as two handlers
 * in one request might.
 */
function demoSkill(store: PersistenceAdapter | undefined): Skill {
  const handler: RequestHandler = {
    canHandle: () => true,
    async handle(input) {
      const found = await preferencesOf(input);
      const rate = input.requestEnvelope.request.type === 'IntentRequest' ? getSlotValue(input.requestEnvelope, 'rate') : undefined;
      if (isSpeakingRate(rate)) updatePreferences(input, { rate });
      const now = await preferencesOf(input);
      return input.responseBuilder.speak(JSON.stringify({ found, now })).getResponse();
    },
  };
  return withPreferences(SkillBuilders.custom(), store).addRequestHandlers(handler).create();
}

async function askDemo(skill: Skill, event: RequestEnvelope): Promise<{ found: Preferences; now: Preferences }> {
  return JSON.parse(said(await skill.invoke(event))) as { found: Preferences; now: Preferences };
}

const rateSlot = (rate: SpeakingRate): Record<string, Slot> => ({ rate: { name: 'rate', value: rate, confirmationStatus: 'NONE' } });
const setRate = (userId: string, rate: SpeakingRate): RequestEnvelope => from(userId, intentEnvelope('SetRate', rateSlot(rate)));

describe('the DynamoDB adapter (AWS SDK v3) against a real DynamoDB-compatible server', () => {
  // Every test has a store of its own, started and closed around it: nothing one test leaves behind reaches another.
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  it("keeps one item per user in the official adapter's shape, { id, attributes }, plus its expiry, and reads it back", async () => {
    await store.adapter.saveAttributes(launch('amzn1.ask.account.SHAPE'), { rate: 'slow', welcomed: true });
    expect(await store.item('amzn1.ask.account.SHAPE')).toEqual({
      id: 'amzn1.ask.account.SHAPE',
      attributes: { rate: 'slow', welcomed: true },
      expiresAt: expect.any(Number) as unknown,
    });
    expect(await store.adapter.getAttributes(launch('amzn1.ask.account.SHAPE'))).toEqual({ rate: 'slow', welcomed: true });
  });

  it('finds nothing for a user it has never seen', async () => {
    expect(await store.adapter.getAttributes(launch('amzn1.ask.account.NEVER-SEEN'))).toEqual({});
  });

  it('shares a table with the official (AWS SDK v2) adapter: each reads what the other wrote', async () => {
    // aws-sdk v2 types its options as a class; a plain object is what its own docs pass.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const v2 = new DynamoDB({ endpoint: store.endpoint, region: 'local', accessKeyId: 'local', secretAccessKey: 'local' });
    const official = new OfficialV2Adapter({ tableName: TABLE, dynamoDBClient: v2 });

    await official.saveAttributes(launch('amzn1.ask.account.FROM-V2'), { rate: 'fast', welcomed: true });
    expect(await store.adapter.getAttributes(launch('amzn1.ask.account.FROM-V2'))).toEqual({ rate: 'fast', welcomed: true });

    await store.adapter.saveAttributes(launch('amzn1.ask.account.FROM-V3'), { rate: 'slow', welcomed: false });
    expect(await official.getAttributes(launch('amzn1.ask.account.FROM-V3'))).toEqual({ rate: 'slow', welcomed: false });
  });
});

describe('preferences kept per user, through the skill', () => {
  // Every test has a store of its own, started and closed around it: nothing one test leaves behind reaches another.
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  it('gives a user it has never seen the defaults', async () => {
    const { found } = await askDemo(demoSkill(store.adapter), launch('amzn1.ask.account.NEW'));
    expect(found).toEqual(DEFAULT_PREFERENCES);
  });

  it('remembers a rate set in one session in the next session of the same user, and only for that user', async () => {
    const skill = demoSkill(store.adapter);
    expect((await askDemo(skill, setRate('amzn1.ask.account.SLOW', 'slow'))).now.rate).toBe('slow');

    expect((await askDemo(skill, launch('amzn1.ask.account.SLOW'))).found).toEqual({ ...DEFAULT_PREFERENCES, rate: 'slow' });
    expect((await askDemo(skill, launch('amzn1.ask.account.SOMEONE-ELSE'))).found).toEqual(DEFAULT_PREFERENCES);
  });

  it('reads the store once per request however often a handler asks, and writes only when something changed', async () => {
    const store2 = watched(store.adapter);
    const skill = demoSkill(store2.adapter);

    await askDemo(skill, setRate('amzn1.ask.account.ONCE', 'fast'));
    expect([store2.reads(), store2.saves()]).toEqual([1, 1]);

    await askDemo(skill, setRate('amzn1.ask.account.ONCE', 'fast'));
    expect([store2.reads(), store2.saves()]).toEqual([2, 1]);
  });

  it('treats stored values it does not know as the defaults, field by field', async () => {
    await store.client.send(new PutCommand({ TableName: TABLE, Item: { id: 'amzn1.ask.account.ODD', attributes: { rate: 'ludicrous', welcomed: true } } }));
    expect((await askDemo(demoSkill(store.adapter), launch('amzn1.ask.account.ODD'))).found).toEqual({ rate: 'normal', welcomed: true });
  });

  it('the real skill marks a user as welcomed in their first session, and finds it in the second without writing again', async () => {
    const store2 = watched(store.adapter);
    const skill = buildSkill(undefined, store2.adapter);

    expect(said(await skill.invoke(launch('amzn1.ask.account.RETURNING')))).toMatch(/^Welcome/);
    expect(await store.item('amzn1.ask.account.RETURNING')).toEqual({
      id: 'amzn1.ask.account.RETURNING',
      attributes: { rate: 'normal', welcomed: true },
      expiresAt: expect.any(Number) as unknown,
    });
    expect(store2.saves()).toBe(1);

    await skill.invoke(launch('amzn1.ask.account.RETURNING'));
    expect([store2.reads(), store2.saves()]).toEqual([2, 1]);
  });

  it('does not touch the store for a request that needs no preferences', async () => {
    const store2 = watched(store.adapter);
    const skill = buildSkill(undefined, store2.adapter);
    await skill.invoke(from('amzn1.ask.account.QUIET', envelope('topic-intent')));
    expect([store2.reads(), store2.saves()]).toEqual([0, 0]);
  });

  it('keeps nothing about a user but their preferences: no questions, health details or conversation', async () => {
    const userId = 'amzn1.ask.account.PRIVATE';
    const skill = buildSkill(undefined, store.adapter);
    const talk = new Conversation((event) => skill.invoke(event), MODEL_PATH, 'en-GB', { userId });
    await talk.say('open secondary cancer guide');
    await talk.say('my mum has breast cancer and it has spread to her liver');
    await talk.say('what are the symptoms');
    await talk.say('how long has she got');
    await talk.say('stop');

    const item = await store.item(userId);
    expect(Object.keys(item ?? {}).sort()).toEqual(['attributes', 'expiresAt', 'id']);
    expect(item?.attributes).toEqual({ rate: 'normal', welcomed: true });
    expect(JSON.stringify(await store.items())).not.toMatch(/liver|breast|symptom|mum|long/i);
    // The first sentence the language model hears in a worker loads it (trained once, in the global setup):
    // seconds on a busy machine, not a hang.
  }, 60_000);
});

describe('a store that fails: the skill still answers, with the defaults', () => {
  it('without a store: defaults, changes seen within the request, nothing saved and no error', async () => {
    const skill = demoSkill(undefined);
    expect(await askDemo(skill, setRate('amzn1.ask.account.NO-STORE', 'slow'))).toEqual({
      found: DEFAULT_PREFERENCES,
      now: { ...DEFAULT_PREFERENCES, rate: 'slow' },
    });
    expect((await askDemo(skill, launch('amzn1.ask.account.NO-STORE'))).found).toEqual(DEFAULT_PREFERENCES);
  });

  it('when the store has stopped: the real skill welcomes, and the log names the failure but not the user', async () => {
    const store = await startTestStore();
    const skill = buildSkill(undefined, store.adapter);
    const demo = demoSkill(store.adapter);
    await store.adapter.saveAttributes(launch('amzn1.ask.account.STOPPED'), { rate: 'slow', welcomed: true });
    await store.close();

    const logs = await logsDuring(async () => {
      expect(said(await skill.invoke(launch('amzn1.ask.account.STOPPED')))).toMatch(/^Welcome/);
      expect((await askDemo(demo, launch('amzn1.ask.account.STOPPED'))).found).toEqual(DEFAULT_PREFERENCES);
    });
    expect(logs).toMatch(/preferences store failed/);
    expect(logs).not.toMatch(/STOPPED|amzn1|127\.0\.0\.1/);
  });

  it('when the store accepts connections and never answers: the skill answers anyway', async () => {
    const silent = await startSilentServer();
    const adapter = new DynamoDbPersistenceAdapter({ tableName: TABLE, connection: localConnection(silent.endpoint) });
    const skill = buildSkill(undefined, adapter);
    try {
      const logs = await logsDuring(async () => {
        const response = await skill.invoke(launch('amzn1.ask.account.HUNG'));
        expect(said(response)).toMatch(/^Welcome/);
        expect(response.response.shouldEndSession).toBe(false);
      });
      expect(logs).toMatch(/"errorName":"\w+"/);
      expect(logs).not.toMatch(/HUNG|amzn1/);
    } finally {
      adapter.destroy();
      await silent.close();
    }
  });

  it.each([
    ['a mistyped endpoint', { PREFERENCES_TABLE: TABLE, AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'not a url' }],
    ['no region', { PREFERENCES_TABLE: TABLE, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' }],
    ['no credentials', { PREFERENCES_TABLE: TABLE, AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9' }],
  ])('configured wrongly (%s): the skill still starts and answers, and the log names the failure', async (_case, env) => {
    const adapter = adapterFromEnvironment(env);
    expect(adapter).toBeDefined();
    try {
      const logs = await logsDuring(async () => {
        expect(said(await buildSkill(undefined, adapter).invoke(launch('amzn1.ask.account.MISCONFIGURED')))).toMatch(/^Welcome/);
      });
      expect(logs).toMatch(/"operation":"read","errorName":"(EndpointInvalid|RegionMissing|CredentialsMissing)"/);
    } finally {
      adapter?.destroy();
    }
  });

  it('when the store fails between reading and saving: the answer still goes out', async () => {
    const store = await startTestStore();
    const failing: PersistenceAdapter = {
      getAttributes: async (event) => {
        const found = await store.adapter.getAttributes(event);
        await store.close();
        return found;
      },
      saveAttributes: (event, attributes) => store.adapter.saveAttributes(event, attributes),
    };
    const logs = await logsDuring(async () => {
      expect(said(await buildSkill(undefined, failing).invoke(launch('amzn1.ask.account.LATE')))).toMatch(/^Welcome/);
    });
    expect(logs).toMatch(/"operation":"save"/);
  });
});

describe('npm start keeps preferences on this computer, between runs', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'secondary-cancer-guide-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'runs twice, exits by itself and says nothing about the store; what it kept is on disk for the next run',
    async () => {
      for (const attempt of [1, 2]) {
        const result = await runCli(['open secondary cancer guide'], {
          env: { ...process.env, SECONDARY_CANCER_GUIDE_DATA_DIR: dataDir, PREFERENCES_TABLE: '' },
        });
        expect({ attempt, status: result.status, stderr: result.stderr }).toEqual({ attempt, status: 0, stderr: '' });
        expect(result.stdout).toMatch(/Alexa: Welcome/);
      }

      const store = await startDynalite(join(dataDir, 'preferences'));
      const adapter = new DynamoDbPersistenceAdapter({ tableName: LOCAL_TABLE, connection: localConnection(store.endpoint) });
      try {
        expect(await adapter.getAttributes(launch(LOCAL_USER_ID))).toEqual({ rate: 'normal', welcomed: true });
      } finally {
        await store.close();
        adapter.destroy();
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

describe('the local store (dynalite) closing', () => {
  it('answers a request it is reading when told to close, and only then closes', async () => {
    const store = await startDynalite();
    // A signed-looking ListTables (dynalite checks the header's shape, not the signature), half sent.
    const request = await halfSent(
      store.endpoint,
      {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        'x-amz-date': '20260101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      },
      Buffer.from('{}'),
    );

    const closed = store.close();
    request.finish();
    // Cut off instead, dynalite went on to write to its closed database and threw out of the process.
    expect(await request.answered).toEqual({ status: 200, text: '{"TableNames":[]}' });
    await closed;
  });
});
