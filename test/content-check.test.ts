import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkContent, describe as say } from '../scripts/content-check';
import { fingerprint } from '../scripts/source-fingerprint';

const CONTENT = join(__dirname, '..', 'content');
const TODAY = new Date('2026-12-04');

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

  it('holds a whole turn (answer, its longest reminder and offer) to 75 words, and each offer to one short question', () => {
    const long = Array.from({ length: 58 }, () => 'word').join(' ');
    const withAnswer = (answer: string) => (j: Record<string, any>) => {
      const entry = (j.liver as Record<string, Record<string, unknown>>).treatment ?? {};
      entry.answer = answer;
      delete entry.more;
      delete entry.moreOffer;
    };
    expect(broken('topics.json', withAnswer(`${long}.`))).toContain(
      'content/en-GB/topics.json liver.treatment.answer: a turn with it runs 79 words (answer 58, reminder 9, offer 12; max 75): shorten it, or move a sentence to "more"',
    );
    // Naming the team in the answer is the reminder: none is added after it, so the turn is shorter.
    expect(broken('topics.json', withAnswer(`${long} Ask your care team.`)).filter((p) => p.includes('a turn with it'))).toEqual([]);
    expect(broken('prompts.json', (j) => (j.offer.symptoms = 'Would you like to hear about the many symptoms that it can cause for people?'))).toContain(
      'content/en-GB/prompts.json offer.symptoms: offer is 15 words (max 12): one short question',
    );
    expect(broken('prompts.json', (j) => (j.reminders_carer = ['Look after yourself too.', 'Rest when you can.']))).toContain(
      'content/en-GB/prompts.json reminders_carer[0]: does not name the care team in words listed in careTeam, so the skill cannot tell it is a reminder',
    );
  });

  it('holds the notes about the cancer it started as to their sources, the places the skill knows and the turn budget', () => {
    expect(broken('primaries.json', (j) => (j.cancers.kidney.sources = []))).toContain(
      'content/en-GB/primaries.json cancers.kidney: has no source: list at least one id from sources.json',
    );
    expect(broken('primaries.json', (j) => (j.cancers.kidney.spreadsTo = ['kidneys']))).toContain(
      'content/en-GB/primaries.json cancers.kidney: "spreadsTo" should list places the skill knows (general, liver, bone, lung, brain, lymphNodes, breast), or be empty',
    );
    // The locales that take the note from en-GB are told too: each hears it.
    expect(
      broken('primaries.json', (j) => (j.often = `${j.often as string} It is very common and many people have it, and doctors know a lot about it.`)).filter(
        (p) => p.startsWith('content/en-GB/'),
      ),
    ).toEqual([expect.stringMatching(/^content\/en-GB\/primaries\.json often: a turn with it runs \d+ words \(max 75\): shorten it$/)]);
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

  it('asks for a fresh check when an entry was written more than three years ago', () => {
    expect(broken('topics.json', (j) => (j.lung.whatIs.written = '2022-01-10'))).toContain(
      'content/en-GB/topics.json lung.whatIs: written 2022-01-10: more than 3 years ago, check it against its sources again',
    );
  });

  it('accepts a clinical sign-off only with a role and a date, never before the text it signs', () => {
    expect(broken('topics.json', (j) => (j.lung.whatIs.signOff = { role: 'an oncology nurse specialist', date: '2026-12-02' }))).toEqual([]);
    expect(broken('topics.json', (j) => (j.lung.whatIs.signOff = { date: '2026-12-01' }))).toContain(
      'content/en-GB/topics.json lung.whatIs: "signOff" needs the reviewer\'s "role" (e.g. "an oncology clinical nurse specialist") and the "date" it happened',
    );
    expect(broken('topics.json', (j) => (j.bone.symptoms.signOff = { role: 'oncologist', date: '2026-11-01' }))).toContain(
      'content/en-GB/topics.json bone.symptoms: signed off before it was last written: review the new text',
    );
  });

  it('finds eight words in a row copied from the source page, from the fingerprint the repository keeps', () => {
    const page = 'Cancer cells can sometimes travel through the blood to settle in a far away organ.';
    const dir = mkdtempSync(join(tmpdir(), 'content-'));
    try {
      cpSync(CONTENT, dir, { recursive: true });
      writeFileSync(join(dir, 'source-fingerprint.json'), JSON.stringify({ runs: fingerprint(page) }));
      expect(checkContent(dir, TODAY).map(say)).toEqual([]);
      const path = join(dir, 'en-GB', 'terms.json');
      const terms = JSON.parse(readFileSync(path, 'utf8')) as Record<string, { answer: string }>;
      terms.metastasis = { ...terms.metastasis, answer: 'Cancer cells can sometimes travel through the blood, doctors say.' };
      writeFileSync(path, JSON.stringify(terms));
      expect(checkContent(dir, TODAY).map(say)).toContain(
        'content/en-GB/terms.json metastasis.answer: repeats the source page word for word: "cancer cells can sometimes travel through the blood": say it in your own words',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('one rule per warning sign (triage.json)', () => {
    it('fails on a planted contradiction: back pain allowed to wait a week or two', () => {
      const problems = broken(
        'topics.json',
        (j) => (j.bone.symptoms.more = 'Back pain may get worse even when resting. Tell your team about it if it lasts a week or two.'),
      );
      expect(problems).toContain(
        'content/en-GB/topics.json bone.symptoms.more: names the warning sign "backPain" but gives no action as urgent as its own (sameDay: say "today" or "same day"), as triage.json requires',
      );
      expect(problems.some((p) => p.startsWith('content/en-GB/topics.json bone.symptoms.more: puts off the warning sign "backPain" ("a week or two")'))).toBe(
        true,
      );
    });

    it('fails when a topic answer gives a fit a weaker action than 999', () => {
      expect(broken('topics.json', (j) => (j.brain.symptoms.answer = 'Some people have fits. Tell your team about them.'))).toContain(
        'content/en-GB/topics.json brain.symptoms.answer: names the warning sign "seizure" but gives no action as urgent as its own (emergency: say "999" or "{{emergency}}"), as triage.json requires',
      );
      expect(broken('topics.json', (j) => (j.brain.symptoms.answer = 'Some people have fits. If a fit does not stop, call 999.'))).toContain(
        'content/en-GB/topics.json brain.symptoms.answer: puts off the warning sign "seizure" ("does not stop") in: "If a fit does not stop, call 999."',
      );
    });

    it('fails when an urgent answer does not give the action its rule sets', () => {
      expect(broken('triage.json', (j) => (j.signs.jaundice.action = 'emergency'))).toContain(
        'content/en-GB/safety.json urgent.jaundice: does not give the action triage.json sets for "jaundice" (emergency: say "999" or "{{emergency}}")',
      );
    });

    it('needs a rule for every sign the skill hears', () => {
      expect(broken('triage.json', (j) => delete j.signs.calf)).toContain(
        'content/en-GB/triage.json signs.calf: missing: every warning sign the skill hears needs its rule',
      );
    });
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

/** A copy of the real content with locales added: `files` maps a path under content/ to its JSON. */
function withLocales(locales: Record<string, unknown>, files: Record<string, unknown>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  try {
    cpSync(CONTENT, dir, { recursive: true });
    const table = JSON.parse(readFileSync(join(dir, 'locales.json'), 'utf8')) as { locales: Record<string, unknown> };
    writeFileSync(join(dir, 'locales.json'), JSON.stringify({ ...table, locales: { ...table.locales, ...locales } }));
    for (const [path, json] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), JSON.stringify(json));
    }
    return checkContent(dir, TODAY).map(say);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ownFolder = (locale: string): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(join(CONTENT, 'en-GB')).map((file) => [`${locale}/${file}`, JSON.parse(readFileSync(join(CONTENT, 'en-GB', file), 'utf8')) as unknown]),
  );

describe('the content check, across locales', () => {
  it('tells a locale that falls back to British English every UK service and number it would still say', () => {
    const problems = withLocales(
      { 'en-ZA': { fallback: ['en-GB'], spelling: 'british', neverSay: ['999', '111', 'A&E', 'Macmillan'] } },
      {
        'en-ZA/numbers.json': { emergency: { name: 'Triple Zero', number: '000', when: 'an emergency', verified: true, sources: ['qld-000'] } },
        'en-ZA/sources.json': {
          'qld-000': { name: 'Queensland Government: Triple Zero', url: 'https://www.qld.gov.au/emergency/emergencies-services/assistance/triple-000' },
        },
      },
    );
    // The numbers are its own, never inherited: a UK number the text still names by placeholder is unknown here.
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en-ZA\/safety\.json urgent\.\w+: answer unknown placeholder \{\{nhs111\}\}/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en-ZA\/prompts\.json \S+: says "999", which is another country's/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/en-ZA\/topics\.json \S+: says "A&E", which is another country's/));
    expect(problems.filter((p) => p.startsWith('content/en-GB/'))).toEqual([]);
  });

  it('finds British spelling in American English content, and American in British', () => {
    const american = withLocales({ 'en-US': { fallback: [], spelling: 'american' } }, ownFolder('en-US'));
    expect(american).toContainEqual(expect.stringMatching(/^content\/en-US\/topics\.json \S+: spells "tumour": this locale writes "tumor…"/));

    const british = broken('terms.json', (terms) => {
      terms.tumour.answer = 'A tumor is a lump of cells.';
    });
    expect(british).toContain('content/en-GB/terms.json tumour.answer: spells "tumor": this locale writes "tumour…" (content/spelling.json)');
  });

  it('keeps the table of locales and the folders in step', () => {
    expect(withLocales({ 'en-NZ': { fallback: ['en-ZZ'] } }, {})).toEqual(
      expect.arrayContaining([
        'content/locales.json en-NZ: is listed but has no folder content/en-NZ/',
        'content/locales.json en-NZ: falls back to "en-ZZ", which is not listed',
      ]),
    );
    expect(withLocales({}, { 'en-IE/numbers.json': {} })).toContain(
      'content/locales.json en-IE: has a folder under content/ but is not listed: the skill would never say it',
    );
  });
});
