import type { IncomingHttpHeaders } from 'node:http';

/** What a check sees: the exact bytes Alexa signed, the same parsed, and the headers. */
export interface SignedRequest {
  readonly body: string;
  readonly parsed: unknown;
  readonly headers: IncomingHttpHeaders;
}

/** One check every request must pass before the skill sees it; throws a Refusal when it does not. */
export interface RequestCheck {
  check(request: SignedRequest): Promise<void> | void;
}

/** The value of a header sent once; a repeated or missing header is undefined. */
export function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

/** `request.type`, `request.timestamp` and `request.requestId` of a parsed envelope, when they are strings. */
export function requestField(parsed: unknown, field: 'type' | 'timestamp' | 'requestId'): string | undefined {
  const request = (parsed as { request?: Record<string, unknown> } | null)?.request;
  const value = typeof request === 'object' && request !== null ? request[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}
