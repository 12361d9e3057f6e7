import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { SkillHandler } from '../lambda/observability/request-log';
import { isOtherSkillError } from '../lambda/skill-id';

/** Alexa's requests are a few kilobytes; anything this big is not one. */
export const BODY_LIMIT_BYTES = 128 * 1024;

export interface AppOptions {
  readonly handler: SkillHandler;
  /** Checks every request must pass before the skill sees it: `alexaVerifiers()` in production. */
  readonly verifiers: readonly Verifier[];
}

/** Alexa's request signature (its certificate chain and the body's hash) and a fresh timestamp (150 s). */
export const alexaVerifiers = (): Verifier[] => [new SkillRequestSignatureVerifier(), new TimestampVerifier()];

/** A clear answer for a caller that is not Alexa, or not well-formed: a status and a short reason. */
function refuse(res: Response, status: number, error: string): void {
  res.status(status).json({ error });
}

function isRequestEnvelope(value: unknown): value is RequestEnvelope {
  const v = value as { request?: { type?: unknown }; context?: { System?: { application?: { applicationId?: unknown } } } } | null;
  return typeof v === 'object' && v !== null && typeof v.request?.type === 'string' && typeof v.context?.System?.application?.applicationId === 'string';
}

const requireJson: RequestHandler = (req, res, next) => {
  if (req.is('application/json')) next();
  else refuse(res, 415, 'content type must be application/json');
};

/**
 * The self-hosted endpoint: POST / takes an Alexa request and answers with the skill's response,
 * GET /health answers 200 for load balancers. Signature and timestamp are checked with
 * ask-sdk-express-adapter's verifiers; its request-handler glue is not used because it answers 500
 * to a body that is not JSON and to a request for another skill, where the caller needs a 4xx.
 */
export function createApp({ handler, verifiers }: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The raw text, not parsed JSON: the signature is over the exact bytes Alexa sent.
  app.post('/', requireJson, express.text({ type: () => true, limit: BODY_LIMIT_BYTES }), async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'string' || body.length === 0) {
      refuse(res, 400, 'empty body');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      refuse(res, 400, 'body is not JSON');
      return;
    }
    try {
      await Promise.all(verifiers.map((verifier) => verifier.verify(body, req.headers)));
    } catch (error) {
      // The adapter's reasons ("Missing Signature…", "Timestamp verification failed") help whoever runs the server.
      refuse(res, 400, `request verification failed: ${error instanceof Error ? error.message : 'unknown reason'}`);
      return;
    }
    if (!isRequestEnvelope(parsed)) {
      refuse(res, 400, 'not an Alexa request envelope');
      return;
    }
    try {
      res.json(await handler(parsed));
    } catch (error) {
      if (isOtherSkillError(error)) refuse(res, 403, 'request is for another skill');
      else refuse(res, 500, 'the skill could not answer');
    }
  });

  app.use((_req, res) => refuse(res, 404, 'not found'));

  const bodyErrors: ErrorRequestHandler = (error: { type?: unknown; status?: unknown }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error.type === 'entity.too.large') {
      refuse(res, 413, `body larger than ${BODY_LIMIT_BYTES} bytes`);
      return;
    }
    if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
      refuse(res, 415, 'unsupported body encoding');
      return;
    }
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    refuse(res, status, status === 500 ? 'server error' : 'bad request');
  };
  app.use(bodyErrors);
  return app;
}
