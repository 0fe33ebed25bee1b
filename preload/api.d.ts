/**
 * window.outpost, set by the preload in the Electron app. Absent in browser
 * mode (the renderer then talks HTTP), hence optional.
 */
import type { OutpostBridge } from './bridge-types';

declare global {
  interface Window {
    readonly outpost?: OutpostBridge;
  }
}

export {};
