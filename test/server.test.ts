import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { observedHandler } from '../lambda/observability/request-log';
import { buildSkill } from '../lambda/skill';
import { alexaChecks, BODY_LIMIT_BYTES, createApp, type AppOptions } from '../server/app';
import { DEFAULT_TIMEOUTS, serve, type Serving, type Timeouts } from '../server/lifecycle';
import { serveOptions } from '../server/options';
import { certificateUrl } from '../server/verification/certificate-url';
import { spokenText } from '../cli/conversation';
import { envelope } from './helpers/envelopes';
import { halfSent } from './helpers/half-sent';
import { logLines, logsDuring } from './helpers/logs';
import { connectionsOpenedDuring } from './helpers/outbound-guard';

const OUR_SKILL = 'amzn1.ask.skill.11111111-1111-1111-1111-111111111111';
const handler = observedHandler(buildSkill(OUR_SKILL));
const CERTIFICATES = join(__dirname, 'fixtures', 'certificates');
const fixture = (name: string) => readFileSync(join(CERTIFICATES, name), 'utf8');
const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

let requestCount = 0;
/** A launch request for `skillId`, stamped `ageMs` ago (negative: in the future), with an id of its own. */
function launchFor(skillId = OUR_SKILL, ageMs = 0): RequestEnvelope {
  const event = envelope('launch');
  event.context.System.application.applicationId = skillId;
  if (event.session) event.session.application.applicationId = skillId;
  event.request.timestamp = new Date(Date.now() - ageMs).toISOString();
  requestCount += 1;
  event.request.requestId = `amzn1.echo-api.request.test-${String(requestCount)}`;
  return event;
}

/** The headers Alexa would send with `body`, signed by the test key (whose chain names echo-api.amazon.com). */
function signedHeaders(body: string, url = CERT_URL): Record<string, string> {
  const signature = sign('RSA-SHA256', Buffer.from(body), fixture('test-signing.key')).toString('base64');
  return { 'content-type': 'application/json', signaturecertchainurl: url, 'signature-256': signature };
}

/** Where http.request sends to, as an options object (nock, loaded with virtual-alexa, takes no URL string). */
function to(base: string): { hostname: string; port: string; path: string } {
  const { hostname, port } = new URL(base);
  return { hostname, port, path: '/' };
}

interface Answer {
  status: number;
  json: { error?: string; status?: string; response?: { outputSpeech?: { ssml?: string } } };
}

async function post(base: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const res = await fetch(`${base}/`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

/** The real server on 127.0.0.1, on a port the system picks. */
async function listen(options: Omit<AppOptions, 'draining'>, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<{ base: string; serving: Serving }> {
  const serving = await serve((draining) => createApp({ ...options, draining }), 0, '127.0.0.1', { ...timeouts, drainMs: 0 });
  return { base: `http://127.0.0.1:${String(serving.port)}`, serving };
}

describe('Alexa verification on (the default): nothing unsigned is answered, nothing is fetched for it', () => {
  let base: string;
  let serving: Serving;
  beforeEach(async () => ({ base, serving } = await listen({ handler, checks: alexaChecks() })));
  afterEach(() => serving.shutdown());

  it('answers GET /health with 200 JSON, for load balancers', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without signature headers with 400, without answering it', async () => {
    const answer = await post(base, JSON.stringify(launchFor()));
    expect(answer).toEqual({ status: 400, json: { error: 'missing signature headers' } });
  });

  const TRAVERSALS = [
    'https://s3.amazonaws.com/echo.api/../any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/%2e%2e/any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/.%2e/any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/%2E%2E/any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/..\\any-bucket\\any-key',
    'https://s3.amazonaws.com\\echo.api\\..\\any-bucket\\any-key',
    'https://s3.amazonaws.com/echo.api/./../any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/sub/../../any-bucket/any-key',
    'https://s3.amazonaws.com/echo.api/any%2fkey',
    'https://s3.amazonaws.com/echo.api/',
    'https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem',
    'https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com.attacker.example/echo.api/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/echo-api-cert.pem?versionId=1',
    'http://s3.amazonaws.com/echo.api/echo-api-cert.pem',
    'https://attacker.example.com/echo.api/echo-api-cert.pem',
    'https://127.0.0.1/echo.api/echo-api-cert.pem',
    'not a url',
  ];

  it('refuses traversal and foreign certificate URLs before any outbound connection is attempted', async () => {
    // Every request of this test goes over this one connection, opened before the guard starts.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string, headers: Record<string, string>) =>
      new Promise<{ status?: number; text: string }>((resolve, reject) => {
        const req = httpRequest({ ...to(base), method: 'POST', agent, headers }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => (text += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode, text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const warm = JSON.stringify(launchFor());
    expect((await send(warm, { 'content-type': 'application/json' })).status).toBe(400);

    const answers: { status?: number; text: string }[] = [];
    const opened = await connectionsOpenedDuring(async () => {
      for (const url of TRAVERSALS) {
        const body = JSON.stringify(launchFor());
        answers.push(await send(body, signedHeaders(body, url)));
      }
    });
    agent.destroy();
    expect(answers.map((a) => a.status)).toEqual(TRAVERSALS.map(() => 400));
    expect(new Set(answers.map((a) => a.text))).toEqual(
      new Set(['{"error":"certificate URL is not an Alexa certificate URL"}', '{"error":"certificate URL is not a URL"}']),
    );
    expect(opened).toBe(0);
  });

  it('the guard does count a connection opened while it watches', async () => {
    const opened = await connectionsOpenedDuring(async () => {
      await fetch(`${base}/health`, { headers: { connection: 'close' } });
    });
    expect(opened).toBeGreaterThan(0);
  });

  it.each([
    ['a year ahead', new Date(Date.now() + 365 * 86_400_000).toISOString()],
    ['in 9999', '9999-12-31T23:59:59Z'],
    ['three minutes ahead', new Date(Date.now() + 180_000).toISOString()],
    ['ten minutes ago', new Date(Date.now() - 600_000).toISOString()],
    ['not an ISO date', 'Tuesday'],
    ['a number', 1764000000000],
  ])('refuses a timestamp %s with 400, before fetching anything', async (_case, timestamp) => {
    const event = launchFor() as unknown as { request: { timestamp: unknown } };
    event.request.timestamp = timestamp;
    const body = JSON.stringify(event);
    let answer: Answer | undefined;
    const opened = await connectionsOpenedDuring(async () => {
      answer = await post(base, body, signedHeaders(body));
    });
    expect(answer?.status).toBe(400);
    expect(answer?.json.error).toMatch(/^timestamp /);
    // fetch() opens one connection of its own to our server; nothing else.
    expect(opened).toBe(1);
  });

  it('answers an unknown path with 404 JSON', async () => {
    const res = await fetch(`${base}/admin`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });
});

describe('the certificate URL check on its own', () => {
  it('accepts the URLs Amazon documents as valid, keyed by their normalised form', () => {
    expect(certificateUrl('https://s3.amazonaws.com/echo.api/echo-api-cert.pem').href).toBe('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
    expect(certificateUrl('https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem').href).toBe('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
    expect(certificateUrl('HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem').href).toBe('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');
  });

  it.each([
    'https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem',
    'https://s3.amazonaws.com/invalid.path/echo-api-cert.pem',
    'https://s3.amazonaws.com/echo.api/../echo.api/x.pem',
  ])('refuses %s', (url) => {
    expect(() => certificateUrl(url)).toThrow(/not an Alexa certificate URL/);
  });
});

describe('signed requests (a test certificate chain, trusted only here)', () => {
  let base: string;
  let serving: Serving;
  let fetched: string[];
  beforeEach(async () => {
    fetched = [];
    const chains: Record<string, string> = {
      [CERT_URL]: fixture('test-chain.pem'),
      'https://s3.amazonaws.com/echo.api/wrong-name.pem': fixture('test-wrong-name.pem'),
    };
    const checks = alexaChecks({
      roots: [fixture('test-root.pem')],
      fetch: (url) => {
        fetched.push(url.href);
        const pem = chains[url.href];
        return pem ? Promise.resolve(pem) : Promise.reject(new Error('404'));
      },
    });
    ({ base, serving } = await listen({ handler, checks }));
  });
  afterEach(() => serving.shutdown());

  it('answers a genuinely signed request, fetching the certificate once for many requests', async () => {
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify(launchFor());
      const answer = await post(base, body, signedHeaders(body));
      expect(answer.status).toBe(200);
      expect(spokenText(answer.json.response?.outputSpeech?.ssml)).toMatch(/^Welcome to the secondary cancer guide/);
    }
    expect(fetched).toEqual([CERT_URL]);
  });

  it('refuses the same signed request sent again (a replay) with 400', async () => {
    const body = JSON.stringify(launchFor());
    expect((await post(base, body, signedHeaders(body))).status).toBe(200);
    expect(await post(base, body, signedHeaders(body))).toEqual({ status: 400, json: { error: 'request id already seen' } });
  });

  it('refuses a body changed after signing, a certificate that does not name Alexa, and one that cannot be fetched', async () => {
    const body = JSON.stringify(launchFor());
    const headers = signedHeaders(body);
    expect(await post(base, body.replace('en-GB', 'en-US'), headers)).toEqual({ status: 400, json: { error: 'signature does not match the body' } });
    expect(await post(base, body, signedHeaders(body, 'https://s3.amazonaws.com/echo.api/wrong-name.pem'))).toEqual({
      status: 400,
      json: { error: 'certificate is not a valid Alexa certificate' },
    });
    expect(await post(base, body, signedHeaders(body, 'https://s3.amazonaws.com/echo.api/missing.pem'))).toEqual({
      status: 400,
      json: { error: 'certificate could not be fetched' },
    });
  });

  it('refuses a chain that is not trusted (Node’s own roots do not include the test root)', async () => {
    const untrusting = await listen({ handler, checks: alexaChecks({ fetch: () => Promise.resolve(fixture('test-chain.pem')) }) });
    try {
      const body = JSON.stringify(launchFor());
      expect(await post(untrusting.base, body, signedHeaders(body))).toEqual({ status: 400, json: { error: 'certificate is not a valid Alexa certificate' } });
    } finally {
      await untrusting.serving.shutdown();
    }
  });
});

describe('refused requests: the answer the README gives, and one log line each (status and reason, never the body)', () => {
  let base: string;
  let serving: Serving;
  beforeEach(async () => ({ base, serving } = await listen({ handler, checks: [] })));
  afterEach(() => serving.shutdown());

  const SECRET = 'my-wife-has-a-lump';
  it.each([
    ['a body that is not JSON', `{"said": "${SECRET}", request:`, { 'content-type': 'application/json' }, 400, 'body is not JSON'],
    ['JSON that is not an Alexa request', `{"said": "${SECRET}"}`, { 'content-type': 'application/json' }, 400, 'not an Alexa request envelope'],
    ['an empty body with the JSON content type', '', { 'content-type': 'application/json' }, 400, 'empty body'],
    ['an empty body with no content type', '', {}, 400, 'empty body'],
    ['a content type other than JSON', `{"said": "${SECRET}"}`, { 'content-type': 'text/plain' }, 415, 'content type must be application/json'],
    [
      'a body over 128 KB',
      `{"said": "${SECRET}${'x'.repeat(BODY_LIMIT_BYTES)}"}`,
      { 'content-type': 'application/json' },
      413,
      `body larger than ${String(BODY_LIMIT_BYTES)} bytes`,
    ],
  ])('refuses %s', async (_case, body, headers: Record<string, string>, status, reason) => {
    let answer: Answer | undefined;
    const logs = await logsDuring(async () => {
      answer = await post(base, body, headers);
    });
    expect(answer).toEqual({ status, json: { error: reason } });
    expect(logLines(logs)).toEqual([expect.objectContaining({ level: 'WARN', message: 'refused', status, reason })]);
    expect(logs).not.toContain(SECRET);
  });

  it('refuses a request for another skill id with 403, in one log line', async () => {
    let answer: Answer | undefined;
    const logs = await logsDuring(async () => {
      answer = await post(base, JSON.stringify(launchFor('amzn1.ask.skill.22222222-2222-2222-2222-222222222222')));
    });
    expect(answer).toEqual({ status: 403, json: { error: 'request is for another skill' } });
    expect(logLines(logs)).toEqual([expect.objectContaining({ outcome: 'rejected', reason: 'another skill id' })]);
  });

  it('answers a LaunchRequest for this skill with the welcome, and still answers after every kind of bad input', async () => {
    await post(base, 'not json');
    await post(base, 'x'.repeat(BODY_LIMIT_BYTES + 1));
    await post(base, '{}', { 'content-type': 'application/xml' });
    const answer = await post(base, JSON.stringify(launchFor()));
    expect(answer.status).toBe(200);
    expect(spokenText(answer.json.response?.outputSpeech?.ssml)).toMatch(/^Welcome to the secondary cancer guide/);
  });
});

describe('slow and oversized clients', () => {
  const SHORT: Timeouts = { ...DEFAULT_TIMEOUTS, headersMs: 200, requestMs: 400 };

  it('cuts off an upload that never finishes, once the request timeout has passed', async () => {
    const { base, serving } = await listen({ handler, checks: [] }, SHORT);
    try {
      let answered: { status?: number; text: string } | undefined;
      const logs = await logsDuring(async () => {
        const request = await halfSent(base, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(launchFor())));
        // Never finished: the server answers 408 and closes, instead of holding the connection for 300 s.
        answered = await request.answered;
      });
      expect(answered).toEqual({ status: 408, text: '{"error":"request not received in time"}' });
      expect(logLines(logs)).toEqual([expect.objectContaining({ message: 'refused', status: 408, reason: 'request not received in time' })]);
    } finally {
      await serving.shutdown();
    }
  });

  it('cuts off a client that never finishes its headers', async () => {
    const { serving } = await listen({ handler, checks: [] }, SHORT);
    try {
      const socket = connect(serving.port, '127.0.0.1');
      socket.write('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString()));
      await new Promise((resolve) => socket.once('close', resolve));
      expect(received).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await serving.shutdown();
    }
  });

  it('refuses a body declared as 10 MB with 413 before reading it, and closes the connection', async () => {
    const { base, serving } = await listen({ handler, checks: [] });
    try {
      const answered = await new Promise<{ status?: number; connection?: string }>((resolve, reject) => {
        const req = httpRequest({ ...to(base), method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode, connection: res.headers.connection });
        });
        req.on('error', reject);
        // Not one byte of the body is sent: the answer comes from the headers alone.
        req.flushHeaders();
      });
      expect(answered).toEqual({ status: 413, connection: 'close' });
    } finally {
      await serving.shutdown();
    }
  });
});

describe('serve options', () => {
  it('listens on 0.0.0.0:3000 with verification on unless told otherwise', () => {
    expect(serveOptions([], {})).toMatchObject({ port: 3000, host: '0.0.0.0', insecureDev: false });
    expect(serveOptions([], { PORT: '' })).toMatchObject({ port: 3000 });
  });

  it('turns verification off only for the explicit development flag or variable, and then listens on loopback', () => {
    expect(serveOptions(['--insecure-dev'], {})).toMatchObject({ insecureDev: true, host: '127.0.0.1' });
    expect(serveOptions([], { SKILL_SERVER_INSECURE_DEV: 'true' })).toMatchObject({ insecureDev: true, host: '127.0.0.1' });
    expect(serveOptions(['--insecure-dev'], { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(serveOptions(['--insecure'], { SKILL_SERVER_INSECURE_DEV: '1' }).insecureDev).toBe(false);
  });

  it('says what is wrong with a PORT that is not a port, or a drain that is not milliseconds', () => {
    expect(() => serveOptions([], { PORT: 'http' })).toThrow(/PORT must be a port number/);
    expect(() => serveOptions([], { PORT: '70000' })).toThrow(/PORT must be a port number/);
    expect(() => serveOptions([], { SHUTDOWN_DRAIN_MS: 'soon' })).toThrow(/SHUTDOWN_DRAIN_MS must be milliseconds/);
    expect(serveOptions([], { SHUTDOWN_DRAIN_MS: '250' }).timeouts.drainMs).toBe(250);
  });
});

/** `npm run serve` as built: dist/server/main.js in its own process. */
class ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [join(__dirname, '..', 'dist', 'server', 'main.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    });
    this.child.stdout.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves with the first JSON log line whose message is `message`. */
  logged(message: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const look = () => {
        // The last piece may be a line still being written.
        const line = logLines(this.stdout.slice(0, this.stdout.lastIndexOf('\n') + 1)).find((l) => l.message === message);
        if (line) {
          this.child.stdout.off('data', look);
          resolve(line);
        }
      };
      this.child.stdout.on('data', look);
      this.child.once('exit', () => reject(new Error(`exited before logging "${message}": ${this.stderr}`)));
      look();
    });
  }

  async base(): Promise<string> {
    return `http://127.0.0.1:${String((await this.logged('listening')).port)}`;
  }
}

describe('npm run serve', () => {
  it('checks signatures unless told otherwise, and says loudly on stderr when it is told', async () => {
    const secure = new ServeProcess([], { SKILL_ID: OUR_SKILL, SHUTDOWN_DRAIN_MS: '0' });
    const insecure = new ServeProcess(['--insecure-dev'], { SHUTDOWN_DRAIN_MS: '1000' });
    try {
      expect((await post(await secure.base(), JSON.stringify(launchFor()))).status).toBe(400);
      expect(secure.stderr).not.toMatch(/INSECURE/);
      expect(secure.stderr).not.toMatch(/SKILL_ID/);

      expect((await post(await insecure.base(), JSON.stringify(launchFor()))).status).toBe(200);
      expect(insecure.stderr).toMatch(/INSECURE DEVELOPMENT MODE/);
      expect(insecure.stderr).toMatch(/signature and timestamp checks are OFF/);
      expect(insecure.stderr).toMatch(/SKILL_ID is not set/);
    } finally {
      secure.child.kill('SIGTERM');
      insecure.child.kill('SIGTERM');
      await Promise.all([secure.exited, insecure.exited]);
    }
  });

  it('on SIGTERM says 503 on /health, finishes the request in flight with Connection: close, and exits 0', async () => {
    const serve = new ServeProcess(['--insecure-dev'], { SHUTDOWN_DRAIN_MS: '300' });
    const base = await serve.base();
    const request = await halfSent(base, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(launchFor())));

    serve.child.kill('SIGTERM');
    await serve.logged('shutting down');
    const health = await fetch(`${base}/health`);
    expect([health.status, health.headers.get('connection')]).toEqual([503, 'close']);
    request.finish();

    const { status, text } = await request.answered;
    expect(status).toBe(200);
    expect(text).toContain('Welcome to the secondary cancer guide');
    expect(await serve.exited).toBe(0);
  });

  it('resets no request at SIGTERM under keep-alive load: clients are told to close, then the server stops', async () => {
    const serve = new ServeProcess(['--insecure-dev'], { SHUTDOWN_DRAIN_MS: '1000' });
    const base = await serve.base();
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    const body = JSON.stringify(launchFor());
    let ok = 0;
    const failures: string[] = [];
    /** One client as a load balancer runs it: keep-alive requests until the server says to close. */
    const client = async (): Promise<void> => {
      for (;;) {
        const closing = await new Promise<boolean>((resolve) => {
          const req = httpRequest({ ...to(base), method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) ok += 1;
              else failures.push(`status ${String(res.statusCode)}`);
              resolve(res.headers.connection === 'close');
            });
          });
          req.on('error', (error: NodeJS.ErrnoException) => {
            failures.push(error.code ?? error.message);
            resolve(true);
          });
          req.end(body);
        });
        if (closing) return;
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await serve.logged('request');
    serve.child.kill('SIGTERM');
    await Promise.all(clients);
    agent.destroy();
    expect(failures).toEqual([]);
    expect(ok).toBeGreaterThan(20);
    expect(await serve.exited).toBe(0);
  }, 30_000);
});
