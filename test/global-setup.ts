import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` run by a test keeps its preferences in a folder of the test run, never in the user's.
 * Set here, in jest's own process, so that the workers and the processes they start inherit it.
 */
export default function globalSetup(): void {
  process.env.SECONDARY_CANCER_GUIDE_DATA_DIR = mkdtempSync(join(tmpdir(), 'secondary-cancer-guide-test-'));
}
