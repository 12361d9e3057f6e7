import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { answerOf } from './helpers/content';

/** `npm start` itself: the built terminal conversation driving the built Lambda bundle (npm test builds first). */
const cli = join(__dirname, '..', 'dist', 'tools', 'cli.js');
const run = (args: string[], input?: string): string =>
  execFileSync(process.execPath, [cli, ...args], { input: input ?? '', encoding: 'utf8', timeout: 30_000 });

describe('npm start', () => {
  it('answers one sentence given on the command line and exits', () => {
    const out = run(['what is secondary bone cancer']);
    expect(out).toContain('You:   what is secondary bone cancer');
    expect(out).toContain(`Alexa: ${answerOf('bone.whatIs')}`);
    expect(out).toContain('(if you say nothing:');
  });

  it('holds a conversation typed line by line, and treats an empty line as the fallback', () => {
    const out = run([], 'open secondary cancer guide\n\nlung mets\nyes\nstop\n');
    expect(out).toMatch(/Alexa: Welcome to the secondary cancer guide/);
    expect(out).toMatch(/Alexa: Sorry, I can't help with that/);
    expect(out).toContain(answerOf('lung.whatIs'));
    expect(out).toContain(answerOf('lung.symptoms'));
    expect(out).toMatch(/Goodbye\.\n\s+\(the skill has closed\)/);
    expect(out).not.toMatch(/end-of-support|Error/);
  });
});
