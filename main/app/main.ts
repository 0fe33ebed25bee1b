/**
 * Electron entry point: a thin shell around the core. One instance per user
 * (two would fight over the same database file); the core runs in this
 * process; the renderer is an untrusted page in a sandboxed, context-isolated
 * window whose only way in is the checked IPC handler (ARCHITECTURE §5).
 */
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../core';
import type { Core } from '../core-types';
import { connectIpc } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_URL } from './renderer-page';
import { hardenSession, hardenWebContents } from './security';
import { loadWindowState, trackWindowState, windowBounds } from './window-state';

// Both must happen before 'ready'.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let openWindow: (() => void) | null = null;

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (!mainWindow) {
      openWindow?.();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  start().catch((error: unknown) => fail(error));
} else {
  app.quit();
}

async function start(): Promise<void> {
  await app.whenReady();
  const appDir = app.getAppPath();
  const userData = app.getPath('userData');

  const rendererDir = join(appDir, 'dist-renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error(`The screens are not built (${rendererDir} is missing). Run "npm run build".`);

  hardenSession(session.defaultSession);
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(buildMenu({ packaged: app.isPackaged, platform: process.platform }));

  // db/open.ts reads this; the build copies db/migrations next to the bundle.
  process.env.OUTPOST_MIGRATIONS = join(appDir, 'dist', 'migrations');
  // A clinic's installed app starts at first-run setup; the demo clinic is for development (`npm start`) or when asked for.
  const seedDemo = process.env.OUTPOST_DEMO === '1' || (!app.isPackaged && process.env.OUTPOST_DEMO !== '0');
  const core = await createCore({ dataDir: userData, seedDemo });
  const disconnect = connectIpc(core, () => mainWindow);
  closeCoreOnQuit(core, disconnect);

  const stateFile = join(userData, 'window-state.json');
  const preload = join(appDir, 'dist', 'preload', 'index.cjs');
  openWindow = () => {
    mainWindow = createWindow(stateFile, preload);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function createWindow(stateFile: string, preload: string): BrowserWindow {
  const state = loadWindowState(stateFile);
  const win = new BrowserWindow({
    ...windowBounds(state),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Outpost',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise open it in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
    },
  });
  trackWindowState(win, stateFile);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_URL).catch((error: unknown) => fail(error));
  return win;
}

/** Close the database before the process exits, exactly once. */
function closeCoreOnQuit(core: Core, disconnect: () => void): void {
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    disconnect();
    core
      .close()
      .catch((error: unknown) => console.error('Closing the database failed:', describe(error)))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** Startup failures: tell the person at the desk, then stop. Messages are ours (e.g. a newer-schema database), not PHI. */
function fail(error: unknown): void {
  console.error('Outpost failed to start:', error);
  dialog.showErrorBox('Outpost could not start', describe(error));
  app.exit(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
