/** What `npm start -- --help` prints: every option, and what to type. */
export const HELP = `Talk to the secondary cancer guide in your terminal, as you would to Alexa.

Usage:
  npm start                                   a conversation: type what you would say, press Enter
  npm start -- "what is secondary bone cancer"  answer one sentence and exit

Options:
  --debug          also show which intent and slots each sentence became
  --locale CODE    the locale to talk in: en-GB (the default), en-US, en-CA, en-AU, en-IN or es-US,
                   e.g. --locale es-US; any other (fr-FR, es-MX, en-NZ) is answered as the skill
                   answers a request from there, heard through the nearest model
  --nlu            only what the interaction model teaches: no warning words found mid-sentence
                   (by default a warning sign said anywhere comes first, then the model: an exact
                   sample, else nlp.js trained on the model)
  --help           show this help and exit

While talking:
  press Enter on an empty line   say nothing: Alexa asks again (the reprompt); twice, and it closes
  quit, or Ctrl+D                leave
  a change of speaking speed is shown under Alexa's words, e.g. (speaking slower: 80%)
`;

/** The speaking rate a response is said at, from its SSML: undefined at the usual rate. */
export function rateOf(ssml: string | undefined): string | undefined {
  return /^<speak><prosody rate="([^"]+)">/.exec(ssml ?? '')?.[1];
}
