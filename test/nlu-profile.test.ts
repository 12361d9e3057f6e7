import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { v1 } from 'ask-smapi-model';
import { formatProfile, matchFromProfile } from '../cli/nlu-profile';

const ROOT = join(__dirname, '..');
const RECORDED = join(__dirname, 'fixtures', 'profile-nlu.json');
const recorded = JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, v1.skill.evaluations.ProfileNluResponse>;

/** `npm run nlu:profile` scores the held-out sets with Alexa's own model; offline, on recorded SMAPI responses. */
describe('npm run nlu:profile, on recorded utterance-profiler responses', () => {
  it('sends what Alexa selected, with each slot as the value it resolved to', () => {
    expect(matchFromProfile(recorded['symptoms of liver secondaries'] ?? {})).toEqual({
      intent: 'TopicIntent',
      slots: { site: 'secondary liver cancer', aspect: 'symptoms' },
      how: 'nlu',
    });
    expect(matchFromProfile(recorded["help my dad can't breathe properly"] ?? {}).slots).toEqual({ sign: "can't breathe" });
    expect(matchFromProfile({}).intent).toBe('AMAZON.FallbackIntent');
  });

  it('prints each set, then each group worst first', () => {
    expect(
      formatProfile([
        { set: 'fresh', group: 'emergency', right: 30, of: 36 },
        { set: 'fresh', group: 'liver.symptoms', right: 10, of: 10 },
      ]),
    ).toBe(
      ["fresh:  87% (40 of 46) reach the right answer through Alexa's model", '   83%  emergency (30 of 36)', '  100%  liver.symptoms (10 of 10)'].join('\n'),
    );
  });

  it('runs end to end on the built tool, judging what the listener would hear', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'dist', 'tools', 'nlu-profile.js'), '--recorded', RECORDED], { encoding: 'utf8' });
    expect(out).toContain("topics (tuned on): 100% (2 of 2) reach the right answer through Alexa's model");
    expect(out).toContain("safety, first (tuned on): 100% (1 of 1) reach the right answer through Alexa's model");
    expect(out).toContain('  100%  emergency (1 of 1)');
  });

  it('says what it needs when there is no skill id or ASK CLI', () => {
    let message = '';
    try {
      execFileSync(process.execPath, [join(ROOT, 'dist', 'tools', 'nlu-profile.js')], {
        encoding: 'utf8',
        env: { ...process.env, SKILL_ID: '' },
        stdio: 'pipe',
      });
    } catch (error) {
      message = String((error as { stderr?: string }).stderr);
    }
    expect(message).toMatch(/needs SKILL_ID and the ASK CLI/);
  });
});
