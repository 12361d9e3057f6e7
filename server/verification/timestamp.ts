import { Refusal } from '../refusal';
import { requestField, type RequestCheck, type SignedRequest } from './request-check';

/** Amazon's tolerance for a request's timestamp, in both directions. */
export const TIMESTAMP_TOLERANCE_MS = 150_000;
/** Skill events (enabled, disabled…) may be delivered up to an hour late. */
export const SKILL_EVENT_TOLERANCE_MS = 3_600_000;

/** Alexa's timestamps: ISO 8601 in UTC, e.g. 2026-11-25T10:00:00Z (fractions of a second allowed). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * The request's timestamp is an ISO date within 150 s of now, before or after (the adapter's own
 * check only looked at the past, so `9999-12-31` passed).
 */
export class TimestampCheck implements RequestCheck {
  constructor(private readonly now: () => number = Date.now) {}

  check({ parsed }: SignedRequest): void {
    const stamp = requestField(parsed, 'timestamp');
    const time = stamp !== undefined && ISO_UTC.test(stamp) ? Date.parse(stamp) : Number.NaN;
    if (Number.isNaN(time)) throw new Refusal(400, 'timestamp is not an ISO date');
    const late = requestField(parsed, 'type')?.startsWith('AlexaSkillEvent.') ? SKILL_EVENT_TOLERANCE_MS : TIMESTAMP_TOLERANCE_MS;
    const age = this.now() - time;
    if (age > late || age < -TIMESTAMP_TOLERANCE_MS) throw new Refusal(400, 'timestamp outside the allowed window');
  }
}
