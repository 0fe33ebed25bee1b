/**
 * Remembers the main window's size and place in a small JSON file in userData.
 * Policy: the file is a convenience, never trusted — anything unreadable,
 * malformed, or off every current display falls back to a centred default.
 */
import type { BrowserWindow, Rectangle } from 'electron';
import { screen } from 'electron';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface WindowState {
  bounds: Rectangle | null;
  maximized: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 800 };

export function loadWindowState(file: string): WindowState {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return fallback();
    const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
    if (!isRectangle(bounds) || !isVisible(bounds)) return fallback();
    return { bounds, maximized: maximized === true };
  } catch {
    return fallback();
  }
}

/** Saves the window's normal (un-maximized) bounds when it closes. */
export function trackWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      console.error('Could not save the window position:', error instanceof Error ? error.message : error);
    }
  });
}

/** Constructor options for the window: remembered bounds, or the default size centred. */
export function windowBounds(state: WindowState): Partial<Rectangle> {
  return state.bounds ?? DEFAULT_SIZE;
}

function fallback(): WindowState {
  return { bounds: null, maximized: false };
}

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isInteger(n)) &&
    (r.width as number) >= 400 &&
    (r.height as number) >= 300
  );
}

/** At least a grab-able strip (100x50) of the window must be on some display's work area. */
function isVisible(bounds: Rectangle): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x);
    const h = Math.min(bounds.y + bounds.height, a.y + a.height) - Math.max(bounds.y, a.y);
    return w >= 100 && h >= 50;
  });
}
