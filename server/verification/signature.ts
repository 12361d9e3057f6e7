import { verify } from 'node:crypto';
import { Refusal } from '../refusal';
import { certificateUrl } from './certificate-url';
import { fetchCertificate, type FetchCertificate } from './certificate-fetch';
import { signingKeyOf, type SigningKey } from './certificate-chain';
import { singleHeader, type RequestCheck, type SignedRequest } from './request-check';

/** Alexa uses one certificate at a time, a few over a year: a handful of entries is plenty. */
export const CERTIFICATE_CACHE_SIZE = 8;

export interface SignatureCheckOptions {
  readonly fetch?: FetchCertificate;
  /** Trusted roots in PEM; Node's own list by default. */
  readonly roots?: readonly string[];
  readonly now?: () => number;
}

const BASE64 = /^[A-Za-z0-9+/]{40,1000}={0,2}$/;

/**
 * Alexa's request signature: `Signature-256` over the exact body, by the certificate at
 * `SignatureCertChainUrl`. The URL is checked before anything is fetched; certificates are fetched
 * with a timeout and a size cap, and kept (checked) in a small cache keyed by the normalised URL.
 */
export class SignatureCheck implements RequestCheck {
  private readonly keys = new Map<string, Promise<SigningKey>>();
  private readonly fetch: FetchCertificate;
  private readonly roots?: readonly string[];
  private readonly now: () => number;

  constructor(options: SignatureCheckOptions = {}) {
    this.fetch = options.fetch ?? fetchCertificate;
    if (options.roots) this.roots = options.roots;
    this.now = options.now ?? Date.now;
  }

  async check({ body, headers }: SignedRequest): Promise<void> {
    const url = singleHeader(headers, 'SignatureCertChainUrl');
    const signature = singleHeader(headers, 'Signature-256');
    if (url === undefined || signature === undefined) throw new Refusal(400, 'missing signature headers');
    if (!BASE64.test(signature)) throw new Refusal(400, 'signature is not base64');
    const key = await this.signingKey(certificateUrl(url));
    if (!verify('RSA-SHA256', Buffer.from(body, 'utf8'), key.publicKey, Buffer.from(signature, 'base64'))) {
      throw new Refusal(400, 'signature does not match the body');
    }
  }

  private async signingKey(url: URL): Promise<SigningKey> {
    const cached = this.keys.get(url.href);
    if (cached) {
      const key = await cached;
      if (this.now() <= key.validUntil) return key;
      this.keys.delete(url.href);
    }
    const loading = this.fetch(url).then(
      (pem) => signingKeyOf(pem, this.now(), this.roots),
      () => {
        throw new Refusal(400, 'certificate could not be fetched');
      },
    );
    // Bounded: the oldest entry goes first. A failed load is not kept.
    if (this.keys.size >= CERTIFICATE_CACHE_SIZE) this.keys.delete(this.keys.keys().next().value ?? '');
    this.keys.set(url.href, loading);
    try {
      return await loading;
    } catch (error) {
      this.keys.delete(url.href);
      throw error instanceof Refusal ? error : new Refusal(400, 'certificate is not a valid Alexa certificate');
    }
  }
}
