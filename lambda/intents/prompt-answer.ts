import type { LocaleContent } from '../content/locale-content';
import type { Answer } from '../speech/render';

/** An answer made of one prompt and its reprompt, which by convention is the key + "Reprompt". */
export const promptAnswer = (content: LocaleContent, key: string, vars?: Record<string, string>): Answer => ({
  speech: [content.say(key, vars)],
  reprompt: content.say(`${key}Reprompt`),
});
