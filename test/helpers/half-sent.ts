import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';

export interface HalfSent {
  /** The status and body the server answers with. */
  readonly answered: Promise<{ status?: number; text: string }>;
  /** Sends the rest of the body. */
  finish(): void;
}

/**
 * A POST whose headers and first half of the body have reached the server, and no more: resolves
 * once the server has said `100 Continue`, which proves it is reading this very request.
 */
export async function halfSent(base: string, headers: OutgoingHttpHeaders, body: Buffer): Promise<HalfSent> {
  const { hostname, port } = new URL(base);
  const req = httpRequest({ hostname, port, method: 'POST', path: '/', headers: { ...headers, 'content-length': body.length, expect: '100-continue' } });
  const answered = new Promise<{ status?: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', reject);
  });
  // Settled here so that a rejection before the caller awaits is not reported as unhandled.
  answered.catch(() => undefined);
  await new Promise((resolve) => req.once('continue', resolve));
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return { answered, finish: () => req.end(body.subarray(half)) };
}
