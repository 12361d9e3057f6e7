/** What every piece of clinical content carries, so a listener can ask where it came from. */
export interface Sourced {
  readonly title: string;
  /** Ids from `sources.json`. */
  readonly sources: readonly string[];
  /** ISO date the entry was written from its sources: a claim about writing, not about review. */
  readonly written: string;
  /** Present only once a clinician has actually signed the entry off. */
  readonly signOff?: SignOff;
}

/** A clinical sign-off that happened: who (by role, never a name the skill would speak) and when. */
export interface SignOff {
  /** e.g. "oncology clinical nurse specialist" */
  readonly role: string;
  /** ISO date of the sign-off. */
  readonly date: string;
}

/** One answer as a clinical reviewer writes it in `content/<locale>/topics.json` or `terms.json`. */
export interface Entry extends Sourced {
  readonly answer: string;
  /** A second part, offered after the answer (the rest of a long list, or more detail). */
  readonly more?: string;
  /** The yes/no question that offers `more`. */
  readonly moreOffer?: string;
}

/** An answer from `safety.json`: urgent signs, distress, questions only a doctor can answer. */
export interface SafetyEntry extends Sourced {
  readonly answer: string;
  /** The number part alone, said again when the listener asks for it. */
  readonly again?: string;
}

/** Up to three questions to take to an appointment, from `questions.json`. */
export interface QuestionSet extends Sourced {
  readonly questions: readonly string[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const optionalStrings = (value: Record<string, unknown>, ...fields: readonly string[]): boolean =>
  fields.every((field) => value[field] === undefined || isString(value[field]));

export const isSignOff = (value: unknown): value is SignOff => isRecord(value) && isString(value.role) && isString(value.date);

const isSourcedRecord = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) &&
  isString(value.title) &&
  Array.isArray(value.sources) &&
  value.sources.every(isString) &&
  isString(value.written) &&
  (value.signOff === undefined || isSignOff(value.signOff));

/** Narrows data read from JSON; the content check reports precisely what is wrong, this only guards. */
export const isSourced = (value: unknown): value is Sourced => isSourcedRecord(value);

export const isEntry = (value: unknown): value is Entry =>
  isSourcedRecord(value) && isString(value.answer) && optionalStrings(value, 'more', 'moreOffer');

export const isSafetyEntry = (value: unknown): value is SafetyEntry => isSourcedRecord(value) && isString(value.answer) && optionalStrings(value, 'again');

export const isQuestionSet = (value: unknown): value is QuestionSet =>
  isSourcedRecord(value) && Array.isArray(value.questions) && value.questions.every(isString);
