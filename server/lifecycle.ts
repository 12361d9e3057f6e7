import { createServer, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { logRefusal, Refusal } from './refusal';

export interface Timeouts {
  /** Time to send the headers. */
  readonly headersMs: number;
  /** Time to send the whole request; an unfinished upload is cut off after it. */
  readonly requestMs: number;
  /** How long an idle keep-alive connection is kept. */
  readonly keepAliveMs: number;
  /** After SIGTERM: keeps serving (every response saying `Connection: close`, /health 503) for this long… */
  readonly drainMs: number;
  /** …then stops listening and waits this long more for requests in flight before giving up. */
  readonly graceMs: number;
}

/**
 * Alexa sends a request of a few kilobytes at once, and waits about 8 s for the answer: a client
 * still sending after 10 s is not Alexa. Node's default would hold an unfinished upload for 300 s.
 * The drain outlasts a load balancer's health check (typically 2 × 5 s) so it stops sending first.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000, drainMs: 15_000, graceMs: 10_000 };

export interface Serving {
  readonly server: Server;
  readonly port: number;
  readonly draining: () => boolean;
  /** Starts draining; resolves once the server has closed (true) or the grace period ran out (false). */
  shutdown(): Promise<boolean>;
}

/** Builds the app, given how to ask whether shutdown has begun. */
export type AppFactory = (draining: () => boolean) => express.Express;

/**
 * The HTTP server around the app: bounded timeouts for slow clients, and a shutdown that drops no
 * one. On shutdown it keeps answering for the drain period, telling every client to close its
 * connection, so nobody writes a request onto a keep-alive connection the server is closing (that
 * request would be reset, and a load balancer turns it into a 502); then it stops listening and lets
 * the requests in flight finish.
 */
export async function serve(makeApp: AppFactory, port: number, host: string, timeouts: Timeouts = DEFAULT_TIMEOUTS): Promise<Serving> {
  let draining = false;
  const server = createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node enforces the two timeouts above only when it sweeps its connections (every 30 s by default).
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
  });
  server.on(
    'request',
    makeApp(() => draining),
  );
  // Before the app's handlers run, so that every response written while draining carries it.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
  });
  // What Node refuses itself, before the app sees a request (a timeout, headers it cannot parse): the
  // same JSON answer and log line as the app's own refusals. A client that went away is not refused.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const refusal = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? new Refusal(408, 'request not received in time') : new Refusal(400, 'malformed HTTP request');
    logRefusal(refusal);
    const body = JSON.stringify({ error: refusal.reason });
    socket.end(
      `HTTP/1.1 ${String(refusal.status)} ${STATUS_CODES[refusal.status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });

  let stopped: Promise<boolean> | undefined;
  const shutdown = (): Promise<boolean> =>
    (stopped ??= new Promise<boolean>((resolve) => {
      draining = true;
      setTimeout(() => {
        const grace = setTimeout(() => resolve(false), timeouts.graceMs);
        grace.unref();
        server.close(() => {
          clearTimeout(grace);
          resolve(true);
        });
        server.closeIdleConnections();
      }, timeouts.drainMs);
    }));

  return { server, port: (server.address() as AddressInfo).port, draining: () => draining, shutdown };
}
