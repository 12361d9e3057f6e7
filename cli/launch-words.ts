/**
 * How people open a skill by voice, per language: "Alexa, open <name>", "Alexa, abre <name>", and the
 * words that join a question to the name ("ask <name> about …", "pregúntale a <name> sobre …").
 * The terminal hears a launch with these, and the manifest's example phrases are checked against them.
 */
export const LAUNCH_WORDS: Readonly<Record<'en' | 'es', readonly string[]>> = {
  en: ['open', 'ask', 'start', 'launch', 'begin', 'talk to', 'tell', 'load', 'run', 'use'],
  es: ['abre', 'abrir', 'inicia', 'iniciar', 'empieza', 'comienza', 'pide a', 'pídele a', 'pregunta a', 'pregúntale a', 'usa'],
};
export const JOINING_WORDS: Readonly<Record<'en' | 'es', readonly string[]>> = {
  en: ['to', 'for', 'about', 'and', 'if', 'whether'],
  es: ['que', 'si', 'sobre', 'acerca de', 'por', 'y'],
};
/** Articles people put before a name ("open the …", "abre la …"). */
export const ARTICLES: Readonly<Record<'en' | 'es', readonly string[]>> = { en: ['the'], es: ['la', 'el'] };
