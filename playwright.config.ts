/**
 * e2e: the real renderer build in Debian's Chromium against the real core over
 * the loopback transport. Two servers: an empty workstation (first-run setup)
 * and one with the demo clinic. Never downloads a browser.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const E2E_TOKEN = 'e2e-token';
const DEMO_PORT = Number(process.env.OUTPOST_E2E_DEMO_PORT ?? 4901);
const EMPTY_PORT = Number(process.env.OUTPOST_E2E_EMPTY_PORT ?? 4902);
if (!process.env.OUTPOST_E2E_DATA) {
  process.env.OUTPOST_E2E_DATA = mkdtempSync(join(tmpdir(), 'outpost-e2e-'));
  // Ours to remove after the run (see teardown.ts); a folder given by the caller is left alone.
  process.env.OUTPOST_E2E_DATA_OWNED = '1';
}
const dataRoot = process.env.OUTPOST_E2E_DATA;

function server(port: number, demo: boolean, dir: string) {
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
    },
  };
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
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
    { name: 'demo', testIgnore: /first-run\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
  ],
  webServer: [server(DEMO_PORT, true, 'demo'), server(EMPTY_PORT, false, 'empty')],
});
