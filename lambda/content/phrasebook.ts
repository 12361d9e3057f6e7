import type { LocaleResources } from './resources';

/**
 * Looks up and fills one locale's content, keyed and worded as i18next reads the same files:
 * `namespace:path.to.key` (namespace `prompts` when none is named), `key_<context>` before `key`,
 * the first of several keys that exists, and `{{name}}` filled in a single pass (a variable not
 * given stays as written, as in i18next). The build resolves fallbacks and fills the phone numbers
 * beforehand (build-content.ts), so a request only looks up and fills; i18next itself is the
 * yardstick in the tests, which check that both say the same for every prompt of every locale.
 * It is not in the Lambda bundle: it was a quarter of it (README, Speed).
 */

export type Vars = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** `{{name}}` → vars.name, once; what vars does not name stays as written. */
export function fill(template: string, vars: Vars): string {
  return template.includes('{{') ? template.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole) : template;
}

/** Every string inside `value` filled with `vars`: how the build puts the verified numbers into the content. */
export function fillAll(value: unknown, vars: Vars): unknown {
  if (typeof value === 'string') return fill(value, vars);
  if (Array.isArray(value)) return value.map((item) => fillAll(item, vars));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillAll(item, vars)]));
  return value;
}

const DEFAULT_NAMESPACE = 'prompts';
/** Said texts kept per locale: far more than the content has, and a bound on what requests can make it keep. */
const MAX_KEPT = 20_000;

export class Phrasebook {
  private readonly said = new Map<string, string>();

  constructor(private readonly resources: LocaleResources) {}

  /** The value at `key` (a string, a list or an entry), or undefined. */
  find(key: string): unknown {
    const colon = key.indexOf(':');
    let value: unknown = this.resources;
    // Own properties only: a key built from a session attribute must never reach Object.prototype.
    for (const part of [colon >= 0 ? key.slice(0, colon) : DEFAULT_NAMESPACE, ...(colon >= 0 ? key.slice(colon + 1) : key).split('.')]) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }

  /** `key_<context>` if the content has it, else `key`. */
  findFor(key: string, context?: string): unknown {
    return (context !== undefined ? this.find(`${key}_${context}`) : undefined) ?? this.find(key);
  }

  /**
   * The first of `keys` that is a text, filled with `vars` (`context` picks a variant). Kept once
   * said: the answers are static, so a warm container looks each up once. Like i18next, a key with
   * no text is said as the key itself, which the content check keeps from ever happening.
   */
  say(keys: string | readonly string[], vars?: Vars): string {
    const memo = typeof keys === 'string' && vars === undefined ? keys : memoKey(keys, vars);
    const kept = this.said.get(memo);
    if (kept !== undefined) return kept;
    const list = typeof keys === 'string' ? [keys] : keys;
    let text = list[list.length - 1] ?? '';
    for (const key of list) {
      const found = this.findFor(key, vars?.context);
      if (typeof found === 'string') {
        text = vars ? fill(found, vars) : found;
        break;
      }
    }
    if (this.said.size >= MAX_KEPT) this.said.clear();
    this.said.set(memo, text);
    return text;
  }
}

function memoKey(keys: string | readonly string[], vars: Vars | undefined): string {
  let memo = typeof keys === 'string' ? keys : keys.join('\u0001');
  if (vars) for (const name in vars) memo += `\u0002${name}\u0003${vars[name] ?? '\u0004'}`;
  return memo;
}
