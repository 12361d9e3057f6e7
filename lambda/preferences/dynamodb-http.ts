import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from 'node:http';

/**
 * DynamoDB's JSON API over Node's own HTTP, each request signed (SigV4) by aws4. The three calls the
 * preferences adapter makes need none of the AWS SDK, which was four fifths of the Lambda bundle and
 * about 100 ms of every cold start with a store (README, Speed).
 */

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** When they stop working; read again a few minutes before. */
  readonly expiration?: Date;
}

export type CredentialProvider = () => Promise<Credentials>;

/** The credentials Lambda gives every function in its environment. */
export const fromEnvironment: CredentialProvider = () => {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
  if (!accessKeyId || !secretAccessKey) return Promise.reject(new StoreError('CredentialsMissing', false));
  return Promise.resolve({ accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) });
};

/**
 * A store call that failed. `name` is DynamoDB's error type (ResourceNotFoundException…) or what went
 * wrong on the way (Timeout, ConnectionFailed…); the message is the same, so nothing the store said
 * about the table or the key can reach a log.
 */
export class StoreError extends Error {
  constructor(
    name: string,
    readonly retryable: boolean,
  ) {
    super(name);
    this.name = name;
  }
}

export interface StoreLimits {
  /** Per attempt, to have a connection. */
  readonly connectMs: number;
  /** Per attempt, from sending to the whole answer. */
  readonly requestMs: number;
  /** Attempts in all, when the store is unreachable, busy or failing. */
  readonly attempts: number;
}

/**
 * A listener is waiting: a dead or slow store must cost well under a second, then the skill goes on
 * with defaults. DynamoDB answers in tens of milliseconds in-region, so these limits only bite when
 * something is wrong. Worst case per operation: 2 attempts × 400 ms plus a short back-off.
 */
export const PROMPT_LIMITS: StoreLimits = { connectMs: 250, requestMs: 400, attempts: 2 };

export interface DynamoDbHttpOptions {
  /** Default AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, else DynamoDB in the region. */
  readonly endpoint?: string;
  /** Default AWS_REGION, AWS_DEFAULT_REGION. */
  readonly region?: string;
  /** Default the environment's, as on Lambda. */
  readonly credentials?: CredentialProvider;
  readonly limits?: StoreLimits;
}

/** DynamoDB's answers to these calls are a few hundred bytes; anything near this is not DynamoDB. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** Refresh credentials this long before they expire. */
const CREDENTIALS_MARGIN_MS = 5 * 60_000;
/** DynamoDB's own throttling and capacity errors: worth one more try. */
const RETRYABLE_TYPES = /Throttling|ProvisionedThroughputExceeded|RequestLimitExceeded|InternalServerError|ServiceUnavailable|LimitExceeded/;

export type Operation = 'GetItem' | 'PutItem' | 'DeleteItem';

interface Transport {
  readonly request: (options: RequestOptions) => ClientRequest;
  readonly agent: Agent;
  readonly sign: typeof import('aws4').sign;
}

function endpointOf(endpoint: string): URL | undefined {
  try {
    const url = new URL(endpoint);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export class DynamoDbHttpClient {
  private readonly url?: URL;
  private readonly region?: string;
  private readonly limits: StoreLimits;
  private readonly provider: CredentialProvider;
  private credentials?: Promise<Credentials>;
  private transport?: Promise<Transport>;

  constructor(options: DynamoDbHttpOptions = {}, env: NodeJS.ProcessEnv = process.env) {
    this.region = options.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    const endpoint =
      options.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL ?? (this.region && `https://dynamodb.${this.region}.amazonaws.com`);
    // A mistyped endpoint fails each store call (and the skill answers with the defaults), never the skill's start.
    this.url = endpoint ? endpointOf(endpoint) : undefined;
    this.limits = options.limits ?? PROMPT_LIMITS;
    this.provider = options.credentials ?? fromEnvironment;
    // Loaded now, when the skill is built: on Lambda that is the init phase, which runs on a whole vCPU,
    // where the first request may get a seventh of one. Without a store configured none of it loads.
    if (this.url) void this.connection(this.url);
  }

  /** One call of DynamoDB's API: its JSON answer, or a StoreError after at most `limits.attempts` tries. */
  async send(operation: Operation, input: Record<string, unknown>): Promise<Record<string, unknown>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(operation, JSON.stringify(input));
      } catch (error) {
        const failure = error instanceof StoreError ? error : new StoreError('ConnectionFailed', true);
        if (!failure.retryable || attempt >= this.limits.attempts) throw failure;
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
      }
    }
  }

  /** Closes kept-alive connections, so that a short-lived process can exit. */
  destroy(): void {
    void this.transport?.then(({ agent }) => agent.destroy());
  }

  /** Node's HTTP(S) and the signing, loaded once: TLS alone is several milliseconds of a cold start. */
  private connection(url: URL): Promise<Transport> {
    if (!this.transport) {
      // require, not import(): a dynamic import of a Node module starts Node's ES module loader, milliseconds more.
      const http = url.protocol === 'http:' ? (require('node:http') as typeof import('node:http')) : (require('node:https') as typeof import('node:https'));
      this.transport = import('aws4').then((aws4) => ({
        request: http.request,
        // Keep-alive: one TLS handshake per container, not one per request.
        agent: new http.Agent({ keepAlive: true }),
        sign: aws4.sign,
      }));
    }
    return this.transport;
  }

  private credentialsNow(): Promise<Credentials> {
    const refresh = () => {
      this.credentials = this.provider();
      // A failed read is not kept: the next request tries again.
      this.credentials.catch(() => (this.credentials = undefined));
      return this.credentials;
    };
    if (!this.credentials) return refresh();
    return this.credentials.then((found) => (found.expiration && found.expiration.getTime() - Date.now() < CREDENTIALS_MARGIN_MS ? refresh() : found));
  }

  private async attempt(operation: Operation, body: string): Promise<Record<string, unknown>> {
    const { url, region } = this;
    if (!region) throw new StoreError('RegionMissing', false);
    if (!url) throw new StoreError('EndpointInvalid', false);
    const [credentials, transport] = await Promise.all([this.credentialsNow(), this.connection(url)]);
    const signed = transport.sign(
      {
        protocol: url.protocol,
        host: url.host,
        path: '/',
        method: 'POST',
        service: 'dynamodb',
        region,
        body,
        headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `DynamoDB_20120810.${operation}` },
      },
      credentials,
    );
    const answer = await this.post(transport, url, signed.headers as Record<string, string>, body);
    if (answer.status >= 200 && answer.status < 300) return answer.json;
    // "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" → "ResourceNotFoundException"
    const type = typeof answer.json.__type === 'string' ? (answer.json.__type.split('#').pop() ?? 'StoreError') : `Http${answer.status}`;
    throw new StoreError(/^\w{1,80}$/.test(type) ? type : 'StoreError', answer.status >= 500 || RETRYABLE_TYPES.test(type));
  }

  private post(transport: Transport, url: URL, headers: Record<string, string>, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const { connectMs, requestMs } = this.limits;
    return new Promise((resolve, reject) => {
      const request = transport.request({ hostname: url.hostname, port: url.port, path: '/', method: 'POST', headers, agent: transport.agent });
      const fail = (name: string) => {
        request.destroy();
        reject(new StoreError(name, true));
      };
      const whole = setTimeout(() => fail('Timeout'), requestMs);
      request.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connecting = setTimeout(() => fail('ConnectTimeout'), connectMs);
        socket.once('connect', () => clearTimeout(connecting));
        socket.once('close', () => clearTimeout(connecting));
      });
      request.on('error', () => fail('ConnectionFailed'));
      request.on('close', () => clearTimeout(whole));
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) fail('AnswerTooLarge');
          else chunks.push(chunk);
        });
        response.on('error', () => fail('ConnectionFailed'));
        response.on('end', () => {
          clearTimeout(whole);
          try {
            const json: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
            if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
            resolve({ status: response.statusCode ?? 0, json: json as Record<string, unknown> });
          } catch {
            reject(new StoreError('MalformedAnswer', (response.statusCode ?? 0) >= 500));
          }
        });
      });
      request.end(body);
    });
  }
}
