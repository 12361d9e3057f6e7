import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensurePreferencesTable, localClient, localConnection, startDynalite, type LocalStore } from '../../cli/local-store';
import { DynamoDbPersistenceAdapter } from '../../lambda/preferences/dynamodb-adapter';

export const TABLE = 'preferences-test';

/** A real DynamoDB-compatible server (dynalite, in memory) on 127.0.0.1, with the preferences table made. */
export interface TestStore extends LocalStore {
  readonly client: DynamoDBClient;
  /** The production adapter, pointed at this server. */
  readonly adapter: DynamoDbPersistenceAdapter;
  /** The raw stored item for a user, as DynamoDB holds it. */
  item(userId: string): Promise<Record<string, unknown> | undefined>;
  /** Every stored item. */
  items(): Promise<Record<string, unknown>[]>;
}

/**
 * The test store's own client waits as long as a loaded machine may need: with the production limits
 * (400 ms, one retry) a busy test run turns a slow answer into a silent fallback to the defaults and a
 * retried request still in flight when the test closes the store. The limits themselves are tested
 * against a server that never answers (startSilentServer).
 */
const PATIENT_CLIENT_CONFIG = { maxAttempts: 1, requestHandler: { connectionTimeout: 5_000, requestTimeout: 10_000, throwOnRequestTimeout: true } };
const PATIENT_LIMITS = { connectMs: 5_000, requestMs: 10_000, attempts: 1 };

export async function startTestStore(): Promise<TestStore> {
  const store = await startDynalite();
  const client = localClient(store.endpoint, PATIENT_CLIENT_CONFIG);
  await ensurePreferencesTable(client, TABLE);
  const documents = DynamoDBDocumentClient.from(client);
  const adapter = new DynamoDbPersistenceAdapter({ tableName: TABLE, connection: localConnection(store.endpoint, PATIENT_LIMITS) });
  return {
    ...store,
    client,
    adapter,
    item: async (userId) => (await documents.send(new GetCommand({ TableName: TABLE, Key: { id: userId }, ConsistentRead: true }))).Item,
    items: async () => (await documents.send(new ScanCommand({ TableName: TABLE }))).Items ?? [],
    // The server first, so that it answers what is in flight; then the clients' connections.
    close: async () => {
      await store.close();
      client.destroy();
      adapter.destroy();
    },
  };
}

/** A server on 127.0.0.1 that accepts connections and never answers: a store that hangs. */
export async function startSilentServer(): Promise<LocalStore> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
