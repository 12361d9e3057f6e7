/**
 * The warning signs the skill acts on, as ids of the `sign` slot (SignType in each interaction model),
 * keys of `urgent` in each locale's safety.json and of `signs` in its triage.json. Which action each
 * sign needs (999, the 24-hour line now, the same day…) is clinical content: it lives in triage.json.
 */
export const URGENT_SIGNS = [
  'breathing',
  'breathless',
  'breathlessWeeks',
  'coughBlood',
  'seizure',
  'collapse',
  'bleeding',
  'legsGone',
  'sepsis',
  'spine',
  'backPain',
  'infection',
  'sickness',
  'headache',
  'suddenHeadache',
  'confusion',
  'calcium',
  'constipation',
  'swelling',
  'calf',
  'jaundice',
  'pain',
  'dying',
  'isDying',
] as const;
export type UrgentSign = (typeof URGENT_SIGNS)[number];
export const isUrgentSign = (value: string | undefined): value is UrgentSign => (URGENT_SIGNS as readonly (string | undefined)[]).includes(value);

/** Every answer in safety.json. Those in NUMBER_KEYS give a phone number and can say it again. */
export const SAFETY_KEYS = [
  ...URGENT_SIGNS.map((s) => `urgent.${s}` as const),
  'urgent.unsure',
  'crisis',
  'support',
  'fear',
  'guilt',
  'supportLine',
  'diagnosis',
  'noNumber',
  'whatToSay',
] as const;
export type SafetyKey = (typeof SAFETY_KEYS)[number];
export const isSafetyKey = (value: unknown): value is SafetyKey => (SAFETY_KEYS as readonly unknown[]).includes(value);

export const NUMBER_KEYS: ReadonlySet<SafetyKey> = new Set(SAFETY_KEYS.filter((key) => key !== 'diagnosis'));

/**
 * Slots whose words outrank everything else in a sentence: a warning sign or a thought of not wanting
 * to live is answered first, whatever else was asked ("what are bone secondaries, my dad can't feel
 * his legs"). The handlers look for them on any intent; the typed-conversation matcher spots them first.
 */
export const SIGN_SLOT = 'sign';
/** A second warning sign in the same sentence ("a temperature and she's confused"): the most urgent of the two wins. */
export const ALSO_SIGN_SLOT = 'alsoSign';
export const CRISIS_SLOT = 'crisis';
/**
 * A symptom asked about as a sign of one's own cancer ("is my back pain cancer", DiagnosisIntent): when
 * its id is a warning sign, the warning comes first, as it does in any other question.
 */
export const SYMPTOM_SLOT = 'symptom';
export const PRIORITY_SLOTS = [SIGN_SLOT, ALSO_SIGN_SLOT, CRISIS_SLOT] as const;

/** Intents whose questions outrank a topic said in the same sentence: a doctor-only question is never answered with general facts. */
export const PRIORITY_INTENTS = ['DiagnosisIntent'] as const;
