/**
 * e2e: the real renderer build in Debian's Chromium against the real core over
 * the loopback transport. Four servers: an empty workstation (first-run
 * setup), one with the demo clinic (syncing through the folder
 * <data>/demo/cloud), a second empty one that joins the demo clinic from
 * that folder through its setup screen, and a third ("peer") that joins it by
 * itself at start. Never downloads a browser.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_TOKEN = 'e2e-token';
const DEMO_PORT = Number(process.env.OUTPOST_E2E_DEMO_PORT ?? 4901);
const EMPTY_PORT = Number(process.env.OUTPOST_E2E_EMPTY_PORT ?? 4902);
const JOIN_PORT = Number(process.env.OUTPOST_E2E_JOIN_PORT ?? 4903);
/** A second workstation of the demo clinic, joined at start from the demo's cloud folder (conflicts.spec.ts). */
const PEER_PORT = Number(process.env.OUTPOST_E2E_PEER_PORT ?? 4904);
/** Data folder names under OUTPOST_E2E_DATA (sync.spec.ts reads the demo's cloud folder from it). */
export const E2E_DIRS = { demo: 'demo', empty: 'empty', join: 'join', peer: 'peer' } as const;
/** Sync every second on the two workstations that sync in the background, so tests wait for seconds, not polls. */
const QUICK_SYNC = { OUTPOST_SYNC_POLL_MS: '1000' };
if (!process.env.OUTPOST_E2E_DATA) {
  process.env.OUTPOST_E2E_DATA = mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
  // Ours to remove after the run (see teardown.ts); a folder given by the caller is left alone.
  process.env.OUTPOST_E2E_DATA_OWNED = '1';
}
const dataRoot = process.env.OUTPOST_E2E_DATA;

function server(port: number, demo: boolean, dir: string, env: Record<string, string> = {}) {
  return {
    command: 'npx tsx main/server.ts',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      OUTPOST_DATA_DIR: join(dataRoot, dir),
      OUTPOST_PORT: String(port),
      OUTPOST_TOKEN: E2E_TOKEN,
      OUTPOST_DEMO: demo ? '1' : '0',
      // Cheaper password hashing for test speed; the stored hash records its parameters.
      OUTPOST_SCRYPT_LOG2N: '12',
      ...env,
    },
  };
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry on CI only: a test that passes on retry is reported as flaky in the list, not hidden; locally, none.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalTeardown: './test/e2e/teardown.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Tokyo',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'setup', testMatch: /first-run\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${EMPTY_PORT}` } },
    { name: 'demo', testIgnore: /first-run\.spec\.ts/, grepInvert: /@join/, use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
    // Tests tagged @join start on the empty workstation that joins the demo clinic.
    { name: 'join', testMatch: /sync\.spec\.ts/, grep: /@join/, use: { baseURL: `http://127.0.0.1:${JOIN_PORT}` } },
  ],
  webServer: [
    server(DEMO_PORT, true, E2E_DIRS.demo, QUICK_SYNC),
    server(EMPTY_PORT, false, E2E_DIRS.empty),
    // No sync of its own and no automatic join: the test joins through the setup screen.
    server(JOIN_PORT, false, E2E_DIRS.join, { OUTPOST_SYNC: '0' }),
    // Empty, pointed at the demo's cloud folder: joins the demo clinic by itself at start (started after the demo, so the clinic is there).
    server(PEER_PORT, false, E2E_DIRS.peer, {
      ...QUICK_SYNC,
      OUTPOST_SYNC_DIR: join(dataRoot, E2E_DIRS.demo, 'cloud'),
      OUTPOST_SYNC_PASSPHRASE: 'outpost demo passphrase',
    }),
  ],
});
