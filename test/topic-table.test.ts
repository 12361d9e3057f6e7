import { chooseTopic, nextAfter, NEVER_OFFERED, SITE_ASPECTS, SITES, topicId, type Heard, type Site, type TopicRef } from '../lambda/topics/topic-table';

/** What a listener asked (as slot ids) → the answer the skill gives. */
const cases: [string, Heard, Site | undefined, string | undefined][] = [
  ['a place alone means "what is it"', { site: 'bone' }, undefined, 'bone.whatIs'],
  ['an aspect alone follows the place being discussed', { aspect: 'symptoms' }, 'liver', 'liver.symptoms'],
  ['an aspect alone, with nothing discussed, is about secondary cancer in general', { aspect: 'cure' }, undefined, 'general.cure'],
  ['an aspect a place has no answer of its own for is the general one', { site: 'lung', aspect: 'seeDoctor' }, undefined, 'general.seeDoctor'],
  ['"they said it is advanced, what does that mean" explains the word', { term: 'advanced', aspect: 'whatIs', site: 'general' }, undefined, 'term.advanced'],
  ['a word with a real question about it answers the question', { term: 'secondary', aspect: 'symptoms' }, undefined, 'general.symptoms'],
  [
    '"can bowel cancer spread to the liver" asks which cancers spread there',
    { primary: 'bowel', site: 'liver', aspect: 'spread' },
    undefined,
    'liver.whichCancers',
  ],
  ['"prostate cancer in his bones, what does that mean" explains the place', { primary: 'prostate', site: 'bone', aspect: 'whatIs' }, undefined, 'bone.whatIs'],
  ['"where does breast cancer spread" is secondary breast cancer', { primary: 'breast', aspect: 'spread' }, undefined, 'breast.whichCancers'],
  ['naming the first cancer does not borrow the place being discussed', { primary: 'bowel' }, 'brain', 'general.whichCancers'],
  ['"brain tumours that have spread" describes the place', { site: 'brain', aspect: 'spread' }, undefined, 'brain.whatIs'],
  ['"the difference between primary and secondary" is the difference', { term: 'primary', aspect: 'difference' }, undefined, 'general.difference'],
  ['"the difference between benign and malignant" is the word\'s own answer', { term: 'benign', aspect: 'difference' }, undefined, 'term.benign'],
  ['"how does cancer spread" is about spreading', { aspect: 'spread' }, undefined, 'general.spread'],
  ['"where does it spread?" while on secondary breast cancer asks where it goes', { aspect: 'spread' }, 'breast', 'breast.whichCancers'],
  ['"how does it spread?" while on the liver is about spreading', { aspect: 'spread' }, 'liver', 'general.spread'],
  ['"what helps with bone pain" is bone pain', { site: 'bone', aspect: 'pain' }, undefined, 'bone.pain'],
  ['"is it painful?" while on the brain is about headaches', { aspect: 'pain' }, 'brain', 'brain.pain'],
  ['pain in a place without its own answer is pain in general', { site: 'lung', aspect: 'pain' }, undefined, 'general.pain'],
  ['"why does cancer in the bone hurt so much" is bone pain', { site: 'bone', aspect: 'pain', felt: true }, undefined, 'bone.pain'],
  ['"does cancer in the lymph nodes hurt" asks about their symptoms', { site: 'lymphNodes', aspect: 'pain', felt: true }, undefined, 'lymphNodes.symptoms'],
  ['"does it ache?" while on the lungs asks about their symptoms', { aspect: 'pain', felt: true }, 'lung', 'lung.symptoms'],
  ['"does secondary cancer hurt" is pain in general', { aspect: 'pain', felt: true }, undefined, 'general.pain'],
  ['"can bone mets make you tired" asks about their symptoms', { site: 'bone', aspect: 'sideEffects', felt: true }, undefined, 'bone.symptoms'],
  ['"what helps with cancer tiredness" is about side effects', { aspect: 'sideEffects', felt: true }, undefined, 'general.sideEffects'],
  ['"what is a hospice" while on the liver is about hospices', { aspect: 'hospice' }, 'liver', 'general.hospice'],
  ['"my dad is in pain", with nothing discussed, is pain in general', { aspect: 'pain' }, undefined, 'general.pain'],
  ['nothing heard: the skill asks what they would like', {}, 'bone', undefined],
];

describe('choosing the answer from what was heard', () => {
  it.each(cases)('%s', (_name, heard, current, expected) => {
    const ref = chooseTopic(heard, current);
    expect(ref && topicId(ref)).toBe(expected);
  });
});

describe('what is offered next', () => {
  const next = (id: string, heard: string[] = []) => {
    const [site, aspect] = id.split('.') as [Site, never];
    const ref = nextAfter({ kind: 'topic', site, aspect }, new Set([id, ...heard]));
    return ref && topicId(ref);
  };

  it('offers pain after bone symptoms, and treatment after bone pain', () => {
    expect(next('bone.symptoms')).toBe('bone.pain');
    expect(next('bone.pain')).toBe('bone.treatment');
  });

  it('moves from palliative care to hospices, caring, children and money', () => {
    expect(next('general.palliativeCare')).toBe('general.hospice');
    expect(next('general.hospice')).toBe('general.caring');
    expect(next('general.caring')).toBe('general.children');
    expect(next('general.children')).toBe('general.money');
  });

  it('never offers the last days of life, or how long someone has, whatever was heard before', () => {
    for (const site of SITES) {
      const heard: string[] = [];
      let ref: TopicRef | undefined = { kind: 'topic', site, aspect: 'whatIs' };
      for (let i = 0; ref && i < SITE_ASPECTS[site].length; i++) {
        heard.push(topicId(ref));
        ref = nextAfter(ref, new Set(heard));
        if (ref?.kind === 'topic') expect(NEVER_OFFERED.has(ref.aspect)).toBe(false);
      }
    }
  });
});
