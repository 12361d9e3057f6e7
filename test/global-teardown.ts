import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.SECONDARY_CANCER_GUIDE_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
