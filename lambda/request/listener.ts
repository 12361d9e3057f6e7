/** Who the listener is asking about: themselves (the patient), or someone they look after (a carer). Unknown until they say. */
export const LISTENERS = ['patient', 'carer'] as const;
export type Listener = (typeof LISTENERS)[number];
export const isListener = (value: unknown): value is Listener => (LISTENERS as readonly unknown[]).includes(value);

/** A spoken field in the listener's wording (`answer_carer`, as i18next names a context), else the neutral one. */
export function fitted<T>(value: Readonly<Record<string, unknown>>, field: string, who: Listener | undefined, is: (v: unknown) => v is T): T | undefined {
  const own = who === undefined ? undefined : value[`${field}_${who}`];
  if (is(own)) return own;
  const neutral = value[field];
  return is(neutral) ? neutral : undefined;
}
