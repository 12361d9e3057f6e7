import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, describe as say } from '../scripts/content-check';

const CONTENT = join(__dirname, '..', 'content');
const TODAY = new Date('2026-11-25');

/** A copy of the real content with one thing broken, as a reviewer might break it. */
function broken(file: string, edit: (json: Record<string, any>) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    cpSync(CONTENT, dir, { recursive: true });
    const path = join(dir, 'en-GB', file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
    edit(json);
    writeFileSync(path, JSON.stringify(json));
    return checkContent(dir, TODAY).map(say);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the content check a clinical reviewer runs', () => {
  it('passes the content as it is', () => {
    expect(checkContent(CONTENT, TODAY).map(say)).toEqual([]);
  });

  it('names a missing answer by file and key', () => {
    expect(broken('topics.json', (j) => delete j.bone.symptoms)).toContain('content/en-GB/topics.json bone.symptoms: missing: the skill needs this answer');
  });

  it('names an empty answer', () => {
    expect(broken('terms.json', (j) => (j.advanced.answer = ' '))).toContain('content/en-GB/terms.json advanced: "answer" is missing or empty');
  });

  it('counts the words of an answer over the budget', () => {
    const long = Array.from({ length: 71 }, () => 'word').join(' ');
    expect(broken('topics.json', (j) => (j.liver.treatment.answer = `${long}.`))).toContain(
      'content/en-GB/topics.json liver.treatment: answer 71 words (max 60)',
    );
  });

  it('rejects a placeholder the code does not fill', () => {
    expect(broken('prompts.json', (j) => (j.helpAboutSite = 'We are talking about {{site}}. What would you like?'))).toContain(
      'content/en-GB/prompts.json helpAboutSite: unknown placeholder {{site}} (allowed: name)',
    );
  });

  it('rejects a topic without a source, or citing one that is not listed', () => {
    expect(broken('topics.json', (j) => (j.brain.cure.sources = []))).toContain(
      'content/en-GB/topics.json brain.cure: has no source: list at least one id from sources.json',
    );
    expect(broken('topics.json', (j) => (j.brain.cure.sources = ['my-aunt']))).toContain(
      'content/en-GB/topics.json brain.cure: cites "my-aunt", which is not in sources.json',
    );
  });

  it('asks for a fresh review when an entry was last checked more than three years ago', () => {
    expect(broken('topics.json', (j) => (j.lung.whatIs.reviewed = '2022-01-10'))).toContain(
      'content/en-GB/topics.json lung.whatIs: reviewed 2022-01-10: more than 3 years ago, check it against its sources again',
    );
  });

  it('refuses a phone number that is not verified', () => {
    const problems = broken('topics.json', (j) => (j.general.seeDoctor.answer = 'Call 0800 123 4567 for help.'));
    expect(problems).toContain(
      'content/en-GB/topics.json general.seeDoctor: answer has a number that is not a verified number in numbers.json: spell other numbers as words',
    );
  });

  it('refuses a list of more than three in one breath', () => {
    const problems = broken('topics.json', (j) => (j.lung.symptoms.answer = 'It can cause a cough, breathlessness, pain, tiredness and weight loss.'));
    expect(problems.some((p) => p.startsWith('content/en-GB/topics.json lung.symptoms: answer lists more than three things in one breath'))).toBe(true);
  });

  it('reports a file that is not valid JSON instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    cpSync(CONTENT, dir, { recursive: true });
    writeFileSync(join(dir, 'en-GB', 'terms.json'), '{ "advanced": ');
    const problems = checkContent(dir, TODAY).map(say);
    rmSync(dir, { recursive: true, force: true });
    expect(problems.some((p) => p.startsWith('content/en-GB/terms.json (file): is not valid JSON'))).toBe(true);
  });
});
