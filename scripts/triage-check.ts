import { URGENT_SIGNS } from '../lambda/safety/safety-keys';
import { ACTIONS, isAction, type Action } from '../lambda/safety/triage';
import type { Problem } from './content-check';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim().length > 0) : []);

/** Phrases that let a reviewer's text put off a warning sign: never in a sentence that names one. */
const DELAYS = ['a week or two', 'few weeks', 'does not stop', "doesn't stop", "won't stop", 'wait and see', 'next appointment'];

interface Rule {
  readonly sign: string;
  readonly action: Action;
  readonly mentions: readonly string[];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as a whole word or words, however it is capitalised. */
const patterns = new Map<string, RegExp>();
/** Made once per phrase: the check runs over every text of every locale. Global, for matchAll (which copies it). */
const phrasePattern = (phrase: string): RegExp => {
  let pattern = patterns.get(phrase);
  if (!pattern) patterns.set(phrase, (pattern = new RegExp(`(?<![\\p{L}-])${escape(phrase.toLowerCase())}(?![\\p{L}-])`, 'gu')));
  return pattern;
};
/** Whether `lower` says `phrase`: a fresh search each time (a shared global pattern would resume where it stopped). */
const says = (lower: string, phrase: string): boolean => lower.search(phrasePattern(phrase)) >= 0;

/** The triage table of one locale: one action per warning sign, the words that name it, and what each action sounds like. */
export interface TriageTable {
  readonly rules: readonly Rule[];
  readonly says: ReadonlyMap<Action, readonly string[]>;
}

/** Reads triage.json and reports what a reviewer must fix in it. */
export function readTriageTable(file: string, triage: Json, sources: Json): { table: TriageTable; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (key: string, reason: string) => problems.push({ file, key, reason });
  const says = new Map<Action, readonly string[]>();
  const actions = isObject(triage.actions) ? triage.actions : {};
  for (const action of ACTIONS) {
    const entry = actions[action];
    const phrases = isObject(entry) ? strings(entry.says) : [];
    if (phrases.length === 0) add(`actions.${action}`, 'needs "says": the words that give this action, e.g. ["999"]');
    says.set(action, phrases);
  }
  const rules: Rule[] = [];
  const signs = isObject(triage.signs) ? triage.signs : {};
  for (const sign of URGENT_SIGNS) {
    const rule = signs[sign];
    const key = `signs.${sign}`;
    if (!isObject(rule)) {
      add(key, 'missing: every warning sign the skill hears needs its rule');
      continue;
    }
    if (typeof rule.rule !== 'string' || !rule.rule.trim()) add(key, 'needs "rule": the sign, in words, as the triage table gives it');
    if (!isAction(rule.action)) add(key, `needs "action", one of ${ACTIONS.join(', ')}`);
    if (rule.status !== 'VERIFIED' && rule.status !== 'PARTLY VERIFIED') add(key, 'needs "status": VERIFIED or PARTLY VERIFIED, as the brief marks the rule');
    const cited = strings(rule.sources);
    if (cited.length === 0) add(key, 'has no source: list at least one id from sources.json');
    for (const id of cited) if (!isObject(sources[id])) add(key, `cites "${id}", which is not in sources.json`);
    const mentions = strings(rule.mentions);
    if (mentions.length === 0) add(key, 'needs "mentions": the words an answer uses to name this sign');
    if (isAction(rule.action)) rules.push({ sign, action: rule.action, mentions });
  }
  for (const sign of Object.keys(signs)) if (!(URGENT_SIGNS as readonly string[]).includes(sign)) add(`signs.${sign}`, 'not a sign the skill hears');
  const together = Array.isArray(triage.together) ? (triage.together as unknown[]) : [];
  together.forEach((rule, i) => {
    const known = (s: unknown) => typeof s === 'string' && (URGENT_SIGNS as readonly string[]).includes(s);
    if (!isObject(rule) || !Array.isArray(rule.signs) || rule.signs.length < 2 || !rule.signs.every(known) || !known(rule.means))
      add(`together[${i}]`, 'needs "signs" (two or more known signs) and "means" (the sign whose answer they get)');
  });
  return { table: { rules, says }, problems };
}

const sentencesOf = (text: string): string[] => text.split(/(?<=[.?!])\s+/);

/** Which signs a text names: the longest wording first, so "severe breathlessness" is not also plain "breathlessness". */
export function signsNamed(text: string, table: TriageTable): { rule: Rule; at: number }[] {
  const lower = text.toLowerCase();
  const taken = new Array<boolean>(lower.length).fill(false);
  const found: { rule: Rule; at: number }[] = [];
  const wordings = table.rules.flatMap((rule) => rule.mentions.map((mention) => ({ rule, mention }))).sort((a, b) => b.mention.length - a.mention.length);
  for (const { rule, mention } of wordings) {
    // Most texts name no sign: a plain search first spares the pattern.
    if (!lower.includes(mention.toLowerCase())) continue;
    for (const m of lower.matchAll(phrasePattern(mention))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      taken.fill(true, start, end);
      if (!found.some((f) => f.rule === rule)) found.push({ rule, at: start });
    }
  }
  return found;
}

const gives = (text: string, phrases: readonly string[]): boolean => {
  const lower = text.toLowerCase();
  return phrases.some((p) => says(lower, p));
};

/**
 * Every spoken text that names a warning sign gives that sign's own action, in words a listener
 * hears ("today", "twenty-four-hour", "999"), and never puts it off in the same sentence.
 */
export function consistencyProblems(file: string, key: string, text: string, table: TriageTable): Problem[] {
  const out: Problem[] = [];
  for (const { rule } of signsNamed(text, table)) {
    const phrases = table.says.get(rule.action) ?? [];
    // The sign's own action, or a more urgent one: never a weaker one.
    const asUrgent = ACTIONS.slice(0, ACTIONS.indexOf(rule.action) + 1).flatMap((action) => table.says.get(action) ?? []);
    if (!gives(text, asUrgent))
      out.push({
        file,
        key,
        reason: `names the warning sign "${rule.sign}" but gives no action as urgent as its own (${rule.action}: say ${phrases.map((p) => `"${p}"`).join(' or ')}), as triage.json requires`,
      });
  }
  // The sentence that names a sign, and the one after it ("Back pain can get worse. Tell them if it lasts…").
  const sentences = sentencesOf(text);
  sentences.forEach((sentence, i) => {
    const named = signsNamed(sentence, table)[0];
    if (!named) return;
    for (const said of sentences.slice(i, i + 2)) {
      const delay = DELAYS.find((d) => says(said.toLowerCase(), d));
      if (delay) out.push({ file, key, reason: `puts off the warning sign "${named.rule.sign}" ("${delay}") in: "${said.trim().slice(0, 80)}"` });
    }
  });
  return out;
}

/** An urgent answer says its sign's action: the rule in triage.json is the one place it is decided. */
export function urgentAnswerProblems(file: string, sign: string, answer: string, table: TriageTable): Problem[] {
  const rule = table.rules.find((r) => r.sign === sign);
  if (!rule) return [];
  const phrases = table.says.get(rule.action) ?? [];
  return gives(answer, phrases)
    ? []
    : [
        {
          file,
          key: `urgent.${sign}`,
          reason: `does not give the action triage.json sets for "${sign}" (${rule.action}: say ${phrases.map((p) => `"${p}"`).join(' or ')})`,
        },
      ];
}
