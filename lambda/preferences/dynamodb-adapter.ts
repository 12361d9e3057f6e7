import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createAskSdkError, getUserId, type PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';

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

/**
 * A listener is waiting: a dead or slow store must cost well under a second, then the skill goes on
 * with defaults. DynamoDB answers in tens of milliseconds in-region, so these limits only bite when
 * something is wrong. Worst case per operation: 2 attempts × 400 ms plus a short back-off.
 */
export const PROMPT_CLIENT_CONFIG: DynamoDBClientConfig = {
  maxAttempts: 2,
  // Without throwOnRequestTimeout, this SDK only logs a warning when requestTimeout passes, and waits on.
  requestHandler: { connectionTimeout: 250, requestTimeout: 400, throwOnRequestTimeout: true },
};

export interface DynamoDbAdapterOptions {
  readonly tableName: string;
  /** The client to use; by default one with PROMPT_CLIENT_CONFIG and the SDK's own region, credentials and endpoint. */
  readonly client?: DynamoDBClient;
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
 * ask-sdk-core's PersistenceAdapter on the maintained AWS SDK v3 (the official adapter only takes
 * the end-of-support v2 client).
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly tableName: string;
  private readonly documents: DynamoDBDocumentClient;
  /** Set when this adapter made its client, and so must close it. */
  private readonly ownClient?: DynamoDBClient;
  private readonly now: () => number;

  constructor(options: DynamoDbAdapterOptions) {
    this.tableName = options.tableName;
    this.now = options.now ?? Date.now;
    const client = options.client ?? new DynamoDBClient(PROMPT_CLIENT_CONFIG);
    if (!options.client) this.ownClient = client;
    this.documents = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  /** Epoch seconds a year from now: the expiry of an item written or used now. */
  private expiry(): number {
    return Math.floor((this.now() + PREFERENCES_TTL_DAYS * DAY_MS) / 1000);
  }

  /** Reading is using: an item whose expiry was last set more than TTL_REFRESH_DAYS ago gets a year again. */
  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const key = partitionKey(requestEnvelope);
    const { Item } = await this.documents.send(new GetCommand({ TableName: this.tableName, Key: { [PARTITION_KEY]: key }, ConsistentRead: true }));
    const attributes: unknown = Item?.[ATTRIBUTES];
    const found = typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>) : {};
    const expiresAt: unknown = Item?.[EXPIRES_AT];
    const refreshBy = this.expiry() - TTL_REFRESH_DAYS * (DAY_MS / 1000);
    if (Item && !(typeof expiresAt === 'number' && expiresAt >= refreshBy)) await this.put(key, found);
    return found;
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await this.put(partitionKey(requestEnvelope), attributes);
  }

  private async put(key: string, attributes: Record<string, unknown>): Promise<void> {
    await this.documents.send(
      new PutCommand({ TableName: this.tableName, Item: { [PARTITION_KEY]: key, [ATTRIBUTES]: attributes, [EXPIRES_AT]: this.expiry() } }),
    );
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await this.documents.send(new DeleteCommand({ TableName: this.tableName, Key: { [PARTITION_KEY]: partitionKey(requestEnvelope) } }));
  }

  /** Closes the connections of a client this adapter made, so a short-lived process can exit. */
  destroy(): void {
    this.ownClient?.destroy();
  }
}

/**
 * The store the environment asks for: DynamoDB table PREFERENCES_TABLE (region, credentials and
 * endpoint, e.g. AWS_ENDPOINT_URL_DYNAMODB, as the AWS SDK resolves them), or none.
 */
export function adapterFromEnvironment(env: NodeJS.ProcessEnv = process.env): DynamoDbPersistenceAdapter | undefined {
  const tableName = env.PREFERENCES_TABLE?.trim();
  return tableName ? new DynamoDbPersistenceAdapter({ tableName }) : undefined;
}
