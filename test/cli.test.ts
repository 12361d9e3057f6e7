import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_TEST_TIMEOUT_MS, runCli } from './helpers/cli';
import { answerOf, sayOf } from './helpers/content';

describe('npm start', () => {
  // Each test keeps its preferences in a folder of its own, so no two runs ever share a store.
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'secondary-cancer-guide-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = async (args: string[], input?: string): Promise<string> => {
    const result = await runCli(args, { input, env: { ...process.env, SECONDARY_CANCER_GUIDE_DATA_DIR: dataDir, PREFERENCES_TABLE: '' } });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    return result.stdout;
  };

  it(
    'answers one sentence given on the command line and exits',
    async () => {
      const out = await run(['what is secondary bone cancer']);
      expect(out).toContain('You:   what is secondary bone cancer');
      expect(out).toContain(`Alexa: ${answerOf('bone.whatIs')}`);
      expect(out).toContain('(if you say nothing:');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'holds a conversation typed line by line, and treats an empty line as silence: the reprompt, never the fallback',
    async () => {
      const out = await run([], 'open secondary cancer guide\n\nlung mets\nyes\nstop\n');
      expect(out).toMatch(/Alexa: Welcome to the secondary cancer guide/);
      expect(out).toContain(`(you said nothing)\nAlexa: ${sayOf('welcomeReprompt')}`);
      expect(out).not.toMatch(/Alexa: Sorry, I can't help with that/);
      expect(out).toContain(answerOf('lung.whatIs'));
      expect(out).toContain(answerOf('lung.symptoms'));
      expect(out).toMatch(/Goodbye\.\n\s+\(the skill has closed\)/);
      expect(out).not.toMatch(/end-of-support|Error/);
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    '--help explains every option, including --locale and --debug, and talks to no skill',
    async () => {
      const out = await run(['--help']);
      for (const option of ['--debug', '--locale ', '--nlu', '--help']) expect(out).toContain(option);
      expect(out).toMatch(/empty line/);
      expect(out).not.toContain('Alexa:');
    },
    CLI_TEST_TIMEOUT_MS,
  );

  it(
    'shows a change of speaking speed, which the words alone cannot show',
    async () => {
      const out = await run([], 'open secondary cancer guide\nspeak slower\nnormal speed\nstop\n');
      expect(out).toMatch(/You: {3}speak slower\nAlexa: [^\n]+\n.*\n\s+\(speaking slower: 80% from now on\)/);
      expect(out).toMatch(/You: {3}normal speed\nAlexa: [^\n]+\n.*\n\s+\(speaking at the usual speed from now on\)/);
    },
    CLI_TEST_TIMEOUT_MS,
  );
});
