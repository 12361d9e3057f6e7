import { logger } from '../lambda/observability/logger';

/**
 * A request the endpoint will not answer: the status the caller gets and a short reason of our own
 * wording. Never built from what the caller sent, so it can go in the log and the reply as it is.
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';

  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const isRefusal = (error: unknown): error is Refusal => error instanceof Refusal;

/** The one log line of a refused request: the status and our own reason, never the body or headers. */
export function logRefusal({ status, reason }: Refusal): void {
  logger.warn('refused', { status, reason });
}
