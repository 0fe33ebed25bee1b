/**
 * The Electron transport: the only ipcMain handler in the app. Policy (VS
 * Code's validated IPC): a call is served only when it comes from the top
 * frame of our own window showing our own page; anything else gets FORBIDDEN
 * and never reaches the core. The session token comes from the renderer on
 * every call; dispatch checks it, this file only checks its shape.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { eventNames } from '../contract';
import type { CallResult, Core } from '../core-types';
import { CALL_CHANNEL, EVENT_CHANNEL, type EventEnvelope } from '../../preload/channels';
import { isAppPage } from './renderer-page';

/** Serve core calls to `getWindow()` and forward core events to it. Returns the undo. */
export function connectIpc(core: Core, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown, sessionToken: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event, getWindow())) {
      console.warn('Refused an IPC call from an unexpected frame.');
      return refusal('FORBIDDEN', 'This request did not come from the Outpost window.');
    }
    if (typeof method !== 'string' || (sessionToken !== null && typeof sessionToken !== 'string')) {
      return refusal('VALIDATION', 'The request was malformed.');
    }
    return core.call(method, input, sessionToken);
  });

  const unsubscribes = eventNames.map((name) =>
    core.on(name, (payload) => {
      const win = getWindow();
      if (!win || win.isDestroyed() || !isAppPage(win.webContents.getURL())) return;
      const envelope: EventEnvelope = { event: name, payload };
      win.webContents.send(EVENT_CHANNEL, envelope);
    }),
  );

  return () => {
    ipcMain.removeHandler(CALL_CHANNEL);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}

/** The sender is our window's webContents, the call comes from its top frame, and that frame shows our page. */
function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame) return false;
  if (event.sender.id !== win.webContents.id) return false;
  const top = win.webContents.mainFrame;
  if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
  return isAppPage(frame.url);
}

function refusal(code: 'FORBIDDEN' | 'VALIDATION', message: string): CallResult {
  return { ok: false, error: { code, message } };
}
