import { resolveChain } from '../lambda/content/resources';

describe('a locale heard over its fallbacks', () => {
  const british = {
    topics: {
      bone: {
        pain: { answer: 'Ring the team. If you cannot reach them, go to A&E.', more: 'Ring 111 out of hours.', sources: ['a'] },
        cure: { answer: 'Usually not.' },
      },
    },
    numbers: { emergency: { number: '999', verified: true } },
    prompts: { welcome: 'Welcome.', offer: { bone: { pain: 'Hear more?' } } },
  };
  const australian = {
    topics: { bone: { pain: { answer: 'Call the team. If you cannot reach them, go to the emergency department.', sources: ['b'] } } },
    numbers: { emergency: { number: '000', verified: true } },
  };

  it('takes a rewritten answer whole, never a field of it from another country', () => {
    const heard = resolveChain([australian, british]);
    expect(heard.topics).toEqual({
      bone: { pain: australian.topics.bone.pain, cure: british.topics.bone.cure },
    });
  });

  it('keeps only its own phone numbers, however many fallbacks it has', () => {
    expect(resolveChain([australian, british]).numbers).toEqual(australian.numbers);
    expect(resolveChain([{}, british]).numbers).toEqual({});
  });

  it('fills a namespace it does not have from its fallback', () => {
    expect(resolveChain([australian, british]).prompts).toEqual(british.prompts);
  });
});
