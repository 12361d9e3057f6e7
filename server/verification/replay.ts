import { Refusal } from '../refusal';
import { requestField, type RequestCheck, type SignedRequest } from './request-check';
import { SKILL_EVENT_TOLERANCE_MS, TIMESTAMP_TOLERANCE_MS } from './timestamp';

/**
 * Request ids remembered at most: at Alexa's rates for one skill's endpoint this covers the whole
 * window many times over; past it the oldest id is forgotten first (memory stays bounded under a flood).
 */
export const REPLAY_CACHE_SIZE = 10_000;

/**
 * Refuses a request id seen within the window a timestamp is accepted in: a captured, signed request
 * sent again is not answered twice. Runs after the signature check, so only genuine ids are kept.
 */
export class ReplayCheck implements RequestCheck {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly size = REPLAY_CACHE_SIZE,
  ) {}

  check({ parsed }: SignedRequest): void {
    const id = requestField(parsed, 'requestId');
    if (id === undefined) throw new Refusal(400, 'request has no id');
    const now = this.now();
    const until = this.seen.get(id);
    if (until !== undefined && until >= now) throw new Refusal(400, 'request id already seen');
    this.seen.delete(id);
    for (const [oldest, expires] of this.seen) {
      if (expires >= now && this.seen.size < this.size) break;
      this.seen.delete(oldest);
    }
    // The longest any timestamp is accepted for, so an id cannot come back while its timestamp still passes.
    this.seen.set(id, now + SKILL_EVENT_TOLERANCE_MS + TIMESTAMP_TOLERANCE_MS);
  }
}
