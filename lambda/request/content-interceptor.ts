import { getLocale, type HandlerInput, type RequestInterceptor } from 'ask-sdk-core';
import { contentFor, type LocaleContent } from '../content/locale-content';

const KEY = 'content';

/** Picks the request's locale content once per request; the lookup itself is cached per container. */
export const contentInterceptor: RequestInterceptor = {
  process(handlerInput) {
    // A malformed request may have no locale: it is answered in the default one.
    const locale = safeLocale(handlerInput);
    handlerInput.attributesManager.setRequestAttributes({ [KEY]: contentFor(locale) });
  },
};

function safeLocale(handlerInput: HandlerInput): string | undefined {
  try {
    const locale: unknown = getLocale(handlerInput.requestEnvelope);
    return typeof locale === 'string' ? locale : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The content for this request. Falls back to the default locale when the interceptor did not run
 * (the error handler can be reached before it), so even an error is answered in words.
 */
export function contentOf(handlerInput: HandlerInput): LocaleContent {
  const found: unknown = handlerInput.attributesManager.getRequestAttributes()[KEY];
  return (found as LocaleContent | undefined) ?? contentFor(safeLocale(handlerInput));
}
