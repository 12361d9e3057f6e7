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
