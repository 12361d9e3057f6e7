import type { IntentRequest, RequestEnvelope, ResponseEnvelope, Slot } from 'ask-sdk-model';
import { spokenText } from '../cli/conversation';
import { contentFor } from '../lambda/content/locale-content';
import { contentLocaleFor } from '../lambda/content/locale-choice';
import { LOCALES } from '../lambda/content/resources';
import { handler } from '../lambda/index';
import { discoverModels, type LanguageModel, type ModelIntent } from '../scripts/model-check';
import type { Listener } from '../lambda/request/listener';
import { listenerIn } from '../lambda/request/listener-interceptor';
import { envelope, intentEnvelope, slot } from './helpers/envelopes';
import { responseProblems } from './helpers/response-checks';

/**
 * Every response the skill can give, checked from outside: each intent of each locale's model, with
 * each value of each slot (and pairs of them), words that resolve to nothing and empty slots, in a
 * fresh session and mid-conversation, with and without a screen, plus a locale without content.
 */

const UNSUPPORTED_LOCALE = 'fr-FR';
const APL = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.3' } } };

interface Case {
  readonly label: string;
  readonly build: () => RequestEnvelope;
}

interface SessionStart {
  readonly label: string;
  readonly attributes: Record<string, unknown>;
  readonly isNew: boolean;
  readonly reminderDue: boolean;
}

const typeOf = (model: LanguageModel, name: string) => model.types?.find((t) => t.name === name);

/** Each slot as Alexa fills it: every value id (matched), words that match nothing, and nothing at all. */
function slotFillings(model: LanguageModel, intent: ModelIntent): { label: string; slots: Record<string, Slot> }[][] {
  return (intent.slots ?? []).map(({ name, type }) => [
    ...(typeOf(model, type)?.values ?? []).map((v) => ({
      label: `${name}=${v.id ?? v.name.value}`,
      slots: { [name]: slot(name, type, v.name.value, v.id ?? v.name.value) },
    })),
    { label: `${name}=(no match)`, slots: { [name]: slot(name, type, 'the thing with the long name') } },
    { label: `${name}=(empty)`, slots: { [name]: { name, confirmationStatus: 'NONE' } } },
  ]);
}

/** Every request for this model: `single`, each intent with no slot or one; `pairs`, with two slots filled at once. */
function casesFor(model: LanguageModel, locale: string): { single: Case[]; pairs: Case[] } {
  const localised = (event: RequestEnvelope): RequestEnvelope => {
    event.request.locale = locale;
    return event;
  };
  const single: Case[] = [
    { label: 'LaunchRequest', build: () => localised(envelope('launch')) },
    { label: 'SessionEndedRequest', build: () => localised(envelope('session-ended')) },
  ];
  const pairs: Case[] = [];
  for (const intent of model.intents) {
    single.push({ label: intent.name, build: () => localised(intentEnvelope(intent.name)) });
    const perSlot = slotFillings(model, intent);
    for (const fillings of perSlot) {
      for (const filling of fillings)
        single.push({ label: `${intent.name} ${filling.label}`, build: () => localised(intentEnvelope(intent.name, filling.slots)) });
    }
    // Two slots at once, each with every value ("symptoms" of "bone", "bowel" cancer in the "liver").
    perSlot.forEach((first, i) =>
      perSlot.slice(i + 1).forEach((second) => {
        for (const a of first) {
          for (const b of second) {
            pairs.push({ label: `${intent.name} ${a.label} ${b.label}`, build: () => localised(intentEnvelope(intent.name, { ...a.slots, ...b.slots })) });
          }
        }
      }),
    );
  }
  return { single, pairs };
}

function withContext(event: RequestEnvelope, start: SessionStart, screen: boolean): RequestEnvelope {
  if (event.session) {
    event.session.attributes = structuredClone(start.attributes);
    event.session.new = start.isNew;
  }
  event.context.System.device = { deviceId: 'amzn1.ask.device.TESTDEVICE', supportedInterfaces: screen ? APL : {} };
  return event;
}

const topic = (slots: Record<string, Slot>): RequestEnvelope => intentEnvelope('TopicIntent', slots);
const spoken = (response: ResponseEnvelope): string => spokenText((response.response.outputSpeech as { ssml?: string } | undefined)?.ssml);

/** Real earlier turns, so the state is exactly what the skill itself left in the session. */
async function startsFor(locale: string): Promise<SessionStart[]> {
  const content = contentFor(locale);
  const play = async (label: string, turns: RequestEnvelope[]): Promise<SessionStart> => {
    let attributes: Record<string, unknown> = {};
    let reminded = false;
    for (const turn of turns) {
      turn.request.locale = locale;
      if (turn.session) turn.session.attributes = attributes;
      const response = await handler(turn);
      // An answer that itself sends the listener to their team counts as the reminder, as the skill counts it.
      reminded ||= content.reminders.some((r) => spoken(response).includes(r)) || content.pointsToCareTeam(spoken(response));
      attributes = response.sessionAttributes ?? {};
    }
    return { label, attributes, isNew: false, reminderDue: !reminded };
  };
  return [
    { label: 'a new session', attributes: {}, isNew: true, reminderDue: true },
    await play('after the welcome', [envelope('launch')]),
    await play('after an answer about the bones', [topic({ site: slot('site', 'SiteType', 'bone', 'bone') })]),
    await play('after a word was explained', [topic({ term: slot('term', 'TermType', 'advanced', 'advanced') })]),
    await play('after declining an offer', [topic({ site: slot('site', 'SiteType', 'liver', 'liver') }), intentEnvelope('AMAZON.NoIntent')]),
    await play('after a part of the body it does not cover', [topic({ site: slot('site', 'SiteType', 'kidney') })]),
    await play('after help about a site', [topic({ site: slot('site', 'SiteType', 'lungs', 'lung') }), intentEnvelope('AMAZON.HelpIntent')]),
  ];
}

const models = discoverModels();
const firstModel = models[0]?.model;
if (!firstModel) throw new Error('no interaction model found');
const sweeps = [...models.map((m) => [m.locale, m.model] as const), [UNSUPPORTED_LOCALE, firstModel] as const];

/**
 * A locale written whole (no fallback) is swept from every starting point, on a speaker and a screen. A
 * locale that writes only what differs from another (en-CA, en-AU, en-IN, and the plain English of
 * unsupported countries) shares the other's handlers and screens: it is swept on a speaker from the
 * first three starting points, enough to hear every answer it says in its own words.
 *
 * Two slots at once (five thousand pairs a model) are swept from a new session and from mid-answer
 * on a speaker, and from a new session on a screen, in a locale written whole; from a new session in
 * the others. What a starting point changes (the offer, the reminder, who is asking) the single
 * slots already meet from every starting point, and the pairs would only repeat it.
 */
const written = (locale: string): boolean => (LOCALES[contentLocaleFor(locale)]?.fallback ?? []).length === 0;

describe.each(sweeps)('every response in %s', (locale, model) => {
  const { single, pairs } = casesFor(model, locale);

  it.each(written(locale) ? [false, true] : [false])('is valid for Alexa and for the listener (screen: %s)', async (screen) => {
    const content = contentFor(locale);
    const sorry = content.say('error');
    const problems: string[] = [];
    let checked = 0;
    const starts = await startsFor(locale);
    const pairStarts = written(locale) && !screen ? [starts[0], starts[2]] : [starts[0]];
    const runs = [
      ...(written(locale) ? starts : starts.slice(0, 3)).map((start) => ({ start, cases: single })),
      ...pairStarts.filter((start): start is SessionStart => start !== undefined).map((start) => ({ start, cases: pairs })),
    ];
    for (const { start, cases } of runs) {
      for (const c of cases) {
        const response = await handler(withContext(c.build(), start, screen));
        const found = await responseProblems(response, { content, screen, reminderDue: start.reminderDue });
        // Every request here is one Alexa sends for this model: the kind error answer means a handler threw.
        if (spoken(response) === sorry) found.push('answered with the error prompt: a handler threw');
        problems.push(...found.map((p) => `${c.label}, ${start.label}: ${p}`));
        checked++;
      }
    }
    expect({ problems: problems.length, first: problems.slice(0, 30) }).toEqual({ problems: 0, first: [] });
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('slot synonyms', () => {
  it.each(models.map((m) => [m.locale, m.model] as const))(
    '%s: each synonym, resolved to its id as Alexa does, gets the answer its id gets',
    async (locale, model) => {
      const content = contentFor(locale);
      const problems: string[] = [];
      // The handler reads a slot's id, and from its words only who is being asked about: every synonym is
      // tried on the first intent that has its slot; on the others, one synonym per id and listener.
      const tried = new Set<string>();
      for (const intent of model.intents) {
        for (const { name, type } of intent.slots ?? []) {
          const firstWithSlot = !tried.has(`${name}|${type}`);
          tried.add(`${name}|${type}`);
          for (const value of typeOf(model, type)?.values ?? []) {
            const id = value.id ?? value.name.value;
            const ask = async (words: string, who?: Listener): Promise<ResponseEnvelope> => {
              const event = intentEnvelope(intent.name, { [name]: slot(name, type, words, id) }, who ? { conversation: { heard: [], reminders: 0, who } } : {});
              event.request.locale = locale;
              return handler(event);
            };
            const expected = spoken(await ask(value.name.value));
            const listeners = new Set<string>();
            for (const synonym of value.name.synonyms ?? []) {
              // "Her liver" says a carer is asking: the same answer as "liver" from a carer.
              const who = listenerIn(synonym);
              if (!firstWithSlot && listeners.has(who ?? '')) continue;
              listeners.add(who ?? '');
              const response = await ask(synonym);
              if (spoken(response) !== (who ? spoken(await ask(value.name.value, who)) : expected))
                problems.push(`${intent.name} ${name} "${synonym}" (${id}) is answered differently from "${value.name.value}"`);
              problems.push(...(await responseProblems(response, { content, screen: false, reminderDue: true })).map((p) => `${name} "${synonym}": ${p}`));
            }
          }
        }
      }
      expect({ problems: problems.length, first: problems.slice(0, 30) }).toEqual({ problems: 0, first: [] });
    },
  );
});

describe('a session Alexa ends with an error', () => {
  it('is answered with nothing to say, whatever the locale', async () => {
    for (const [locale] of sweeps) {
      const event = envelope('session-ended');
      event.request.locale = locale;
      Object.assign(event.request, { reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'An exception occurred' } });
      const response = await handler(event);
      expect(response.response.outputSpeech).toBeUndefined();
      expect(await responseProblems(response, { content: contentFor(locale), screen: false, reminderDue: false })).toEqual([]);
    }
  });
});

// The requests the sweep sends must be the ones Alexa sends: an intent request names its intent.
it('sends intent requests as Alexa does', () => {
  const [first] = casesFor(firstModel, 'en-GB').single.filter((c) => c.label.startsWith('TopicIntent site='));
  expect((first?.build().request as IntentRequest).intent.slots?.site?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe('ER_SUCCESS_MATCH');
});
