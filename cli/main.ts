import './quiet';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IModel } from 'virtual-core';
import { createInterface } from 'node:readline';
import type { ui } from 'ask-sdk-model';
import { Conversation, type Reply, type SkillHandler, type Understanding } from './conversation';
import { HELP, rateOf } from './help';
import { LOCAL_USER_ID, useLocalPreferencesStore, type LocalStore } from './local-store';
import { trainedNlu } from './layered-understanding';
import { contentLocaleFor } from '../lambda/content/locale-choice';
import { chainOf } from '../lambda/content/resources';

/**
 * `npm start`: talk to the real, built handler by typing what you would say.
 * `npm start -- "what is secondary bone cancer"` answers once and exits.
 * Typed words are heard as the interaction model teaches them: a sample said exactly, else nlp.js
 * trained on the model alone (cli/layered-understanding.ts); a warning sign said anywhere comes first.
 * `npm start -- --nlu` leaves out even that: only what the model teaches.
 */
// Built to dist/tools/: the project root is two folders up.
const root = join(__dirname, '..', '..');
const args = process.argv.slice(2);
const debug = args.includes('--debug');
const nlu = args.includes('--nlu');
// --locale=es-US or --locale es-US
const localeAt = args.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
const localeArg = localeAt < 0 ? undefined : (args[localeAt]?.split('=')[1] ?? args[localeAt + 1]);
const sentence = args.filter((a, i) => !a.startsWith('--') && !(i === localeAt + 1 && args[localeAt] === '--locale')).join(' ');
const locale = localeArg ?? 'en-GB';

/** The rate the last answer was spoken at, so that a change shows. */
let shownRate: string | undefined;

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
  showRate(reply);
  console.log('');
}

/** "Speak slower" changes how every answer sounds, which text cannot show: so it is said here. */
function showRate(reply: Reply): void {
  const rate = rateOf((reply.response.response.outputSpeech as ui.SsmlOutputSpeech | undefined)?.ssml);
  if (rate === shownRate) return;
  const how = rate === undefined ? 'at the usual speed' : parseFloat(rate) < 100 ? `slower: ${rate}` : `faster: ${rate}`;
  console.log(`       (speaking ${how} from now on)`);
  shownRate = rate;
}

/** An empty line is silence: Alexa says the reprompt once, and closes the skill after a second silence. */
function silence(last: Reply | undefined, silences: number): boolean {
  if (!last?.reprompt || silences > 1) {
    console.log('       (you said nothing; the skill has closed)\n');
    return true;
  }
  console.log(`       (you said nothing)\nAlexa: ${last.reprompt}\n`);
  return false;
}

async function once(conversation: Conversation, text: string): Promise<void> {
  show(text, await conversation.say(text));
}

async function interactive(conversation: Conversation): Promise<void> {
  const tty = process.stdin.isTTY;
  let last: Reply | undefined;
  let silences = 0;
  if (tty) {
    console.log('Type what you would say to Alexa, then press Enter. Type "quit" or press Ctrl+D to leave. npm start -- --help lists the options.\n');
    last = await conversation.launch();
    show('open secondary cancer guide', last);
  }
  const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: 'You:   ', terminal: tty });
  if (tty) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (/^(quit|exit)$/i.test(text)) break;
    if (text.length === 0) {
      if (!conversation.inSession) continue;
      if (!tty) console.log('You:   (nothing)');
      if (silence(last, ++silences)) {
        await conversation.end();
        if (tty) break;
        last = undefined;
      }
      if (tty) lines.prompt();
      continue;
    }
    silences = 0;
    const reply = await conversation.say(text);
    last = reply;
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

/**
 * The interaction model to hear typing through: the locale's own; for a locale the skill is not
 * published in, the model of the content that locale hears (fr-CA → en-CA, es-MX → es → es-US).
 */
function modelFor(requested: string): string {
  const models = join(root, 'skill-package', 'interactionModels', 'custom');
  const heard = contentLocaleFor(requested);
  const found = [requested, ...chainOf(heard), 'en-GB'].find((candidate) => existsSync(join(models, `${candidate}.json`)));
  return join(models, `${found ?? 'en-GB'}.json`);
}

async function main(): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  // Before the handler loads: it builds its store from the environment, as on Lambda.
  const store = await openStore();
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built Lambda artefact, loaded as Lambda would
    const { handler } = require(join(root, 'dist', 'lambda', 'index.js')) as { handler: SkillHandler };
    const model = modelFor(locale);
    if (basename(model, '.json') !== locale)
      console.log(
        `(${locale} has no interaction model of its own: what you type is heard through ${basename(model, '.json')}'s; the skill answers it as a ${locale} request)\n`,
      );
    // Training (or loading) the language model starts now, while the welcome is read.
    const learned = trainedNlu(model);
    const onlyTheModel = (parsed: IModel): Understanding => {
      const ready = learned.then((trained) => trained.withModel(parsed));
      return { match: async (typed) => (await ready).match(typed) };
    };
    const understanding = nlu ? onlyTheModel : undefined;
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
