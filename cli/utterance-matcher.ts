import type { IModel } from 'virtual-core';
import { exactMatch } from './exact-match';
import { normalise, stem } from './heard-words';

export { normalise } from './heard-words';

/** An intent and the slot words that Alexa would send for a typed sentence. */
export interface Match {
  readonly intent: string;
  /** Slot name → the words heard, as the interaction model spells them where they matched. */
  readonly slots: Readonly<Record<string, string>>;
  /** How it matched: shown by the terminal, useful when tuning the model. */
  readonly how: 'priority' | 'exact' | 'nearest' | 'open slot' | 'slot value' | 'fallback';
}

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

const tokens = (text: string): string[] => text.split(' ').filter(Boolean).map(stem);

interface SlotPhrase {
  readonly type: string;
  readonly words: readonly string[];
  readonly exact: readonly string[];
  /** The value or synonym exactly as the model lists it, so entity resolution matches it. */
  readonly spelled: string;
}

interface Spotted {
  readonly type: string;
  readonly spelled: string;
  readonly start: number;
  readonly end: number;
}

interface Sample {
  readonly intent: string;
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
  /** Literal words around `{slot}` gaps, for the open-slot pass (Alexa hears any words in a slot). */
  readonly open?: RegExp;
  readonly slotNames: readonly string[];
  readonly literalLength: number;
}

const placeholder = (type: string): string => `{${type}}`;

/**
 * Matches a typed sentence to an intent of the interaction model, as Alexa would:
 * 1. exactly, with virtual-alexa's own sample matcher (virtual-core), which resolves slot synonyms;
 * 2. otherwise the nearest sample by weighted word overlap, with slot values spotted anywhere in the
 *    sentence, since Alexa's language model accepts phrasings that are close to, not equal to, a sample;
 * 3. otherwise a sample whose fixed words match with other words in its slot (Alexa then sends
 *    those words, and entity resolution reports no match);
 * 4. otherwise the intent whose slot values were heard; and failing all, AMAZON.FallbackIntent.
 * Everything comes from the model: no phrase or intent is written into this file.
 */
export class UtteranceMatcher {
  private readonly phrases: SlotPhrase[] = [];
  private readonly samples: Sample[] = [];
  private readonly slotTypesOf = new Map<string, Map<string, string>>();
  private readonly idf = new Map<string, number>();
  private unseenWeight = 1;
  /** Slot types heard before anything else, with the intent and slot that carry them. */
  private readonly priority = new Map<string, { intent: string; slot: string }>();
  /** The same, in the order the slots were given: a warning sign before a crisis word. */
  private readonly ranked: [string, { intent: string; slot: string }][] = [];
  private passes: { group: readonly SlotPhrase[]; form: 'exact' | 'words' }[] = [];
  /** Samples of priority intents, as words and slot placeholders, to find inside a longer sentence. */
  private readonly spans: { intent: string; words: readonly string[]; pattern: RegExp }[] = [];

  /**
   * @param prioritySlots slot names whose values outrank everything else in a sentence, wherever
   *   they are said (a warning sign inside another question); sent on the intent with the fewest slots
   *   of other types that has one, as Alexa would fill it.
   * @param priorityIntents intents whose samples outrank others when said inside a longer sentence
   *   ("I've found a lump, is it cancer?").
   */
  constructor(
    private readonly model: IModel,
    prioritySlots: readonly string[] = [],
    priorityIntents: readonly string[] = [],
    private readonly threshold = 0.5,
  ) {
    const intents = model.intentSchema.intents();
    const usedTypes = new Set<string>();
    for (const intent of intents) {
      const slots = new Map<string, string>();
      for (const slot of intent.slots ?? []) {
        slots.set(slot.name, slot.type);
        usedTypes.add(slot.type);
      }
      this.slotTypesOf.set(intent.name, slots);
      // The intent that carries nothing but this type (UrgentIntent: a sign and a second sign) wins a tie.
      const others = (slotsOf: ReadonlyMap<string, string> | undefined, type: string): number =>
        [...(slotsOf ?? new Map<string, string>()).values()].filter((t) => t !== type).length;
      for (const [name, type] of slots) {
        const current = this.priority.get(type);
        const fewer = !current || others(slots, type) < others(this.slotTypesOf.get(current.intent), type);
        if (prioritySlots.includes(name) && fewer) this.priority.set(type, { intent: intent.name, slot: name });
      }
    }
    for (const type of usedTypes) {
      const values = model.slotTypes?.slotType(type)?.values ?? [];
      for (const value of values) {
        for (const spelled of [value.name.value, ...(value.name.synonyms ?? [])]) {
          const exact = normalise(spelled).split(' ').filter(Boolean);
          if (exact.length > 0) this.phrases.push({ type, words: exact.map(stem), exact, spelled });
        }
      }
    }
    // Longest first, so "secondary bone cancer" wins over "bone".
    this.phrases.sort((a, b) => b.words.length - a.words.length);
    // Priority values take their words first, in both forms, before any other value can.
    this.ranked.push(...[...this.priority].sort(([, a], [, b]) => prioritySlots.indexOf(a.slot) - prioritySlots.indexOf(b.slot)));
    const byPriority = [this.phrases.filter((p) => this.priority.has(p.type)), this.phrases.filter((p) => !this.priority.has(p.type))];
    this.passes = byPriority.flatMap((group) => (['exact', 'words'] as const).map((form) => ({ group, form })));

    const raw: { intent: string; words: string[]; slotNames: string[]; phrase: string }[] = [];
    for (const intent of intents) {
      const slots = this.slotTypesOf.get(intent.name) ?? new Map<string, string>();
      for (const sample of model.sampleUtterances.samplesForIntent(intent.name)) {
        const slotNames: string[] = [];
        const text = sample.phrase.toLowerCase().replace(/\{([^}|]+)\}/g, (_m, name: string) => {
          slotNames.push(name);
          return ` ${placeholder(slots.get(name) ?? name)} `;
        });
        const words = text
          .split(/\s+/)
          .filter(Boolean)
          .map((w) => (w.startsWith('{') ? w : stem(normalise(w))))
          .filter(Boolean);
        raw.push({ intent: intent.name, words, slotNames, phrase: sample.phrase.toLowerCase() });
        if (priorityIntents.includes(intent.name) && words.length >= MIN_SPAN_WORDS)
          this.spans.push({ intent: intent.name, words, pattern: spanPattern(words) });
      }
    }
    this.spans.sort((a, b) => b.words.length - a.words.length);
    const documents = new Map<string, number>();
    for (const r of raw) for (const w of new Set(r.words)) documents.set(w, (documents.get(w) ?? 0) + 1);
    for (const [w, n] of documents) this.idf.set(w, Math.log((raw.length + 1) / (n + 0.5)));
    // A word no sample uses weighs like the rarest: it is evidence the sentence is about something else.
    this.unseenWeight = Math.max(1, ...this.idf.values());
    for (const r of raw) {
      const weights = new Map<string, number>();
      for (const w of r.words) weights.set(w, this.weight(w));
      const literal = r.phrase.replace(/\{[^}]+\}/g, ' ').trim();
      const literalWords = literal.split(/\s+/).filter(Boolean).length;
      this.samples.push({
        intent: r.intent,
        weights,
        norm: Math.sqrt([...weights.values()].reduce((sum, v) => sum + v * v, 0)),
        slotNames: r.slotNames,
        literalLength: literal.length,
        ...(r.slotNames.length > 0 && literalWords >= MIN_OPEN_LITERAL_WORDS && { open: openPattern(r.phrase) }),
      });
    }
  }

  private weight(word: string): number {
    // A heard slot value is strong evidence for an intent with that slot, however many samples use it.
    if (word.startsWith('{')) return this.unseenWeight;
    return this.idf.get(word) ?? this.unseenWeight;
  }

  match(typed: string): Match {
    const text = normalise(typed);
    if (text.length === 0) return { intent: FALLBACK_INTENT, slots: {}, how: 'fallback' };

    const words = tokens(text);
    const said = text.split(' ');
    // A short priority value ("fits", "chest pain") is a report unless the sentence is a general
    // question about nobody in particular ("can brain tumours cause fits?"): then it is a topic.
    const aboutSomeone = said.some((w) => PERSONAL.has(w) || (/'s$/.test(w) && !NOT_POSSESSIVE.has(w)));
    const general = !aboutSomeone && QUESTION_WORDS.has(said[0] ?? '');
    const spotted = this.spot(said, words).filter((s) => !general || !this.priority.has(s.type) || s.end - s.start > 2);
    const first = this.priorityOf(spotted) ?? this.prioritySpan(words, spotted);
    if (first) return first;

    const exact = exactMatch(this.model, text);
    if (exact) return { ...exact, how: 'exact' };

    const nearest = this.nearest(words, spotted);
    if (nearest && nearest.score >= this.threshold) {
      return { intent: nearest.intent, slots: this.fill(nearest.intent, spotted), how: 'nearest' };
    }
    if (spotted.length === 0) {
      const open = this.openSlot(text);
      if (open) return open;
    } else {
      const withSlots = this.nearest(words, spotted, (intent) => spotted.some((s) => this.hasSlotType(intent, s.type)));
      if (withSlots) return { intent: withSlots.intent, slots: this.fill(withSlots.intent, spotted), how: 'slot value' };
    }
    return { intent: FALLBACK_INTENT, slots: {}, how: 'fallback' };
  }

  /**
   * The first priority value heard, in the order the slots were given. A second value of the same
   * type goes into the intent's other slot of that type, as a sample like "{sign} and {alsoSign}"
   * teaches Alexa; which of the two matters more is the handler's decision, not the matcher's.
   */
  private priorityOf(spotted: readonly Spotted[]): Match | undefined {
    for (const [type, { intent, slot }] of this.ranked) {
      const heard = spotted.filter((s) => s.type === type);
      const [first, second] = heard.filter((s, i) => heard.findIndex((o) => o.spelled === s.spelled) === i);
      if (!first) continue;
      const other = [...(this.slotTypesOf.get(intent) ?? [])].find(([name, t]) => t === type && name !== slot)?.[0];
      const slots = { [slot]: first.spelled, ...(second && other && { [other]: second.spelled }) };
      return { intent, slots, how: 'priority' };
    }
    return undefined;
  }

  /** A priority intent's sample said, word for word, somewhere inside the sentence. */
  private prioritySpan(words: readonly string[], spotted: readonly Spotted[]): Match | undefined {
    const text = words.join(' ');
    const span = this.spans.find((s) => s.pattern.test(text));
    return span ? { intent: span.intent, slots: this.fill(span.intent, spotted), how: 'priority' } : undefined;
  }

  /** The sentence with each heard slot value replaced by its type's placeholder. */
  private mask(words: readonly string[], spotted: readonly Spotted[]): string[] {
    const masked: string[] = [];
    for (let i = 0; i < words.length;) {
      const span = spotted.find((s) => s.start === i);
      if (span) {
        masked.push(placeholder(span.type));
        i = span.end;
      } else {
        masked.push(words[i] ?? '');
        i++;
      }
    }
    return masked;
  }

  private hasSlotType(intent: string, type: string): boolean {
    return [...(this.slotTypesOf.get(intent)?.values() ?? [])].includes(type);
  }

  /**
   * Slot values anywhere in the sentence, longest first, none overlapping; the words as said are
   * tried before their stems, so "secondaries" is the site value before it is the term "secondary".
   */
  private spot(said: readonly string[], stems: readonly string[]): Spotted[] {
    const taken = new Array<boolean>(said.length).fill(false);
    const found: Spotted[] = [];
    for (const { group, form } of this.passes) {
      const words = form === 'exact' ? said : stems;
      for (const phrase of group) {
        const wanted = phrase[form];
        const n = wanted.length;
        // Alexa hears a warning sign even with a word or two said inside it ("coughing up loads of blood").
        const gap = this.priority.has(phrase.type) ? MAX_PRIORITY_GAP : 0;
        for (let start = 0; start + n <= words.length; start++) {
          const at = matchAt(words, wanted, start, taken, gap);
          if (!at) continue;
          for (const i of at) taken[i] = true;
          found.push({ type: phrase.type, spelled: phrase.spelled, start, end: (at.at(-1) ?? start) + 1 });
        }
      }
    }
    return found.sort((a, b) => a.start - b.start);
  }

  private nearest(
    words: readonly string[],
    spotted: readonly Spotted[],
    allowed: (intent: string) => boolean = () => true,
  ): { intent: string; score: number } | undefined {
    const masked = this.mask(words, spotted);
    const heard = new Map<string, number>();
    for (const w of masked) heard.set(w, this.weight(w));
    const heardNorm = Math.sqrt([...heard.values()].reduce((sum, v) => sum + v * v, 0));
    let best: { intent: string; score: number } | undefined;
    for (const sample of this.samples) {
      if (!allowed(sample.intent) || sample.norm === 0) continue;
      let dot = 0;
      for (const [w, v] of sample.weights) if (heard.has(w)) dot += v * v;
      const score = dot / (sample.norm * heardNorm);
      if (!best || score > best.score) best = { intent: sample.intent, score };
    }
    return best;
  }

  /**
   * Every slot of the intent whose type was heard, with the model's spelling of what was heard. When
   * a type was heard more than once, the longest value (the most specific phrase); between equals, the first.
   */
  private fill(intent: string, spotted: readonly Spotted[]): Record<string, string> {
    const slots: Record<string, string> = {};
    for (const [name, type] of this.slotTypesOf.get(intent) ?? []) {
      const heard = spotted
        .filter((s) => s.type === type)
        .reduce<Spotted | undefined>((best, s) => (!best || s.end - s.start > best.end - best.start ? s : best), undefined);
      if (heard) slots[name] = heard.spelled;
    }
    return slots;
  }

  private openSlot(text: string): Match | undefined {
    let best: { sample: Sample; values: string[] } | undefined;
    for (const sample of this.samples) {
      const values = sample.open?.exec(text)?.slice(1);
      // Alexa's slots hold a few words, not half a sentence.
      if (!values || values.some((v) => v.trim().length === 0 || v.trim().split(' ').length > MAX_OPEN_SLOT_WORDS)) continue;
      if (!best || sample.literalLength > best.sample.literalLength) best = { sample, values };
    }
    if (!best) return undefined;
    const { sample, values } = best;
    const slots = Object.fromEntries(sample.slotNames.map((name, i) => [name, (values[i] ?? '').trim()]));
    return { intent: sample.intent, slots, how: 'open slot' };
  }
}

const MAX_OPEN_SLOT_WORDS = 2;
const MAX_PRIORITY_GAP = 2;
// Words that make a sentence about a person: pronouns, and any possessive ("mum's", "nan's").
const PERSONAL = new Set([
  'i',
  "i'm",
  "i've",
  "i'd",
  'me',
  'my',
  'he',
  "he's",
  'his',
  'him',
  'she',
  "she's",
  'her',
  'they',
  "they're",
  'their',
  'them',
  'we',
  "we're",
  'our',
  'us',
]);
const QUESTION_WORDS = new Set([
  'what',
  "what's",
  'why',
  'how',
  'can',
  'could',
  'does',
  'do',
  'which',
  'is',
  'are',
  'will',
  'would',
  'should',
  'when',
  'where',
  'tell',
  'explain',
]);
const NOT_POSSESSIVE = new Set(["what's", "that's", "it's", "there's", "here's", "who's", "where's", "how's", "let's", "he's", "she's"]);
// A sample this long said inside a sentence is evidence of the intent; shorter ones ("is it") are not.
const MIN_SPAN_WORDS = 3;

/** A sample's words anywhere in a sentence, with a few words of any kind in each slot. */
function spanPattern(words: readonly string[]): RegExp {
  const parts = words.map((w) => (w.startsWith('{') ? "[a-z0-9']+(?: [a-z0-9']+){0,2}" : w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`(?:^| )${parts.join(' ')}(?: |$)`);
}

/** Positions of `wanted` in `words` from `start`, in order, with at most `gap` other words between each. */
function matchAt(words: readonly string[], wanted: readonly string[], start: number, taken: readonly boolean[], gap: number): number[] | undefined {
  if (taken[start] || words[start] !== wanted[0]) return undefined;
  const at = [start];
  for (let k = 1; k < wanted.length; k++) {
    const from = (at[k - 1] ?? start) + 1;
    let found = -1;
    for (let i = from; i <= from + gap && i < words.length; i++) {
      if (!taken[i] && words[i] === wanted[k]) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    at.push(found);
  }
  return at;
}
// Only a sample with enough fixed words around its slot is evidence that the unknown words are a slot value.
const MIN_OPEN_LITERAL_WORDS = 3;

/** A sample's fixed words with whole words of any kind in each slot. */
function openPattern(phrase: string): RegExp {
  const parts = phrase.split(/\{[^}]+\}/).map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const slot = "([a-z0-9']+(?: [a-z0-9']+)*)";
  const pattern = parts.join(` ${slot} `).replace(/ {2,}/g, ' ').trim();
  return new RegExp(`^${pattern}$`);
}
