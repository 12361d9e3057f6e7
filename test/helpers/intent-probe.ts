import { suggestions } from '../../lambda/intents/fallback';
import { EMPTY_STATE } from '../../lambda/request/session-state';
import { contentFor } from '../../lambda/content/locale-content';
import { intentEnvelope, send } from './envelopes';

/**
 * The intents the real skill answers with its generic fallback, i.e. that no handler claims. The
 * fallback's own words are the marker, so a new handler needs no registration to be seen.
 */
export async function answeredByFallback(locale: string, intents: readonly string[]): Promise<string[]> {
  const content = contentFor(locale);
  const { key, vars } = suggestions(content, EMPTY_STATE);
  const fallback = content.say(key, vars);
  const unanswered: string[] = [];
  for (const name of intents) {
    if (name === 'AMAZON.FallbackIntent') continue;
    const event = intentEnvelope(name);
    event.request.locale = locale;
    if ((await send(event)).speech === fallback) unanswered.push(name);
  }
  return unanswered;
}
