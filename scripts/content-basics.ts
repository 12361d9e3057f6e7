/** One thing a reviewer must fix, said the way they would look for it. */
export interface Problem {
  readonly file: string;
  readonly key: string;
  readonly reason: string;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Words as a listener hears them: a number or a word counts, punctuation alone does not. */
export const countWords = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
