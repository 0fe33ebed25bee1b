/**
 * Calls `onIdle` once after `minutes` without a key, click, pointer, wheel or
 * touch anywhere in the window (HIPAA automatic logoff). Background refreshes
 * do not count as activity: only a person does.
 */
import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleTimer(minutes: number, enabled: boolean, onIdle: () => void): void {
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!enabled) return undefined;
    let timer = window.setTimeout(() => idle.current(), minutes * 60_000);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => idle.current(), minutes * 60_000);
    };
    for (const event of ACTIVITY) window.addEventListener(event, restart, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, restart, { capture: true });
    };
  }, [minutes, enabled]);
}
