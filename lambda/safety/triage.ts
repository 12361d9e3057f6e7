import { isUrgentSign, type UrgentSign } from './safety-keys';

/**
 * What a warning sign asks of the listener, most urgent first. `expected` is an expected death at
 * home: not a 999 emergency, but a call to make now to the nursing team, the GP or 111.
 */
export const ACTIONS = ['emergency', 'now', 'expected', 'sameDay', 'soon'] as const;
export type Action = (typeof ACTIONS)[number];
export const isAction = (value: unknown): value is Action => (ACTIONS as readonly unknown[]).includes(value);

/** Two signs heard together that mean a third ("a temperature" and "confused": possible sepsis). */
export interface Together {
  readonly signs: readonly UrgentSign[];
  readonly means: UrgentSign;
}

/** One locale's triage table, from its triage.json: the one place each sign's action is defined. */
export interface Triage {
  readonly actionOf: ReadonlyMap<UrgentSign, Action>;
  readonly together: readonly Together[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Narrows triage.json as read; the content check says precisely what is wrong, this only guards. */
export function readTriage(data: unknown): Triage {
  const actionOf = new Map<UrgentSign, Action>();
  const together: Together[] = [];
  if (!isObject(data)) return { actionOf, together };
  if (isObject(data.signs)) {
    for (const [sign, rule] of Object.entries(data.signs)) {
      if (isUrgentSign(sign) && isObject(rule) && isAction(rule.action)) actionOf.set(sign, rule.action);
    }
  }
  if (Array.isArray(data.together)) {
    for (const rule of data.together as unknown[]) {
      if (!isObject(rule) || !Array.isArray(rule.signs) || typeof rule.means !== 'string' || !isUrgentSign(rule.means)) continue;
      const signs = (rule.signs as unknown[]).filter((s): s is UrgentSign => typeof s === 'string' && isUrgentSign(s));
      if (signs.length === rule.signs.length && signs.length > 1) together.push({ signs, means: rule.means });
    }
  }
  return { actionOf, together };
}

const rank = (triage: Triage, sign: UrgentSign): number => {
  const action = triage.actionOf.get(sign);
  // A sign the table does not rank is treated as the most urgent: never let a gap delay care.
  return action === undefined ? 0 : ACTIONS.indexOf(action);
};

/**
 * The sign to answer when several are heard in one sentence: a rule for the pair if the table has
 * one, otherwise the sign whose action is most urgent; between equals, the one heard first.
 */
export function mostUrgent(heard: readonly UrgentSign[], triage: Triage): UrgentSign | undefined {
  const distinct = [...new Set(heard)];
  const pair = triage.together.find((rule) => rule.signs.every((sign) => distinct.includes(sign)));
  if (pair) return pair.means;
  return distinct.reduce<UrgentSign | undefined>((best, sign) => (best === undefined || rank(triage, sign) < rank(triage, best) ? sign : best), undefined);
}
