/** One small line icon per sync state, drawn inline so it looks the same on every workstation (no icon font). */
import type { SyncTone } from './syncText';

const paths: Record<SyncTone, string[]> = {
  // A tick in a circle.
  synced: ['M12 3a9 9 0 1 1 0 18a9 9 0 1 1 0-18', 'M8 12.5l3 3l5-6'],
  // Two arrows chasing each other (spins while syncing).
  syncing: ['M20 12a8 8 0 0 1-13.7 5.6', 'M4 12a8 8 0 0 1 13.7-5.6', 'M18 3v4h-4', 'M6 21v-4h4'],
  checking: ['M20 12a8 8 0 0 1-13.7 5.6', 'M4 12a8 8 0 0 1 13.7-5.6', 'M18 3v4h-4', 'M6 21v-4h4'],
  // A cloud, struck through.
  offline: ['M7 18h10a4 4 0 0 0 .6-8A6 6 0 0 0 6.2 9.3A4.4 4.4 0 0 0 7 18', 'M4 4l16 16'],
  // A warning triangle.
  problem: ['M12 3.5l9.5 16.5h-19z', 'M12 10v4.5', 'M12 17.2v.3'],
  // A computer screen: the data stays on this one.
  local: ['M3.5 5h17v11h-17z', 'M9 20h6', 'M12 16v4'],
};

export function SyncIcon({ tone }: { tone: SyncTone }) {
  return (
    <svg
      className={`sync-icon${tone === 'syncing' || tone === 'checking' ? ' sync-icon--spin' : ''}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[tone].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
