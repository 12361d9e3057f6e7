/**
 * The matrix of what the skill can explain: sites of the body × aspects, plus terms.
 * Slot ids in the interaction model are exactly these names, so a new site, aspect or term is a
 * row here, its content and its synonyms: never a new handler.
 */

export const SITES = ['general', 'liver', 'bone', 'lung', 'brain', 'lymphNodes', 'breast'] as const;
export type Site = (typeof SITES)[number];

export const ASPECTS = [
  'whatIs',
  'whichCancers',
  'symptoms',
  'treatment',
  'cure',
  'spread',
  'sameType',
  'difference',
  'seeDoctor',
  'outlook',
  // What people ask next (issue 15): living with the illness, care and support around it.
  'pain',
  'palliativeCare',
  'hospice',
  'endOfLife',
  'caring',
  'money',
  'children',
  'sideEffects',
  'tests',
  'trials',
  'livingWith',
] as const;
export type Aspect = (typeof ASPECTS)[number];

export const TERMS = ['secondary', 'locallyAdvanced', 'advanced', 'primary', 'malignant', 'metastasis', 'stage4', 'grade', 'tumour', 'benign'] as const;
export type Term = (typeof TERMS)[number];

/**
 * Topics asked in their own words rather than as an aspect of a place: each has an intent of its
 * own in the interaction model, so Alexa learns "what is a hospice" from hospice questions, not
 * from a slot value. The intent names the aspect; a site slot, where the intent has one, names the
 * place ("bone pain"). A new one is a row here and an intent file in the model source.
 */
export const ASPECT_INTENTS = {
  PainIntent: 'pain',
  PalliativeCareIntent: 'palliativeCare',
  HospiceIntent: 'hospice',
  EndOfLifeIntent: 'endOfLife',
  CaringIntent: 'caring',
  MoneyIntent: 'money',
  ChildrenIntent: 'children',
  SideEffectsIntent: 'sideEffects',
  TestsIntent: 'tests',
  TrialsIntent: 'trials',
  LivingWithIntent: 'livingWith',
} as const satisfies Record<string, Aspect>;
export type AspectIntent = keyof typeof ASPECT_INTENTS;
export const isAspectIntent = (name: string): name is AspectIntent => Object.hasOwn(ASPECT_INTENTS, name);

/**
 * The aspects each site has its own answer for, in the order the skill offers them next. Pain is
 * answered for the place where it matters (bone pain, headaches, liver pain) and in general elsewhere;
 * it comes straight after symptoms, the natural next question.
 */
export const SITE_ASPECTS = {
  general: [
    'whatIs',
    'spread',
    'sameType',
    'difference',
    'symptoms',
    'seeDoctor',
    'pain',
    'treatment',
    'sideEffects',
    'trials',
    'cure',
    'livingWith',
    'tests',
    'whichCancers',
    'palliativeCare',
    'hospice',
    'caring',
    'children',
    'money',
    'endOfLife',
    'outlook',
  ],
  liver: ['whatIs', 'symptoms', 'pain', 'treatment', 'cure', 'whichCancers'],
  bone: ['whatIs', 'symptoms', 'pain', 'treatment', 'cure', 'whichCancers'],
  lung: ['whatIs', 'symptoms', 'treatment', 'cure', 'whichCancers'],
  brain: ['whatIs', 'symptoms', 'pain', 'treatment', 'cure', 'whichCancers'],
  lymphNodes: ['whatIs', 'symptoms', 'treatment', 'cure', 'whichCancers'],
  breast: ['whatIs', 'whichCancers', 'symptoms', 'treatment', 'cure'],
} as const satisfies Record<Site, readonly Aspect[]>;

/** After a term, the natural next thing to offer. */
export const TERM_NEXT = {
  secondary: { kind: 'topic', site: 'general', aspect: 'spread' },
  metastasis: { kind: 'topic', site: 'general', aspect: 'spread' },
  locallyAdvanced: { kind: 'term', term: 'advanced' },
  advanced: { kind: 'topic', site: 'general', aspect: 'cure' },
  stage4: { kind: 'term', term: 'advanced' },
  grade: { kind: 'term', term: 'stage4' },
  primary: { kind: 'topic', site: 'general', aspect: 'difference' },
  malignant: { kind: 'term', term: 'benign' },
  tumour: { kind: 'term', term: 'malignant' },
  benign: { kind: 'term', term: 'malignant' },
} as const satisfies Record<Term, TopicRef>;

/**
 * Clinical rule: answers about symptoms, treatment or cure always carry a reminder to ask the care
 * team; so do pain, side effects, tests, trials, palliative care, living with it and the last days,
 * where what applies to one person is the team's to say.
 */
export const ASPECTS_WITH_REMINDER: ReadonlySet<Aspect> = new Set<Aspect>([
  'symptoms',
  'treatment',
  'cure',
  'seeDoctor',
  'outlook',
  'pain',
  'palliativeCare',
  'endOfLife',
  'sideEffects',
  'tests',
  'trials',
  'livingWith',
]);

/**
 * Answered when asked, never offered: nobody should be led to "how long" by a prompt, nor to the
 * last days of life by a "would you like to hear…" after an answer about something else.
 */
export const NEVER_OFFERED: ReadonlySet<Aspect> = new Set<Aspect>(['outlook', 'endOfLife']);

/**
 * After these answers (and their "more", if asked for) the one offer is a support line, not another
 * topic: someone to talk to after hard news, and the Support Line's welfare advisers after money.
 */
export const SUPPORT_LINE_NEXT: ReadonlySet<Aspect> = new Set<Aspect>(['outlook', 'endOfLife', 'money']);

/**
 * "What else can I ask?" after the places: the questions people ask next, for the site being
 * discussed or in general. Pain comes with the places that have their own answer for it.
 */
export const ASKED_NEXT: readonly Aspect[] = [
  'pain',
  'palliativeCare',
  'hospice',
  'caring',
  'money',
  'children',
  'sideEffects',
  'tests',
  'trials',
  'livingWith',
];

export type TopicRef = { readonly kind: 'topic'; readonly site: Site; readonly aspect: Aspect } | { readonly kind: 'term'; readonly term: Term };

/** The i18next key of a topic's entry, e.g. `topics:bone.symptoms` or `terms:advanced`. */
export const contentKey = (ref: TopicRef): string => (ref.kind === 'topic' ? `topics:${ref.site}.${ref.aspect}` : `terms:${ref.term}`);

/** A short id for logs, tests and session state, e.g. `bone.symptoms` or `term.advanced`. */
export const topicId = (ref: TopicRef): string => (ref.kind === 'topic' ? `${ref.site}.${ref.aspect}` : `term.${ref.term}`);

export const hasOwnAnswer = (site: Site, aspect: Aspect): boolean => (SITE_ASPECTS[site] as readonly Aspect[]).includes(aspect);

/** Every entry the content must hold: the check and the tests walk this list. */
export const ALL_TOPICS: readonly TopicRef[] = [
  ...SITES.flatMap((site) => SITE_ASPECTS[site].map((aspect): TopicRef => ({ kind: 'topic', site, aspect }))),
  ...TERMS.map((term): TopicRef => ({ kind: 'term', term })),
];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string | undefined): value is T =>
    value !== undefined && (values as readonly string[]).includes(value);

export const isSite = isOneOf(SITES);
export const isAspect = isOneOf(ASPECTS);
export const isTerm = isOneOf(TERMS);

/** The words the difference answer (primary against secondary cancer) is about. */
const DIFFERENCE_TERMS: ReadonlySet<Term> = new Set(['primary', 'secondary', 'metastasis']);

/** What was heard, as slot ids. `primary` is the cancer it started as (PrimaryType ids, e.g. "bowel"). */
export interface Heard {
  readonly site?: Site;
  readonly aspect?: Aspect;
  readonly term?: Term;
  readonly primary?: string;
  /**
   * The aspect was a word for how someone feels ("does it hurt", "so tired": the aspect slot), not a
   * topic asked for (PainIntent, SideEffectsIntent): at a place without its own answer for it, it
   * asks about that place's symptoms ("does cancer in the lymph nodes hurt", "can bone mets make you tired").
   */
  readonly felt?: boolean;
}

/**
 * Chooses the answer for what was heard. A site without an aspect means "what is it"; an aspect
 * without a site refers to the site being discussed, or to secondary cancer in general; an aspect a
 * site has no answer of its own for (how cancer spreads, when to see a doctor) is the general one.
 * A word to explain wins when nothing more specific was asked ("they said it's advanced, what does
 * that mean"). Naming the cancer it started as and where it went ("can bowel cancer spread to the
 * liver") asks which cancers spread there; breast cancer that has spread is secondary breast cancer.
 */
export function chooseTopic(heard: Heard, currentSite?: Site): TopicRef | undefined {
  const { term, primary } = heard;
  let { site, aspect } = heard;
  const asksMeaning = aspect === undefined || aspect === 'whatIs';
  const noPlace = site === undefined || site === 'general';
  if (term !== undefined && asksMeaning && noPlace && primary === undefined) return { kind: 'term', term };
  // The difference answer is primary against secondary; "benign and malignant, what's the difference" is the word's own answer.
  if (term !== undefined && aspect === 'difference' && !DIFFERENCE_TERMS.has(term) && noPlace) return { kind: 'term', term };
  if (primary !== undefined) {
    if (noPlace) site = primary === 'breast' ? 'breast' : 'general';
    if (aspect === undefined || aspect === 'spread') aspect = 'whichCancers';
  } else if (aspect === 'spread' && !noPlace) {
    // "Brain tumours that have spread" describes the place; it does not ask how spreading works.
    aspect = 'whatIs';
  } else if (aspect === 'spread' && site === undefined && currentSite === 'breast') {
    // Secondary breast cancer is named after where it began: "where does it spread?" asks where it goes.
    return { kind: 'topic', site: 'breast', aspect: 'whichCancers' };
  }
  if (site === undefined && aspect === undefined) return undefined;
  const place = site ?? (primary === undefined ? currentSite : undefined) ?? 'general';
  const feltHere = aspect !== undefined && heard.felt === true && place !== 'general' && !hasOwnAnswer(place, aspect);
  const wanted = feltHere ? 'symptoms' : (aspect ?? 'whatIs');
  return { kind: 'topic', site: hasOwnAnswer(place, wanted) ? place : 'general', aspect: wanted };
}

/** What to offer after an answer: the next aspect of the same site, else another part of the body. */
export function nextAfter(ref: TopicRef, heard: ReadonlySet<string>): TopicRef | undefined {
  if (ref.kind === 'term') {
    const next = TERM_NEXT[ref.term];
    return heard.has(topicId(next)) ? undefined : next;
  }
  const order: readonly Aspect[] = SITE_ASPECTS[ref.site];
  const start = order.indexOf(ref.aspect);
  for (let i = 1; i < order.length; i++) {
    const aspect = order[(start + i) % order.length];
    if (aspect === undefined || aspect === 'whatIs' || NEVER_OFFERED.has(aspect)) continue;
    const candidate: TopicRef = { kind: 'topic', site: ref.site, aspect };
    if (!heard.has(topicId(candidate))) return candidate;
  }
  return undefined;
}
