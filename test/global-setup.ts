import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainedNlu } from '../cli/layered-understanding';

const MODELS = join(__dirname, '..', 'skill-package', 'interactionModels', 'custom');

/**
 * `npm start` run by a test keeps its preferences in a folder of the test run, never in the user's.
 * Set here, in jest's own process, so that the workers and the processes they start inherit it.
 *
 * The language model that `npm start` and the conversation tests hear through is trained here, once,
 * before any worker starts: on a fresh clone each worker would otherwise train its own copy inside
 * whichever test first needs it, and that test would run out of time.
 */
export default async function globalSetup(): Promise<void> {
  process.env.SECONDARY_CANCER_GUIDE_DATA_DIR = mkdtempSync(join(tmpdir(), 'secondary-cancer-guide-test-'));
  // The British model is the one the conversation tests talk through; each locale's own test trains its model itself.
  await trainedNlu(join(MODELS, 'en-GB.json'));
}
