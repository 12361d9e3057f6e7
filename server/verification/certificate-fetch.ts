import { get } from 'node:https';

/** A certificate chain is a few kilobytes (Amazon's is under 8 KB); anything bigger is not one. */
export const MAX_CERTIFICATE_BYTES = 32 * 1024;
/** The request waits on this fetch: a slow origin costs the listener at most this long. */
export const CERTIFICATE_FETCH_TIMEOUT_MS = 3_000;

/** Fetches the text at an already validated certificate URL. */
export type FetchCertificate = (url: URL) => Promise<string>;

/** GET over HTTPS, refused past the size cap (declared or received) and abandoned at the timeout. */
export const fetchCertificate: FetchCertificate = (url) =>
  new Promise((resolve, reject) => {
    const request = get(url, { timeout: CERTIFICATE_FETCH_TIMEOUT_MS, signal: AbortSignal.timeout(CERTIFICATE_FETCH_TIMEOUT_MS) }, (response) => {
      const declared = Number(response.headers['content-length'] ?? 0);
      if (response.statusCode !== 200 || declared > MAX_CERTIFICATE_BYTES) {
        response.destroy();
        reject(new Error(`certificate fetch answered ${String(response.statusCode)}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CERTIFICATE_BYTES) {
          response.destroy(new Error('certificate larger than the cap'));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', reject);
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('timeout', () => request.destroy(new Error('certificate fetch timed out')));
    request.on('error', reject);
  });
