import type { v1 } from 'ask-smapi-model';
import { FALLBACK_INTENT, type Match } from './model-nlu';

type ProfileNluResponse = v1.skill.evaluations.ProfileNluResponse;

/**
 * What Alexa's own language model made of one utterance, as SMAPI's utterance profiler reports it
 * (`ask smapi profile-nlu`), turned into the intent and slots a device would send. A resolved slot
 * is sent as the value it resolved to, so the handler reads the same id a device would give it.
 */
export function matchFromProfile(response: ProfileNluResponse): Match {
  const intent = response.selectedIntent?.name;
  if (!intent) return { intent: FALLBACK_INTENT, slots: {}, how: 'fallback' };
  const slots: Record<string, string> = {};
  for (const [name, slot] of Object.entries(response.selectedIntent?.slots ?? {})) {
    const resolved = slot.resolutions?.resolutionsPerAuthority?.find((a) => a.status?.code === 'ER_SUCCESS_MATCH')?.values?.[0]?.name;
    const words = resolved ?? slot.value;
    if (words) slots[name] = words;
  }
  return { intent, slots, how: 'nlu' };
}

/** One row of the report: a set and a group (a topic id, or urgent, crisis…), with how many reached the right answer. */
export interface ProfileRow {
  readonly set: string;
  readonly group: string;
  readonly right: number;
  readonly of: number;
}

const pct = (right: number, of: number): string => `${((100 * right) / Math.max(of, 1)).toFixed(0).padStart(3)}%`;

/** The report `npm run nlu:profile` prints: each set's share, then each group's, worst first. */
export function formatProfile(rows: readonly ProfileRow[]): string {
  const lines: string[] = [];
  for (const set of [...new Set(rows.map((r) => r.set))]) {
    const mine = rows.filter((r) => r.set === set);
    const right = mine.reduce((n, r) => n + r.right, 0);
    const of = mine.reduce((n, r) => n + r.of, 0);
    lines.push(`${set}: ${pct(right, of)} (${right} of ${of}) reach the right answer through Alexa's model`);
    for (const r of [...mine].sort((a, b) => a.right / a.of - b.right / b.of || a.group.localeCompare(b.group)))
      lines.push(`  ${pct(r.right, r.of)}  ${r.group} (${r.right} of ${r.of})`);
  }
  return lines.join('\n');
}
