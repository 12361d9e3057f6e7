import { readFileSync } from 'node:fs';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { SkillRequest } from 'virtual-alexa/lib/src/core/SkillRequest';
import type { IModel } from 'virtual-core';
import { PRIORITY_INTENTS, PRIORITY_SLOTS } from '../lambda/safety/safety-keys';
import { normalise, UtteranceMatcher, type Match as TerminalMatch } from './utterance-matcher';
import type { Match as NluMatch } from './model-nlu';
import { LayeredUnderstanding, sharedNlu } from './layered-understanding';
import { ARTICLES, JOINING_WORDS, LAUNCH_WORDS } from './launch-words';
import { languageOf } from './model-nlu';

/** How typed words become an intent: anything that, like Alexa, hears a sentence as an intent and slots. */
export interface Understanding {
  match(typed: string): NluMatch | TerminalMatch | Promise<NluMatch | TerminalMatch>;
}
type Match = NluMatch | TerminalMatch;

export type SkillHandler = (event: RequestEnvelope) => Promise<ResponseEnvelope>;

/** What Alexa would say back, as a listener hears it. */
export interface Reply {
  readonly speech: string;
  readonly reprompt?: string;
  readonly ended: boolean;
  /** What the typed sentence was heard as. */
  readonly heardAs: Match | { readonly intent: 'LaunchRequest'; readonly slots: Record<string, never>; readonly how: 'launch' };
  readonly response: ResponseEnvelope;
}

/** SSML to the words a listener hears. */
export function spokenText(ssml: string | undefined): string {
  return (ssml ?? '')
    .replace(/<break[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ModelFile {
  interactionModel: { languageModel: { invocationName: string } };
}

/**
 * A conversation with the real handler, typed instead of spoken: each sentence becomes the Alexa
 * request the interaction model would produce (virtual-alexa builds the envelope and keeps the
 * session), and each response comes back as the words Alexa would say.
 */
/**
 * One matcher per model and locale in a process: building one weighs every sample of the model (about
 * a second), and a matcher keeps no state between sentences, so every conversation can share it.
 * The test suites start hundreds of conversations.
 */
const matchers = new Map<string, UtteranceMatcher>();
function sharedMatcher(key: string, model: IModel): UtteranceMatcher {
  let matcher = matchers.get(key);
  if (!matcher) matchers.set(key, (matcher = new UtteranceMatcher(model, PRIORITY_SLOTS, PRIORITY_INTENTS)));
  return matcher;
}

export class Conversation {
  private readonly alexa: VirtualAlexa;
  private readonly matcher: Understanding;
  private readonly invocation: RegExp;
  private open = false;

  /**
   * @param options.screen a device with a screen (an Echo Show): its requests say it supports APL.
   * @param options.userId the same id on every run lets the skill recognise a returning user (by default, a new one each time).
   */
  constructor(
    handler: SkillHandler,
    modelPath: string,
    locale = 'en-GB',
    options: { readonly screen?: boolean; readonly userId?: string; readonly understanding?: (model: IModel) => Understanding } = {},
  ) {
    const model = JSON.parse(readFileSync(modelPath, 'utf8')) as ModelFile;
    this.alexa = VirtualAlexa.Builder().handler(handler).interactionModel(model).locale(locale).create();
    if (options.screen) {
      // virtual-alexa knows the older Display interface only; a hub today announces APL like this.
      const interfaces = this.alexa.context().device().supportedInterfaces() as Record<string, unknown>;
      interfaces['Alexa.Presentation.APL'] = { runtime: { maxVersion: '2023.3' } };
    }
    if (options.userId !== undefined) this.alexa.context().user().setID(options.userId);
    // virtual-alexa keeps its parsed model on the context; its typings omit the accessor.
    const context = this.alexa.context() as unknown as { interactionModel(): IModel };
    const parsed = context.interactionModel();
    this.matcher =
      options.understanding?.(parsed) ?? new LayeredUnderstanding(sharedMatcher(`${locale}\0${modelPath}`, parsed), () => sharedNlu(modelPath, parsed));
    const name = model.interactionModel.languageModel.invocationName.replace(/\s+/g, ' ');
    // "Alexa, open <name>" / "ask <name> what is …": how people start a skill by voice, in the locale's language.
    const language = languageOf(locale);
    const either = (words: readonly string[]) => words.join('|');
    this.invocation = new RegExp(
      `^(?:${either(LAUNCH_WORDS[language])}) (?:(?:${either(ARTICLES[language])}) )?${name}(?![\\p{L}])(?: (?:${either(JOINING_WORDS[language])}))?(.*)$`,
      'u',
    );
  }

  /** True while Alexa would still be listening for the next sentence. */
  get inSession(): boolean {
    return this.open;
  }

  async launch(): Promise<Reply> {
    return this.toReply(await this.alexa.launch(), { intent: 'LaunchRequest', slots: {}, how: 'launch' });
  }

  async say(typed: string): Promise<Reply> {
    const invoked = this.invocation.exec(normalise(typed));
    if (invoked) {
      const rest = (invoked[1] ?? '').trim();
      if (this.open) await this.end();
      if (rest.length === 0) return this.launch();
      return this.send(await this.matcher.match(rest));
    }
    return this.send(await this.matcher.match(typed));
  }

  /** The user walks away or says nothing: Alexa ends the session with a SessionEndedRequest. */
  async end(): Promise<void> {
    if (this.open) await this.alexa.endSession();
    this.open = false;
  }

  private async send(match: Match): Promise<Reply> {
    const request = new SkillRequest(this.alexa).intent(match.intent);
    try {
      request.slots(match.slots);
    } catch {
      // A slot the intent doesn't declare: send the intent without it, as Alexa would.
      return this.send({ ...match, slots: {} });
    }
    return this.toReply(await request.send(), match);
  }

  private toReply(raw: unknown, heardAs: Reply['heardAs']): Reply {
    const response = raw as ResponseEnvelope;
    const ended = response.response.shouldEndSession !== false;
    this.open = !ended;
    const speech = spokenText((response.response.outputSpeech as { ssml?: string } | undefined)?.ssml);
    const reprompt = spokenText((response.response.reprompt?.outputSpeech as { ssml?: string } | undefined)?.ssml);
    return { speech, ...(reprompt && { reprompt }), ended, heardAs, response };
  }
}
