import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, ResourceInUseException, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { ClassicLevel } from 'classic-level';
import dynalite from 'dynalite';
import { PROMPT_LIMITS, type DynamoDbHttpOptions, type StoreLimits } from '../lambda/preferences/dynamodb-http';

/** The table `npm start` keeps preferences in, inside its own local store. */
export const LOCAL_TABLE = 'secondary-cancer-guide-preferences';

/** The same local user on every run, so that preferences kept by one `npm start` are there in the next. */
export const LOCAL_USER_ID = 'amzn1.ask.account.local-terminal-user';

/** Where `npm start` keeps its store: $SECONDARY_CANCER_GUIDE_DATA_DIR, else the per-user XDG data folder. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SECONDARY_CANCER_GUIDE_DATA_DIR) return env.SECONDARY_CANCER_GUIDE_DATA_DIR;
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'secondary-cancer-guide');
}

export interface LocalStore {
  /** http://127.0.0.1:<port> */
  readonly endpoint: string;
  /** Stops the server and closes its database (releasing the folder for the next run). */
  close(): Promise<void>;
}

/** A DynamoDB-compatible server (dynalite) in this process on 127.0.0.1: LevelDB files in `path`, or in memory. */
export async function startDynalite(path?: string): Promise<LocalStore> {
  const server = dynalite({ ...(path !== undefined && { path }), createTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error?: Error) => (error ? reject(error) : resolve()));
        // Idle keep-alive connections would hold close() open until they time out. Requests in flight
        // are answered first: cut off, dynalite goes on to write to the database it is closing and
        // throws "Database is closed" out of the process (into whichever test runs next).
        server.closeIdleConnections();
      }),
  };
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** What the AWS SDK needs to talk to a local server, to make tables and look inside them: its address, a region and dummy credentials. */
export function localClient(endpoint: string, config: DynamoDBClientConfig = { maxAttempts: 2 }): DynamoDBClient {
  return new DynamoDBClient({ ...config, endpoint, region: 'local', credentials: LOCAL_CREDENTIALS });
}

/** The same for the skill's own adapter (`connection` of DynamoDbPersistenceAdapter). */
export function localConnection(endpoint: string, limits: StoreLimits = PROMPT_LIMITS): DynamoDbHttpOptions {
  return { endpoint, region: 'local', credentials: () => Promise.resolve(LOCAL_CREDENTIALS), limits };
}

/** Creates a preferences table in the official adapter's shape (partition key `id`, a string), unless it exists. */
export async function ensurePreferencesTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

/**
 * dynalite throws out of the process when its LevelDB cannot open, as when another `npm start` holds
 * the folder's lock: try it first.
 */
async function canOpen(path: string): Promise<boolean> {
  const db = new ClassicLevel(path);
  try {
    await db.open();
    return true;
  } catch {
    return false;
  } finally {
    await db.close().catch(() => undefined);
  }
}

/**
 * For `npm start`: starts the local store in the data folder, creates the table, and points the
 * production adapter at it through the environment, as Lambda is configured. Call before loading the
 * handler. Does nothing when PREFERENCES_TABLE is already set (a table chosen by whoever runs it).
 */
export async function useLocalPreferencesStore(env: NodeJS.ProcessEnv = process.env): Promise<LocalStore | undefined> {
  if (env.PREFERENCES_TABLE) return undefined;
  const dir = localDataDir(env);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'preferences');
  const onDisk = await canOpen(path);
  if (!onDisk) console.error('(Another conversation is using the saved preferences: this one keeps its own until it ends.)');
  const store = await startDynalite(onDisk ? path : undefined);
  const client = localClient(store.endpoint);
  try {
    await ensurePreferencesTable(client, LOCAL_TABLE);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  } finally {
    client.destroy();
  }
  Object.assign(env, {
    PREFERENCES_TABLE: LOCAL_TABLE,
    AWS_ENDPOINT_URL_DYNAMODB: store.endpoint,
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  delete env.AWS_SESSION_TOKEN;
  return store;
}
