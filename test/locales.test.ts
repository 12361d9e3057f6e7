import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFor } from '../lambda/content/locale-content';
import { contentLocaleFor } from '../lambda/content/locale-choice';
import type { RequestEnvelope } from 'ask-sdk-model';
import { discoverModels } from '../scripts/model-check';
import { intentEnvelope, send, slot } from './helpers/envelopes';
import { LOCALES, resolveChain } from '../lambda/content/resources';

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

describe('which content a request hears', () => {
  it('hears its own locale where the skill has content for it', () => {
    for (const locale of Object.keys(LOCALES).filter((l) => l.includes('-'))) expect(contentLocaleFor(locale)).toBe(locale);
  });

  it("hears a locale it has no content for in its country's content, in another language if need be", () => {
    expect(contentLocaleFor('fr-CA')).toBe('en-CA');
    expect(contentLocaleFor('es-US')).toBe(Object.hasOwn(LOCALES, 'es-US') ? 'es-US' : 'en-US');
  });

  it('publishes the skill only in locales with content and a model of their own', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'skill-package', 'skill.json'), 'utf8')) as {
      manifest: { publishingInformation: { locales: Record<string, unknown> } };
    };
    for (const locale of Object.keys(manifest.manifest.publishingInformation.locales)) {
      expect({ locale, content: contentLocaleFor(locale) }).toEqual({ locale, content: locale });
      expect(existsSync(join(__dirname, '..', 'skill-package', 'interactionModels', 'custom', `${locale}.json`))).toBe(true);
    }
  });
});

describe('the name a listener is told to say', () => {
  it('is the invocation name of their locale, in the welcome and the goodbye', () => {
    for (const { locale, model } of discoverModels()) {
      const content = contentFor(locale);
      for (const key of ['goodbye', 'welcome'])
        expect({ locale, key, says: content.say(key).toLowerCase() }).toEqual({ locale, key, says: expect.stringContaining(model.invocationName) as unknown });
    }
  });
});

describe('a US speaker that hears English and Spanish (multilingual mode)', () => {
  const inLocale = (locale: string, event: RequestEnvelope): RequestEnvelope => {
    event.request.locale = locale;
    return event;
  };

  it('answers each sentence in the language it was said in, and carries the conversation across', async () => {
    const bone = await send(inLocale('en-US', intentEnvelope('TopicIntent', { site: slot('site', 'SiteType', 'bone', 'bone') })));
    expect(bone.speech.startsWith(contentFor('en-US').entry({ kind: 'topic', site: 'bone', aspect: 'whatIs' }).answer)).toBe(true);
    // "Sí" to the offer made in English: the more of the same answer, now in Spanish.
    const more = await send(inLocale('es-US', intentEnvelope('AMAZON.YesIntent', {}, bone.attributes)));
    expect(more.speech.startsWith(contentFor('es-US').entry({ kind: 'topic', site: 'bone', aspect: 'whatIs' }).more ?? '?')).toBe(true);
    // And back: "what are the symptoms" keeps the place, in English.
    const symptoms = await send(
      inLocale('en-US', intentEnvelope('TopicIntent', { aspect: slot('aspect', 'AspectType', 'symptoms', 'symptoms') }, more.attributes)),
    );
    expect(symptoms.speech.startsWith(contentFor('en-US').entry({ kind: 'topic', site: 'bone', aspect: 'symptoms' }).answer)).toBe(true);
  });

  it('answers a sentence the English model cannot place (a Hindi one on an en-IN speaker) with the English fallback', async () => {
    const heard = await send(inLocale('en-IN', intentEnvelope('AMAZON.FallbackIntent')));
    expect(heard.speech.startsWith(contentFor('en-IN').say('fallback').split('.')[0] ?? '?')).toBe(true);
    expect(heard.ended).toBe(false);
  });
});

describe('phone numbers, as each country says them', () => {
  it('reads a number digit by digit, or a group at a time where the country says it so (numbers.json "readAs")', async () => {
    const crisis = (locale: string) => {
      const event = intentEnvelope('FeelingsIntent', { crisis: slot('crisis', 'CrisisType', "don't want to live", 'crisis') });
      event.request.locale = locale;
      return send(event);
    };
    const australian = (await crisis('en-AU')).raw.response.outputSpeech as { ssml: string };
    expect(australian.ssml).toContain('<say-as interpret-as="cardinal">13</say-as><break time="250ms"/><say-as interpret-as="cardinal">11</say-as>');
    const american = (await crisis('en-US')).raw.response.outputSpeech as { ssml: string };
    expect(american.ssml).toContain('<say-as interpret-as="digits">988</say-as>');
  });
});
