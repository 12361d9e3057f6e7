import { chooseTopic, topicId, type Heard, type Site } from '../lambda/topics/topic-table';

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
  ['"how does cancer spread" is about spreading', { aspect: 'spread' }, undefined, 'general.spread'],
  ['"where does it spread?" while on secondary breast cancer asks where it goes', { aspect: 'spread' }, 'breast', 'breast.whichCancers'],
  ['"how does it spread?" while on the liver is about spreading', { aspect: 'spread' }, 'liver', 'general.spread'],
  ['nothing heard: the skill asks what they would like', {}, 'bone', undefined],
];

describe('choosing the answer from what was heard', () => {
  it.each(cases)('%s', (_name, heard, current, expected) => {
    const ref = chooseTopic(heard, current);
    expect(ref && topicId(ref)).toBe(expected);
  });
});
