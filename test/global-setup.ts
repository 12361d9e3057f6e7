import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { isTrained, trainedNlu } from '../cli/layered-understanding';

const ROOT = join(__dirname, '..');
const MODELS = join(ROOT, 'skill-package', 'interactionModels', 'custom');
const TRAINER = join(ROOT, 'dist', 'tools', 'train-models.js');
/** One trainer per core of the machines the tests run on (two). */
const TRAINERS = 2;

/**
 * `npm start` run by a test keeps its preferences in a folder of the test run, never in the user's.
 * Set here, in jest's own process, so that the workers and the processes they start inherit it.
 *
 * The language models the conversation and phrasing tests hear through are trained here, once, before
 * any worker starts, each locale's kept in node_modules/.cache: on a fresh clone a test would otherwise
 * train its own inside its time limit. Two trainers run at once, one per core; without a build (jest
 * run on its own) the British model, which most tests use, is trained in this process.
 */
export default async function globalSetup(): Promise<void> {
  process.env.SECONDARY_CANCER_GUIDE_DATA_DIR = mkdtempSync(join(tmpdir(), 'secondary-cancer-guide-test-'));
  const untrained = readdirSync(MODELS)
    .filter((file) => file.endsWith('.json'))
    .map((file) => join(MODELS, file))
    .filter((model) => !isTrained(model));
  if (untrained.length === 0) return;
  if (!existsSync(TRAINER)) {
    await trainedNlu(join(MODELS, 'en-GB.json'));
    return;
  }
  const shares = Array.from({ length: TRAINERS }, (_, i) => untrained.filter((_model, j) => j % TRAINERS === i)).filter((share) => share.length > 0);
  await Promise.all(shares.map((share) => promisify(execFile)(process.execPath, [TRAINER, ...share], { maxBuffer: 1024 * 1024 })));
}
