import { logger } from '../../lambda/observability/logger';

/** What the skill logged while `run` ran (at INFO, as in production), as written. */
export async function logsDuring(run: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const keep = (chunk: unknown) => written.push(String(chunk)) > 0;
  const streams = [jest.spyOn(process.stdout, 'write').mockImplementation(keep), jest.spyOn(process.stderr, 'write').mockImplementation(keep)];
  logger.setLogLevel('INFO');
  try {
    await run();
    return written.join('');
  } finally {
    logger.setLogLevel('SILENT');
    for (const stream of streams) stream.mockRestore();
  }
}

/** The JSON lines of a log, parsed. */
export const logLines = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
