/**
 * chart.open "painted": the clinical summary of chart.open's patient painted
 * in Debian's Chromium, served as main/server.ts serves it (the core, the
 * HTTP transport and a renderer build, chart-server.ts, in a process of its
 * own, without sync) over an online backup of the bench's working copy, so
 * neither the bench's own core nor the browser driver shares its event loop.
 *
 * Each open starts from a reloaded page (nothing of the chart cached in the
 * renderer; the session survives the reload), finds the patient by MRN in the
 * header's "Find patient" box and shows the patient record; the clock starts
 * when "Open chart" is clicked (performance.now() in the page) and stops at
 * the first task after the animation frame that follows the moment the
 * summary is complete: nothing in the chart still loading, and the allergies,
 * active problems, current medications, vital-sign tiles with their trend
 * sparklines, lab trends with theirs, and the attachments list all rendered
 * with at least one entry. The renderer is built for the run (the current
 * source, never a stale or half-emptied dist-renderer). A missing Chromium
 * or a renderer that does not build skips the figure with a note on stderr;
 * it never fails the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import type { BenchContext } from './context';
import { emit, latency, note, type Figures } from './stats';

const WARMUP = 3;
const OPENS = 20;
const repoRoot = join(import.meta.dirname, '..', '..');
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

/**
 * A renderer build of its own, in `dir`: the shared dist-renderer may be
 * stale, or emptied by someone's build halfway through the run. Null (with
 * the reason on stderr) when it does not build.
 */
function rendererBuild(dir: string): string | null {
  const outDir = join(dir, 'renderer');
  note('chart.open painted: building the renderer (npx vite build)');
  // Its output is progress, not figures: stderr.
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: ['ignore', 2, 2],
  });
  if (build.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    note('chart.open painted: skipped, the renderer did not build; run `npx vite build` to see why');
    return null;
  }
  return outDir;
}

export async function paintedChartOpen(context: BenchContext, patientId: string, size: Figures): Promise<void> {
  if (!existsSync(chromiumPath)) {
    note(`chart.open painted: skipped, no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'outpost-bench-paint-'));
  const { mrn } = context.store.db.get<{ mrn: string }>(sql`SELECT mrn FROM patients WHERE id = ${patientId}`);
  let server: Server | null = null;
  let browser: Browser | null = null;
  let page: Page | null = null;
  try {
    const staticDir = rendererBuild(dir);
    if (!staticDir) return;
    server = await startServer(context, dir, staticDir);
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles this file keeping function names through an `__name` helper that the page lacks.
    await page.addInitScript('globalThis.__name = (target) => target');
    await page.goto(server.url);
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
    const screen = join(tmpdir(), 'outpost-bench-chart-failure.png');
    if (page) await page.screenshot({ path: screen }).catch(() => undefined);
    note(`chart.open painted: skipped, ${error instanceof Error ? error.message : String(error)} (the page as it was: ${screen})`);
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** chart-server.ts (main/server.ts without sync) on a backup of the working copy, consistent while the bench's core keeps it open. */
async function startServer(context: BenchContext, dir: string, staticDir: string): Promise<Server> {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  await context.store.sqlite.backup(join(dataDir, 'outpost.db'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'chart-server.ts'), dataDir, staticDir], {
    cwd: repoRoot,
    // Its stdout is read for the address; its diagnostics join ours on stderr.
    stdio: ['ignore', 'pipe', 2],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = child.stdout;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string | null>((resolve) => {
    if (!output) return resolve(null);
    const timer = setTimeout(() => resolve(null), 120_000);
    void exited.then(() => resolve(null));
    createInterface({ input: output }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line.startsWith('http://127.0.0.1:') ? line : null);
    });
  });
  if (!url) {
    await stop();
    throw new Error('the server (chart-server.ts) did not start within 2 minutes');
  }
  return { url, stop };
}

/** Signed in as the demo physician, signing in again if the session did not survive. */
async function signedIn(page: Page): Promise<void> {
  const main = page.getByRole('navigation', { name: 'Main' });
  const signIn = page.getByRole('button', { name: 'Sign in' });
  await main.or(signIn).waitFor();
  if (await main.isVisible()) return;
  await page.getByLabel('User name').fill('physician');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await signIn.click();
  await main.waitFor();
}

/** One open from a reloaded page: the patient record is showing when the clock starts. */
async function openChart(page: Page, mrn: string): Promise<number> {
  await page.reload();
  await signedIn(page);
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
