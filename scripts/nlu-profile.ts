import '../cli/quiet';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { v1 } from 'ask-smapi-model';
import { Conversation, type SkillHandler } from '../cli/conversation';
import { formatProfile, matchFromProfile, type ProfileRow } from '../cli/nlu-profile';
import { safetySet, topicSet, type Phrasing } from '../test/helpers/judge';

/**
 * `npm run nlu:profile`: after `ask deploy`, every held-out phrasing is scored by Alexa's own model
 * (SMAPI's utterance profiler, through the pinned ASK CLI), the intent and slots it chose are sent
 * to the real handler, and what the listener would hear is judged as in the tests. Needs SKILL_ID
 * and an ASK CLI profile (`npm run ask -- configure`); `--recorded FILE` replays saved responses
 * ({ "utterance": response }) instead, which is how it is tested offline.
 */
const root = join(__dirname, '..', '..');
const skillId = process.env.SKILL_ID;
const recordedAt = process.argv.indexOf('--recorded');
const recorded =
  recordedAt >= 0
    ? (JSON.parse(readFileSync(process.argv[recordedAt + 1] ?? '', 'utf8')) as Record<string, v1.skill.evaluations.ProfileNluResponse>)
    : undefined;
const ask = join(root, 'infrastructure', 'ask-cli', 'node_modules', '.bin', 'ask');

function profile(utterance: string): v1.skill.evaluations.ProfileNluResponse {
  if (recorded) return recorded[utterance] ?? {};
  const out = execFileSync(
    ask,
    ['smapi', 'profile-nlu', '--skill-id', skillId ?? '', '--stage', 'development', '--locale', 'en-GB', '--utterance', utterance],
    {
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return JSON.parse(out) as v1.skill.evaluations.ProfileNluResponse;
}

async function main(): Promise<void> {
  if (!recorded && (!skillId || !existsSync(ask))) {
    console.error('npm run nlu:profile needs SKILL_ID and the ASK CLI (cd infrastructure/ask-cli && npm ci), after ask deploy. See the README.');
    process.exitCode = 2;
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built Lambda artefact, as the terminal loads it
  const { handler } = require(join(root, 'dist', 'lambda', 'index.js')) as { handler: SkillHandler };
  const model = join(root, 'skill-package', 'interactionModels', 'custom', 'en-GB.json');
  const talk = new Conversation(handler, model, 'en-GB', { understanding: () => ({ match: (typed) => matchFromProfile(profile(typed)) }) });
  const dir = join(root, 'test', 'phrasings');
  const sets: Phrasing[] = [
    ...topicSet('en-GB-fresh.json', 'fresh topics', dir),
    ...safetySet('en-GB-fresh-safety.json', 'fresh safety', dir),
    ...topicSet('en-GB.json', 'topics (tuned on)', dir),
    ...safetySet('en-GB-safety.json', 'safety, first (tuned on)', dir),
    ...safetySet('en-GB-safety-second.json', 'safety, second (tuned on)', dir),
    ...safetySet('en-GB-safety-third.json', 'safety, third (tuned on)', dir),
  ];
  const only = recorded ? sets.filter((p) => p.say in recorded) : sets;
  const rows = new Map<string, { set: string; group: string; right: number; of: number }>();
  for (const p of only) {
    await talk.end();
    const ok = p.judge((await talk.say(p.say)).speech) === undefined;
    const key = `${p.set}\u0000${p.group}`;
    const row = rows.get(key) ?? { set: p.set, group: p.group, right: 0, of: 0 };
    rows.set(key, { ...row, right: row.right + (ok ? 1 : 0), of: row.of + 1 });
  }
  console.log(formatProfile([...rows.values()] satisfies ProfileRow[]));
}

void main();
