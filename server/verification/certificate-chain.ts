import { X509Certificate, type KeyObject } from 'node:crypto';
import { rootCertificates } from 'node:tls';

/** The name Alexa's signing certificate must carry. */
const SIGNING_NAME = 'echo-api.amazon.com';
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export interface SigningKey {
  readonly publicKey: KeyObject;
  /** After this the certificate has expired and must be fetched and checked again. */
  readonly validUntil: number;
}

const trusted = (roots: readonly string[]): X509Certificate[] =>
  roots.flatMap((pem) => {
    try {
      return [new X509Certificate(pem)];
    } catch {
      return [];
    }
  });

let systemRoots: X509Certificate[] | undefined;

/**
 * Checks a PEM chain as Alexa's rules say: the first certificate is valid now and names
 * echo-api.amazon.com, each one is issued and signed by the next, and the last by a trusted root
 * (Node's own list, unless a test gives its own). Returns the signing key; throws otherwise.
 */
export function signingKeyOf(pem: string, now: number, roots?: readonly string[]): SigningKey {
  const chain = (pem.match(PEM_BLOCK) ?? []).map((block) => new X509Certificate(block));
  const [leaf] = chain;
  if (!leaf) throw new Error('no certificate');
  if (now < Date.parse(leaf.validFrom) || now > Date.parse(leaf.validTo)) throw new Error('certificate not valid now');
  if (!leaf.subjectAltName?.split(', ').includes(`DNS:${SIGNING_NAME}`)) throw new Error('certificate does not name Alexa');
  chain.forEach((certificate, i) => {
    const issuer = chain[i + 1];
    if (issuer && !(certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey))) throw new Error('chain broken');
  });
  const top = chain[chain.length - 1] ?? leaf;
  const anchors = roots ? trusted(roots) : (systemRoots ??= trusted(rootCertificates));
  if (!anchors.some((root) => top.checkIssued(root) && top.verify(root.publicKey))) throw new Error('chain not trusted');
  return { publicKey: leaf.publicKey, validUntil: Date.parse(leaf.validTo) };
}
