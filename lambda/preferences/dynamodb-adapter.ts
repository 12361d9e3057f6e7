import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { createAskSdkError, getUserId, type PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDbHttpClient, type DynamoDbHttpOptions } from './dynamodb-http';

/**
 * The official ask-sdk-dynamodb-persistence-adapter's defaults, kept so that a table written by one
 * adapter reads with the other: item `{ id: <userId>, attributes: {...} }`.
 */
const PARTITION_KEY = 'id';
const ATTRIBUTES = 'attributes';
/** The table's TTL attribute (epoch seconds): DynamoDB deletes the item, typically within days, after it passes. */
export const EXPIRES_AT = 'expiresAt';

const DAY_MS = 86_400_000;
/** Preferences unused for a year are deleted: long enough for a listener who comes back after a treatment cycle. */
export const PREFERENCES_TTL_DAYS = 365;
/** Reading refreshes the expiry at most this often, so a listener's visits cost a write once a month, not every time. */
export const TTL_REFRESH_DAYS = 30;

export interface DynamoDbAdapterOptions {
  readonly tableName: string;
  /** Where the table is and how to reach it; by default as the AWS variables say, with PROMPT_LIMITS. */
  readonly connection?: DynamoDbHttpOptions;
  /** The clock, in milliseconds; Date.now by default. */
  readonly now?: () => number;
}

/** Same key as the official adapter's PartitionKeyGenerators.userId; its error never carries the id. */
function partitionKey(requestEnvelope: RequestEnvelope): string {
  let userId: unknown;
  try {
    userId = getUserId(requestEnvelope);
  } catch {
    userId = undefined;
  }
  if (typeof userId !== 'string' || userId.length === 0) {
    throw createAskSdkError('PartitionKeyGenerators', 'Cannot retrieve user id from request envelope!');
  }
  return userId;
}

/**
 * ask-sdk-core's PersistenceAdapter over DynamoDB's own JSON API (the official adapter only takes the
 * end-of-support AWS SDK v2 client; SDK v3 costs about 100 ms of cold start), with the SDK's own
 * marshalling (@aws-sdk/util-dynamodb), so items read and write as either SDK would.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly client: DynamoDbHttpClient;
  private readonly now: () => number;

  constructor(options: DynamoDbAdapterOptions) {
    this.tableName = options.tableName;
    this.now = options.now ?? Date.now;
    this.client = new DynamoDbHttpClient(options.connection);
  }

  /** Epoch seconds a year from now: the expiry of an item written or used now. */
  private expiry(): number {
    return Math.floor((this.now() + PREFERENCES_TTL_DAYS * DAY_MS) / 1000);
  }

  /** Reading is using: an item whose expiry was last set more than TTL_REFRESH_DAYS ago gets a year again. */
  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const key = partitionKey(requestEnvelope);
    const { Item: stored } = await this.client.send('GetItem', { TableName: this.tableName, Key: marshall({ [PARTITION_KEY]: key }), ConsistentRead: true });
    const item = typeof stored === 'object' && stored !== null ? unmarshall(stored as Parameters<typeof unmarshall>[0]) : undefined;
    const attributes: unknown = item?.[ATTRIBUTES];
    const found = typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>) : {};
    const expiresAt: unknown = item?.[EXPIRES_AT];
    const refreshBy = this.expiry() - TTL_REFRESH_DAYS * (DAY_MS / 1000);
    if (item && !(typeof expiresAt === 'number' && expiresAt >= refreshBy)) await this.put(key, found);
    return found;
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await this.put(partitionKey(requestEnvelope), attributes);
  }

  private async put(key: string, attributes: Record<string, unknown>): Promise<void> {
    const item = { [PARTITION_KEY]: key, [ATTRIBUTES]: attributes, [EXPIRES_AT]: this.expiry() };
    await this.client.send('PutItem', { TableName: this.tableName, Item: marshall(item, { removeUndefinedValues: true }) });
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await this.client.send('DeleteItem', { TableName: this.tableName, Key: marshall({ [PARTITION_KEY]: partitionKey(requestEnvelope) }) });
  }

  /** Closes its kept-alive connections, so a short-lived process can exit. */
  destroy(): void {
    this.client.destroy();
  }
}

/**
 * The store the environment asks for: DynamoDB table PREFERENCES_TABLE (region and endpoint, e.g.
 * AWS_ENDPOINT_URL_DYNAMODB, from the AWS variables; credentials from the environment, as Lambda
 * gives them, unless `connection` says where else), or none.
 */
export function adapterFromEnvironment(env: NodeJS.ProcessEnv = process.env, connection?: DynamoDbHttpOptions): DynamoDbPersistenceAdapter | undefined {
  const tableName = env.PREFERENCES_TABLE?.trim();
  return tableName ? new DynamoDbPersistenceAdapter({ tableName, ...(connection && { connection }) }) : undefined;
}
