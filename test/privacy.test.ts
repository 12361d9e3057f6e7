import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { Conversation } from '../cli/conversation';
import { localConnection } from '../cli/local-store';
import { DynamoDbPersistenceAdapter, EXPIRES_AT, PREFERENCES_TTL_DAYS, TTL_REFRESH_DAYS } from '../lambda/preferences/dynamodb-adapter';
import { buildSkill } from '../lambda/skill';
import { discoverModels } from '../scripts/model-check';
import { en } from './helpers/content';
import { MODEL_PATH } from './helpers/conversation';
import { startTestStore, TABLE, type TestStore } from './helpers/dynalite';
import { envelope } from './helpers/envelopes';
import { logsDuring } from './helpers/logs';

const DAY_S = 86_400;
const prompt = (key: string): string => en.say(key);

/** A conversation with the real skill and the real model, as `userId`, keeping preferences in `store`. */
const talkAs = (userId: string, adapter: PersistenceAdapter) => {
  const skill = buildSkill(undefined, adapter);
  return new Conversation((event) => skill.invoke(event), MODEL_PATH, 'en-GB', { userId });
};

describe('"forget me": the skill says what it keeps, asks, deletes it and says so (dynalite on 127.0.0.1)', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  it.each(['forget my settings', 'forget me', 'delete my data', 'delete what you know about me', 'erase my preferences'])(
    'hears "%s" as forget me, not as cancel, and deletes on yes',
    async (said) => {
      const userId = 'amzn1.ask.account.FORGET';
      const talk = talkAs(userId, store.adapter);
      await talk.launch();
      await talk.say('speak slower');
      expect(await store.item(userId)).toMatchObject({ attributes: { rate: 'slow', welcomed: true } });

      const asked = await talk.say(said);
      expect(asked.speech).toBe(prompt('forgetMe'));
      expect(asked.speech).toMatch(/how fast you like me to speak.*heard the full welcome/);
      expect(asked.ended).toBe(false);

      const done = await talk.say('yes');
      expect(done.speech).toBe(prompt('forgetMeDone'));
      expect(done.ended).toBe(false);
      expect(await store.item(userId)).toBeUndefined();

      // Nothing is saved back over the deletion, and the next visit starts afresh.
      await talk.say('stop');
      expect(await store.item(userId)).toBeUndefined();
      expect((await talkAs(userId, store.adapter).launch()).speech).toMatch(/^Welcome to the secondary cancer guide\. I explain/);
    },
  );

  it('keeps everything on no', async () => {
    const userId = 'amzn1.ask.account.KEEP';
    const talk = talkAs(userId, store.adapter);
    await talk.launch();
    await talk.say('forget my settings');
    expect((await talk.say('no')).speech).toBe(prompt('forgetMeKept'));
    expect(await store.item(userId)).toMatchObject({ attributes: { rate: 'normal', welcomed: true } });
  });

  it('says so when the store fails, and the log names the failure but not the user', async () => {
    const userId = 'amzn1.ask.account.FAILING';
    const failing: PersistenceAdapter = {
      getAttributes: (event) => store.adapter.getAttributes(event),
      saveAttributes: (event, attributes) => store.adapter.saveAttributes(event, attributes),
      deleteAttributes: () => Promise.reject(new Error(`could not delete ${userId}`)),
    };
    const talk = talkAs(userId, failing);
    await talk.launch();
    await talk.say('delete my data');
    let answer = '';
    const logs = await logsDuring(async () => {
      answer = (await talk.say('yes')).speech;
    });
    expect(answer).toBe(prompt('forgetMeFailed'));
    expect(logs).toMatch(/"operation":"delete"/);
    expect(logs).not.toMatch(/FAILING|amzn1/);
    expect(await store.item(userId)).toBeDefined();
  });
});

describe('the SkillDisabled event deletes what was kept for that user', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  const disabled = (userId: string): RequestEnvelope => {
    const event = envelope('skill-disabled');
    event.context.System.user.userId = userId;
    return event;
  };

  it('deletes the item of the user who disabled the skill, and only theirs, saying nothing', async () => {
    await talkAs('amzn1.ask.account.LEAVING', store.adapter).launch();
    await talkAs('amzn1.ask.account.STAYING', store.adapter).launch();
    expect(await store.item('amzn1.ask.account.LEAVING')).toBeDefined();

    const response = await buildSkill(undefined, store.adapter).invoke(disabled('amzn1.ask.account.LEAVING'));
    expect(response.response.outputSpeech).toBeUndefined();
    expect(await store.item('amzn1.ask.account.LEAVING')).toBeUndefined();
    expect(await store.item('amzn1.ask.account.STAYING')).toBeDefined();
  });

  it('is subscribed to on deploy: ask deploy writes the function into skill.json as the events endpoint, with SKILL_DISABLED', () => {
    const resources = JSON.parse(readFileSync(join(__dirname, '..', 'ask-resources.json'), 'utf8')) as {
      profiles: { default: { skillInfrastructure: { userConfig: { skillEvents?: { subscriptions?: string[] } } } } };
    };
    expect(resources.profiles.default.skillInfrastructure.userConfig.skillEvents?.subscriptions).toEqual(['SKILL_DISABLED']);
  });
});

describe('stored preferences expire a year after they were last used (the table TTL attribute)', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await startTestStore();
  });
  afterEach(() => store.close());

  const NOW = Date.parse('2026-12-01T00:00:00Z');
  const made: DynamoDbPersistenceAdapter[] = [];
  afterEach(() => made.splice(0).forEach((adapter) => adapter.destroy()));
  const adapterAt = (now: number) => {
    const adapter = new DynamoDbPersistenceAdapter({ tableName: TABLE, connection: localConnection(store.endpoint), now: () => now });
    made.push(adapter);
    return adapter;
  };
  const expiresAt = async (userId: string): Promise<unknown> => (await store.item(userId))?.[EXPIRES_AT];

  it('stamps every saved item with an expiry a year ahead, in epoch seconds', async () => {
    await talkAs('amzn1.ask.account.STAMPED', adapterAt(NOW)).launch();
    expect(await expiresAt('amzn1.ask.account.STAMPED')).toBe(NOW / 1000 + PREFERENCES_TTL_DAYS * DAY_S);
  });

  it('refreshes the expiry when preferences are read after more than a month, and not before', async () => {
    const userId = 'amzn1.ask.account.RETURNING';
    await talkAs(userId, adapterAt(NOW)).launch();

    const soon = NOW + (TTL_REFRESH_DAYS - 1) * DAY_S * 1000;
    await talkAs(userId, adapterAt(soon)).launch();
    expect(await expiresAt(userId)).toBe(NOW / 1000 + PREFERENCES_TTL_DAYS * DAY_S);

    const later = NOW + (TTL_REFRESH_DAYS + 1) * DAY_S * 1000;
    await talkAs(userId, adapterAt(later)).launch();
    expect(await expiresAt(userId)).toBe(later / 1000 + PREFERENCES_TTL_DAYS * DAY_S);
    expect(await store.item(userId)).toMatchObject({ attributes: { rate: 'normal', welcomed: true } });
  });

  it('gives an item written without an expiry (by the official adapter) one when it is read', async () => {
    await store.client.send(new PutCommand({ TableName: TABLE, Item: { id: 'amzn1.ask.account.OLD', attributes: { rate: 'slow', welcomed: true } } }));
    await talkAs('amzn1.ask.account.OLD', adapterAt(NOW)).launch();
    expect(await expiresAt('amzn1.ask.account.OLD')).toBe(NOW / 1000 + PREFERENCES_TTL_DAYS * DAY_S);
  });
});

describe('the interaction model hears the privacy commands', () => {
  const [found] = discoverModels();
  const intents = found?.model.intents ?? [];
  const samplesOf = (name: string) => intents.find((i) => i.name === name)?.samples ?? [];

  it('has ForgetMeIntent with at least 25 varied samples, and no other intent claims "forget …"', () => {
    expect(samplesOf('ForgetMeIntent').length).toBeGreaterThanOrEqual(25);
    expect(samplesOf('ForgetMeIntent')).toEqual(expect.arrayContaining(['forget me', 'forget my settings', 'delete my data', 'erase my preferences']));
    const elsewhere = intents
      .filter((i) => i.name !== 'ForgetMeIntent')
      .flatMap((i) => (i.samples ?? []).filter((s) => /^forget\b/i.test(s)).map((s) => `${i.name}: ${s}`));
    expect(elsewhere).toEqual([]);
  });
});
