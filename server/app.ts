import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { SkillHandler } from '../lambda/observability/request-log';
import { isOtherSkillError } from '../lambda/skill-id';
import { isRefusal, logRefusal, Refusal } from './refusal';
import { ReplayCheck } from './verification/replay';
import type { RequestCheck } from './verification/request-check';
import { SignatureCheck, type SignatureCheckOptions } from './verification/signature';
import { TimestampCheck } from './verification/timestamp';

/** Alexa's requests are a few kilobytes; anything this big is not one. */
export const BODY_LIMIT_BYTES = 128 * 1024;

export interface AppOptions {
  readonly handler: SkillHandler;
  /** Checks every request must pass, in order, before the skill sees it: `alexaChecks()` in production. */
  readonly checks: readonly RequestCheck[];
  /** True once shutdown has begun: /health says 503 so a load balancer sends no more. */
  readonly draining?: () => boolean;
}

/**
 * Alexa's checks, cheapest first so that nothing is fetched for a request refused anyway: a fresh
 * timestamp, the signature (its certificate URL checked before any fetch), then a request id not seen
 * before (kept only once the signature has shown the request is genuine).
 */
export const alexaChecks = (signature?: SignatureCheckOptions): RequestCheck[] => [new TimestampCheck(), new SignatureCheck(signature), new ReplayCheck()];

/** A clear answer for a caller that is not Alexa, or not well-formed, and the one log line that says so. */
function refuse(res: Response, refusal: Refusal): void {
  logRefusal(refusal);
  res.status(refusal.status).json({ error: refusal.reason });
}

function isRequestEnvelope(value: unknown): value is RequestEnvelope {
  const v = value as { request?: { type?: unknown }; context?: { System?: { application?: { applicationId?: unknown } } } } | null;
  return typeof v === 'object' && v !== null && typeof v.request?.type === 'string' && typeof v.context?.System?.application?.applicationId === 'string';
}

/**
 * Refused from the headers alone, before a byte of the body is read: a declared body over the limit
 * (the connection is closed rather than read to its end), no body at all, or not JSON.
 */
const screenHeaders: RequestHandler = (req, res, next) => {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > BODY_LIMIT_BYTES) {
    res.setHeader('Connection', 'close');
    refuse(res, new Refusal(413, `body larger than ${BODY_LIMIT_BYTES} bytes`));
  } else if ((declared === undefined || Number(declared) === 0) && req.headers['transfer-encoding'] === undefined) {
    refuse(res, new Refusal(400, 'empty body'));
  } else if (!req.is('application/json')) {
    refuse(res, new Refusal(415, 'content type must be application/json'));
  } else next();
};

/**
 * The self-hosted endpoint: POST / takes an Alexa request and answers with the skill's response,
 * GET /health answers 200 for load balancers. Every check is this project's own (see verification/):
 * ask-sdk-express-adapter's verifiers fetched from unchecked URLs and accepted any future timestamp,
 * and its request glue answered 500 where the caller needs a 4xx.
 */
export function createApp({ handler, checks, draining = () => false }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', (_req, res) => {
    if (draining()) res.status(503).json({ status: 'draining' });
    else res.json({ status: 'ok' });
  });

  // The raw text, not parsed JSON: the signature is over the exact bytes Alexa sent.
  app.post('/', screenHeaders, express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const body: unknown = req.body;
    try {
      if (typeof body !== 'string' || body.length === 0) throw new Refusal(400, 'empty body');
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new Refusal(400, 'body is not JSON');
      }
      for (const check of checks) await check.check({ body, parsed, headers: req.headers });
      if (!isRequestEnvelope(parsed)) throw new Refusal(400, 'not an Alexa request envelope');
      res.json(await handler(parsed));
    } catch (error) {
      if (isRefusal(error)) refuse(res, error);
      // The skill's own log line has said so already ("rejected", "another skill id"): one line per request.
      else if (isOtherSkillError(error)) res.status(403).json({ error: 'request is for another skill' });
      else refuse(res, new Refusal(500, 'the skill could not answer'));
    }
  });

  app.use((_req, res) => refuse(res, new Refusal(404, 'not found')));

  const bodyErrors: ErrorRequestHandler = (error: { type?: unknown; status?: unknown }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large') refuse(res, new Refusal(413, `body larger than ${BODY_LIMIT_BYTES} bytes`));
    else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') refuse(res, new Refusal(415, 'unsupported body encoding'));
    else {
      const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
      refuse(res, new Refusal(status, status === 500 ? 'server error' : 'bad request'));
    }
  };
  app.use(bodyErrors);
  return app;
}
