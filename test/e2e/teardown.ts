/** Removes the temporary data folders of the e2e servers (tens of MB per run). */
import { rmSync } from 'node:fs';

export default function teardown(): void {
  const dir = process.env.OUTPOST_E2E_DATA;
  if (dir && process.env.OUTPOST_E2E_DATA_OWNED === '1') rmSync(dir, { recursive: true, force: true });
}
