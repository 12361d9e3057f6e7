/** How fast the skill speaks: a listener's choice, kept between sessions. */
export const SPEAKING_RATES = ['slow', 'normal', 'fast'] as const;
export type SpeakingRate = (typeof SPEAKING_RATES)[number];
export const isSpeakingRate = (value: unknown): value is SpeakingRate => (SPEAKING_RATES as readonly unknown[]).includes(value);

/** SSML prosody rates; normal speech needs no prosody at all. */
export const RATES: Readonly<Record<SpeakingRate, string | undefined>> = { slow: '80%', normal: undefined, fast: '115%' };
