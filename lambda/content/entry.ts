/** One answer as a clinical reviewer writes it in `content/<locale>/topics.json` or `terms.json`. */
export interface Entry {
  readonly title: string;
  readonly answer: string;
  /** A second part, offered after the answer (the rest of a long list, or more detail). */
  readonly more?: string;
  /** The yes/no question that offers `more`. */
  readonly moreOffer?: string;
  /** Ids from `sources.json`. */
  readonly sources: readonly string[];
  /** ISO date the entry was last checked against its sources. */
  readonly reviewed: string;
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Narrows data read from JSON; the content check reports precisely what is wrong, this only guards. */
export function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    isString(v.title) &&
    isString(v.answer) &&
    (v.more === undefined || isString(v.more)) &&
    (v.moreOffer === undefined || isString(v.moreOffer)) &&
    Array.isArray(v.sources) &&
    v.sources.every(isString) &&
    isString(v.reviewed)
  );
}
