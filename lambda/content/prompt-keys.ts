/**
 * Every prompt the code speaks, with the placeholders it fills in. The content check holds each
 * locale's prompts.json to this list, so a reviewer who renames a key or a {{placeholder}} is told.
 */
export const PROMPT_VARS = {
  welcome: [],
  welcomeReprompt: [],
  home: [],
  homeReprompt: [],
  help: [],
  helpAboutSite: ['name'],
  helpReprompt: [],
  fallback: [],
  fallbackReprompt: [],
  notCovered: [],
  notCoveredReprompt: [],
  clarify: [],
  clarifyReprompt: [],
  yesWithoutOffer: [],
  yesWithoutOfferReprompt: [],
  anythingElse: [],
  anythingElseReprompt: [],
  askAnything: [],
  askAnythingReprompt: [],
  chooseSite: [],
  chooseSiteReprompt: [],
  noMore: [],
  nothingToRepeat: [],
  goodbye: [],
  error: [],
  errorReprompt: [],
  followUpReprompt: [],
  alsoAsk: ['option'],
  'offer.whatIs': ['name', 'place'],
  'offer.whichCancers': ['name', 'place'],
  'offer.symptoms': ['name', 'place'],
  'offer.treatment': ['name', 'place'],
  'offer.cure': ['name', 'place'],
  'offer.spread': ['name', 'place'],
  'offer.sameType': ['name', 'place'],
  'offer.difference': ['name', 'place'],
  'offer.seeDoctor': ['name', 'place'],
  'offer.term': ['term'],
  'offer.more': [],
  'offer.anotherSite': [],
} as const satisfies Record<string, readonly string[]>;

/** Site-specific offers may replace the general one, e.g. `offer.breast.whichCancers`. */
export const OPTIONAL_PROMPT_PATTERN = /^offer\.[a-zA-Z]+\.[a-zA-Z]+$/;

export const MAX_ANSWER_WORDS = 60;
export const MAX_REMINDER_WORDS = 20;
/** Clinical content is re-checked against its sources at least this often. */
export const MAX_REVIEW_AGE_YEARS = 3;
