import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TimestampVerifier } from 'ask-sdk-express-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import { observedHandler } from '../lambda/observability/request-log';
import { buildSkill } from '../lambda/skill';
import { alexaVerifiers, BODY_LIMIT_BYTES, createApp, type AppOptions } from '../server/app';
import { serveOptions } from '../server/options';
import { spokenText } from '../cli/conversation';
import { envelope } from './helpers/envelopes';
import { halfSent } from './helpers/half-sent';

const OUR_SKILL = 'amzn1.ask.skill.11111111-1111-1111-1111-111111111111';
const handler = observedHandler(buildSkill(OUR_SKILL));

/** A launch request for `skillId`, stamped now (or `ageMs` ago). */
function launchFor(skillId = OUR_SKILL, ageMs = 0): RequestEnvelope {
  const event = envelope('launch');
  event.context.System.application.applicationId = skillId;
  if (event.session) event.session.application.applicationId = skillId;
  event.request.timestamp = new Date(Date.now() - ageMs).toISOString();
  return event;
}

interface Answer {
  status: number;
  json: { error?: string; status?: string; response?: { outputSpeech?: { ssml?: string } } };
}

async function post(base: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const res = await fetch(`${base}/`, { method: 'POST', headers, body });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

/** The real app on 127.0.0.1, on a port the system picks. */
async function listen(options: AppOptions): Promise<{ base: string; server: Server }> {
  const server = createApp(options).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const close = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('the self-hosted endpoint with Alexa verification on (the default)', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => ({ base, server } = await listen({ handler, verifiers: alexaVerifiers() })));
  afterAll(() => close(server));

  it('answers GET /health with 200 JSON, for load balancers', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without signature headers with 400, without answering it', async () => {
    const answer = await post(base, JSON.stringify(launchFor()));
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/verification failed: Missing Certificate/);
    expect(answer.json.response).toBeUndefined();
  });

  it('refuses a certificate from anywhere but Amazon with 400', async () => {
    const answer = await post(base, JSON.stringify(launchFor()), {
      'content-type': 'application/json',
      signaturecertchainurl: 'https://attacker.example.com/echo.api/echo-api-cert.pem',
      'signature-256': 'AAAA',
    });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/invalid host name/);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const answer = await post(base, '{"version": "1.0", request:');
    expect(answer).toEqual({ status: 400, json: { error: 'body is not JSON' } });
  });

  it('refuses a body over the limit with 413', async () => {
    const event = launchFor() as RequestEnvelope & { padding: string };
    event.padding = 'x'.repeat(BODY_LIMIT_BYTES);
    const answer = await post(base, JSON.stringify(event));
    expect(answer.status).toBe(413);
    expect(answer.json.error).toMatch(/larger than/);
  });

  it('refuses a content type other than JSON with 415', async () => {
    const answer = await post(base, JSON.stringify(launchFor()), { 'content-type': 'text/plain' });
    expect(answer).toEqual({ status: 415, json: { error: 'content type must be application/json' } });
  });

  it('answers an unknown path with 404 JSON', async () => {
    const res = await fetch(`${base}/admin`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not found' });
  });
});

describe('the timestamp check on its own (signatures cannot be made offline)', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => ({ base, server } = await listen({ handler, verifiers: [new TimestampVerifier()] })));
  afterAll(() => close(server));

  it('refuses a request stamped ten minutes ago with 400, and answers a fresh one', async () => {
    const stale = await post(base, JSON.stringify(launchFor(OUR_SKILL, 10 * 60_000)));
    expect(stale.status).toBe(400);
    expect(stale.json.error).toMatch(/Timestamp verification failed/);
    const fresh = await post(base, JSON.stringify(launchFor()));
    expect(fresh.status).toBe(200);
  });
});

describe('the self-hosted endpoint with verification off (development)', () => {
  let base: string;
  let server: Server;
  beforeAll(async () => ({ base, server } = await listen({ handler, verifiers: [] })));
  afterAll(() => close(server));

  it('answers a LaunchRequest for this skill with the welcome', async () => {
    const answer = await post(base, JSON.stringify(launchFor()));
    expect(answer.status).toBe(200);
    expect(spokenText(answer.json.response?.outputSpeech?.ssml)).toMatch(/^Welcome to the secondary cancer guide/);
  });

  it('refuses a request for another skill id with 403, without answering it', async () => {
    const answer = await post(base, JSON.stringify(launchFor('amzn1.ask.skill.22222222-2222-2222-2222-222222222222')));
    expect(answer).toEqual({ status: 403, json: { error: 'request is for another skill' } });
  });

  it('refuses JSON that is not an Alexa request with 400', async () => {
    expect(await post(base, '{"hello": "world"}')).toEqual({ status: 400, json: { error: 'not an Alexa request envelope' } });
    expect(await post(base, '[]')).toEqual({ status: 400, json: { error: 'not an Alexa request envelope' } });
  });

  it('refuses an empty body with 400', async () => {
    expect(await post(base, '')).toEqual({ status: 400, json: { error: 'empty body' } });
  });

  it('still answers after every kind of bad input', async () => {
    await post(base, 'not json');
    await post(base, 'x'.repeat(BODY_LIMIT_BYTES + 1));
    await post(base, '{}', { 'content-type': 'application/xml' });
    const answer = await post(base, JSON.stringify(launchFor()));
    expect(answer.status).toBe(200);
  });
});

describe('serve options', () => {
  it('listens on port 3000 with verification on unless told otherwise', () => {
    expect(serveOptions([], {})).toEqual({ port: 3000, host: '0.0.0.0', insecureDev: false });
    expect(serveOptions([], { PORT: '' })).toMatchObject({ port: 3000 });
  });

  it('turns verification off only for the explicit development flag or variable', () => {
    expect(serveOptions(['--insecure-dev'], {}).insecureDev).toBe(true);
    expect(serveOptions([], { SKILL_SERVER_INSECURE_DEV: 'true' }).insecureDev).toBe(true);
    expect(serveOptions(['--insecure'], { SKILL_SERVER_INSECURE_DEV: '1' }).insecureDev).toBe(false);
  });

  it('says what is wrong with a PORT that is not a port', () => {
    expect(() => serveOptions([], { PORT: 'http' })).toThrow(/PORT must be a port number/);
    expect(() => serveOptions([], { PORT: '70000' })).toThrow(/PORT must be a port number/);
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
        const line = this.stdout
          .split('\n')
          .slice(0, -1) // the last piece may be a line still being written
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .find((l) => l.message === message);
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
    const secure = new ServeProcess([], { SKILL_ID: OUR_SKILL });
    const insecure = new ServeProcess(['--insecure-dev']);
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

  it('on SIGTERM finishes the request in flight, answers it, and exits 0', async () => {
    const serve = new ServeProcess(['--insecure-dev']);
    const base = await serve.base();
    const request = await halfSent(base, { 'content-type': 'application/json' }, Buffer.from(JSON.stringify(launchFor())));

    serve.child.kill('SIGTERM');
    await serve.logged('shutting down');
    // The server has stopped listening: a new connection is refused, while this request is still open.
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    request.finish();

    const { status, text } = await request.answered;
    expect(status).toBe(200);
    expect(text).toContain('Welcome to the secondary cancer guide');
    expect(await serve.exited).toBe(0);
  });
});
