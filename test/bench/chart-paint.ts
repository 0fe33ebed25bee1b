/**
 * chart.open "painted": the clinical summary of chart.open's patient painted
 * in Debian's Chromium, against the bench's own core served over the real
 * HTTP transport with the renderer build (as main/server.ts serves it).
 *
 * Each open starts from a reloaded page (nothing of the chart cached in the
 * renderer; the session survives the reload), finds the patient by MRN in the
 * header's "Find patient" box and shows the patient record; the clock starts
 * when "Open chart" is clicked (performance.now() in the page) and stops at
 * the first task after the animation frame that follows the moment the
 * summary is complete: nothing in the chart still loading, and the allergies,
 * active problems, current medications, vital-sign tiles with their trend
 * sparklines, lab trends with theirs, and the attachments list all rendered
 * with at least one entry. A missing Chromium or renderer build skips the
 * figure with a note on stderr; it never fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { startHttpTransport } from '../../main/transports/http';
import type { BenchContext } from './context';
import { emit, latency, note, type Figures } from './stats';

const WARMUP = 3;
const OPENS = 20;
const repoRoot = join(import.meta.dirname, '..', '..');
const rendererDir = join(repoRoot, 'dist-renderer');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of playwright.config.ts (headless Debian Chromium without a GPU or background traffic). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The renderer build, built first when absent; null (with the reason on stderr) when it cannot be had. */
function rendererBuild(): string | null {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    note('chart.open painted: no renderer build in dist-renderer; building it (npx vite build)');
    // Its output is progress, not figures: stderr.
    const build = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    if (build.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
      note('chart.open painted: skipped, the renderer did not build; run `npx vite build` and see its errors');
      return null;
    }
  }
  return rendererDir;
}

export async function paintedChartOpen(context: BenchContext, patientId: string, size: Figures): Promise<void> {
  if (!existsSync(chromiumPath)) {
    note(`chart.open painted: skipped, no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const staticDir = rendererBuild();
  if (!staticDir) return;
  const { mrn } = context.store.db.get<{ mrn: string }>(sql`SELECT mrn FROM patients WHERE id = ${patientId}`);
  const http = await startHttpTransport({ core: context.core, staticDir, port: 0 });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles this file keeping function names through an `__name` helper that the page lacks.
    await page.addInitScript('globalThis.__name = (target) => target');
    await page.goto(http.url);
    await page.getByLabel('User name').fill('physician');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + OPENS; i++) {
      const ms = await openChart(page, mrn);
      if (i >= WARMUP) samples.push(ms);
    }
    const screen = join(tmpdir(), 'outpost-bench-chart-summary.png');
    await page.screenshot({ path: screen, fullPage: true });
    note(`chart.open painted: the last summary painted is in ${screen}`);
    emit({ bench: 'chart.open', variant: 'painted', ...size, opens: OPENS, warmup: WARMUP, ...latency(samples) });
  } catch (error) {
    note(`chart.open painted: skipped, ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close();
    await http.close();
  }
}

/** One open from a reloaded page: the patient record is showing when the clock starts. */
async function openChart(page: Page, mrn: string): Promise<number> {
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('combobox', { name: 'Find patient' }).fill(mrn);
  await page
    .getByRole('option', { name: /, born/ })
    .first()
    .waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Open chart' }).waitFor();
  return page.evaluate(measurePaint);
}

/** Runs in the page: clicks "Open chart" and resolves with the milliseconds until the complete summary is painted. */
function measurePaint(): Promise<number> {
  const content = [
    'ul[aria-label="Allergies"] li',
    'ul[aria-label="Active problems"] li',
    'ul[aria-label="Current medications"] li',
    'ul[aria-label="Latest vital signs"] .clinical-vital__spark svg',
    'ul[aria-label="Lab trends"] .clinical-vital__spark svg',
    'ul[aria-label="Attachments"] li',
  ];
  const complete = () => {
    const chart = document.querySelector('.chart');
    const summary = chart?.querySelector('.clinical-summary');
    if (!chart || !summary || chart.querySelector('.loading')) return false;
    return content.every((selector) => (summary.querySelector(selector)?.getClientRects().length ?? 0) > 0);
  };
  return new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Open chart');
    if (!button) {
      reject(new Error('no "Open chart" button on the patient record'));
      return;
    }
    let done = false;
    const observer = new MutationObserver(() => check());
    const start = performance.now();
    const check = () => {
      if (done || !complete()) return;
      done = true;
      observer.disconnect();
      // The frame that shows it, then the first task after that frame was painted.
      requestAnimationFrame(() => {
        const after = new MessageChannel();
        after.port1.onmessage = () => resolve(performance.now() - start);
        after.port2.postMessage(null);
      });
    };
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    button.click();
    check();
    setTimeout(() => {
      if (done) return;
      observer.disconnect();
      reject(new Error('the summary was not complete within 20 s (see the selectors in chart-paint.ts)'));
    }, 20_000);
  });
}
