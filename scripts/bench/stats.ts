/** Small statistics for `npm run bench`: every figure is a median of runs, every comparison a ratio. */

export const median = (values: readonly number[]): number => percentile(values, 50);

/** The nearest-rank percentile: a value that was measured, never interpolated. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export const ratio = (skill: number, hello: number): number => skill / hello;
