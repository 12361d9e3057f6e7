import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The parts of a V8 CPU profile (`node --cpu-prof`) this summary reads. */
interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number } }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * The functions that took the most time of their own in the profile(s) `node --cpu-prof` wrote to
 * `dir`, with the share of all samples: where a cold start or the warm loop spends its time.
 */
export function topSelfTime(dir: string, root: string, count = 15): string[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    profile.samples.forEach((id, i) => {
      const frame = frames.get(id);
      const delta = profile.timeDeltas[i] ?? 0;
      if (!frame) return;
      const where = frame.url.startsWith('file://') ? relative(root, frame.url.slice('file://'.length)) : frame.url || '(native)';
      const key = `${frame.functionName || '(anonymous)'}  ${where}${frame.lineNumber >= 0 ? `:${frame.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + delta);
      total += delta;
    });
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`);
}
