import { getIntentName, type RequestHandler } from 'ask-sdk-core';
import { contentOf } from '../request/content-interceptor';
import { reply } from '../request/reply';
import { readState, withChanges, withoutOffer } from '../request/session-state';
import { readSlot, type SlotReading } from '../request/slots';
import { answerTopic, answerWithPrimary } from '../topics/answer-topic';
import { primaryNote } from '../topics/primary-note';
import { ASPECT_INTENTS, chooseTopic, isAspect, isAspectIntent, isSite, isTerm } from '../topics/topic-table';
import { isIntent } from './matchers';

/** Aspect slot values that say how someone feels rather than name a topic (AspectType's "hurt" and "tiredness"). */
const FELT: ReadonlySet<string | undefined> = new Set(['pain', 'sideEffects']);

const idOf = (reading: SlotReading): string | undefined => (reading.heard === 'value' ? reading.id : undefined);

/** The one path for every content question: the intent and slot ids → the topic table → the answer. */
export const topicHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, 'TopicIntent', ...Object.keys(ASPECT_INTENTS)),
  handle(input) {
    const content = contentOf(input);
    const state = readState(input);
    const intent = getIntentName(input.requestEnvelope);
    const readings = {
      site: readSlot(input, 'site'),
      aspect: readSlot(input, 'aspect'),
      term: readSlot(input, 'term'),
      primary: readSlot(input, 'primary'),
    };
    const site = idOf(readings.site);
    const aspect = isAspectIntent(intent) ? ASPECT_INTENTS[intent] : idOf(readings.aspect);
    const term = idOf(readings.term);
    const primary = idOf(readings.primary);
    const ref = chooseTopic(
      {
        ...(isSite(site) && { site }),
        ...(isAspect(aspect) && { aspect }),
        ...(isTerm(term) && { term }),
        ...(primary !== undefined && { primary }),
        ...(!isAspectIntent(intent) && FELT.has(aspect) && { felt: true }),
      },
      // "Symptoms of kidney secondaries" must not borrow the site being discussed.
      readings.site.heard === 'nothing' ? state.site : undefined,
    );
    if (ref) {
      const note = primary !== undefined && ref.kind === 'topic' && ref.aspect === 'whichCancers' ? primaryNote(content, primary, ref.site) : undefined;
      const turn = note ? answerWithPrimary(content, state, ref, note) : answerTopic(content, state, ref);
      return reply(input, turn.state, turn.answer);
    }
    // Words we have no answer for (a part of the body we don't cover): say what we do cover.
    // A cancer type we don't list ("cancer of the appendix") is not a reason to say we don't cover it.
    const heardSomethingUnknown = [readings.site, readings.aspect, readings.term].some((r) => r.heard === 'unknown');
    const key = heardSomethingUnknown ? 'notCovered' : 'clarify';
    const rest = withoutOffer(state);
    return reply(input, heardSomethingUnknown ? withChanges(rest, { offer: { kind: 'anotherSite' } }) : rest, {
      speech: [content.say(key)],
      reprompt: content.say(`${key}Reprompt`),
    });
  },
};
