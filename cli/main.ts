import './quiet';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IModel } from 'virtual-core';
import { createInterface } from 'node:readline';
import { Conversation, type Reply, type SkillHandler } from './conversation';
import { LOCAL_USER_ID, useLocalPreferencesStore, type LocalStore } from './local-store';
import { ModelNlu, type LanguageModel } from './model-nlu';
import { nluCache } from './nlu-cache';

/**
 * `npm start`: talk to the real, built handler by typing what you would say.
 * `npm start -- "what is secondary bone cancer"` answers once and exits.
 * `npm start -- --nlu` understands only what the interaction model teaches (nlp.js trained on it).
 */
// Built to dist/tools/: the project root is two folders up.
const root = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const debug = args.includes('--debug');
const nlu = args.includes('--nlu');
const localeArg = args.find((a) => a.startsWith('--locale='))?.slice('--locale='.length);
const sentence = args.filter((a) => !a.startsWith('--')).join(' ');
const locale = localeArg ?? 'en-GB';

function show(typed: string | undefined, reply: Reply): void {
  if (typed !== undefined) console.log(`You:   ${typed}`);
  if (debug) {
    const slots = Object.entries(reply.heardAs.slots)
      .map(([k, v]) => `${k}="${v}"`)
      .join(' ');
    console.log(`       [${reply.heardAs.how}: ${reply.heardAs.intent}${slots ? ` ${slots}` : ''}]`);
  }
  console.log(`Alexa: ${reply.speech || '(says nothing)'}`);
  if (reply.reprompt) console.log(`       (if you say nothing: ${reply.reprompt})`);
  if (reply.ended) console.log('       (the skill has closed)');
  console.log('');
}

async function once(conversation: Conversation, text: string): Promise<void> {
  show(text, await conversation.say(text));
}

async function interactive(conversation: Conversation): Promise<void> {
  const tty = process.stdin.isTTY;
  if (tty) {
    console.log('Type what you would say to Alexa, then press Enter. Type "quit" or press Ctrl+D to leave.\n');
    show('open secondary cancer guide', await conversation.launch());
  }
  const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: 'You:   ', terminal: tty });
  if (tty) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (/^(quit|exit)$/i.test(text)) break;
    const reply = await conversation.say(text);
    show(tty ? undefined : text, reply);
    if (reply.ended && tty) break;
    if (tty) lines.prompt();
  }
  lines.close();
  await conversation.end();
}

/** Without its store the conversation still runs; only preferences are not kept. */
async function openStore(): Promise<LocalStore | undefined> {
  try {
    return await useLocalPreferencesStore();
  } catch {
    console.error('(Preferences are not kept this time: their store could not be opened.)');
    return undefined;
  }
}

/** nlp.js trained on the model file alone (cached by its hash after the first time). */
async function modelUnderstanding(path: string): Promise<(model: IModel) => ModelNlu> {
  const { interactionModel } = JSON.parse(readFileSync(path, 'utf8')) as { interactionModel: { languageModel: LanguageModel } };
  const trained = await ModelNlu.train(interactionModel.languageModel, undefined, nluCache(root));
  return (model) => trained.withModel(model);
}

async function main(): Promise<void> {
  // Before the handler loads: it builds its store from the environment, as on Lambda.
  const store = await openStore();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built Lambda artefact, loaded as Lambda would
    const { handler } = require(join(root, 'dist', 'lambda', 'index.js')) as { handler: SkillHandler };
    const model = join(root, 'skill-package', 'interactionModels', 'custom', `${locale}.json`);
    const understanding = nlu ? await modelUnderstanding(model) : undefined;
    const conversation = new Conversation(handler, model, locale, { userId: LOCAL_USER_ID, ...(understanding && { understanding }) });
    await (sentence ? once(conversation, sentence) : interactive(conversation));
  } finally {
    await store?.close();
  }
}

main().catch((error: unknown) => {
  console.error('The terminal conversation stopped:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
