import { isTrained, trainedNlu } from './layered-understanding';

/**
 * `node dist/tools/train-models.js <model.json>…`: trains nlp.js on each interaction model not yet
 * trained, and keeps it in the project's cache, one after another. The tests start two of these at
 * once, one per core, before any test runs.
 */
async function main(): Promise<void> {
  for (const model of process.argv.slice(2)) if (!isTrained(model)) await trainedNlu(model);
}

void main().catch((error: unknown) => {
  process.stderr.write(`training failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
