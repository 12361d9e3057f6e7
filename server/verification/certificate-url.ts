import { Refusal } from '../refusal';

const HOST = 's3.amazonaws.com';
const PATH_PREFIX = '/echo.api/';
/** A certificate chain file name as Amazon publishes them (`echo-api-cert-12.pem`): no escapes, no dots alone. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The certificate URL Alexa named, checked before anything is fetched from it
 * (https://developer.amazon.com/en-US/docs/alexa/custom-skills/host-a-custom-skill-as-a-web-service.html).
 * ask-sdk-express-adapter checks it with `url.parse`, which keeps `..`, then downloads with `new URL`,
 * which resolves it: `/echo.api/../any-bucket/key` passed and fetched any object. Here the URL must be
 * exactly its normalised form (so no `..`, `%2e`, `\` or other spelling survives), scheme and host
 * compared without case and `:443` allowed, as Amazon's own rules say, and the path one file directly
 * under `/echo.api/`. Returns the normalised URL, the one key it is fetched and cached by.
 */
export function certificateUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Refusal(400, 'certificate URL is not a URL');
  }
  const authority = /^[a-z]+:\/\/[^/?#]*/i.exec(raw)?.[0] ?? '';
  const spelledAsNormalised = authority.toLowerCase().replace(/:443$/, '') + raw.slice(authority.length) === url.href;
  const file = url.pathname.slice(PATH_PREFIX.length);
  if (
    url.protocol !== 'https:' ||
    url.hostname !== HOST ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !spelledAsNormalised ||
    !url.pathname.startsWith(PATH_PREFIX) ||
    !FILE_NAME.test(file)
  ) {
    throw new Refusal(400, 'certificate URL is not an Alexa certificate URL');
  }
  return url;
}
