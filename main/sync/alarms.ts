/**
 * Problems a person must look at, in words for the desk: a workstation whose
 * cloud history does not add up, this workstation found to be a copy, or its
 * clock far from the cloud's. Device problems clear once that device's
 * history reads cleanly again; the copy notice stays until restart.
 */
import type Database from 'better-sqlite3';
import type { SyncAlarm } from './pull';

/** Beyond this, the workstation's own clock is called out as wrong (and corrected for stamping). */
export const CLOCK_WARNING_MS = 5 * 60 * 1000;

export class SyncAlarms {
  private readonly devices = new Map<string, string>();
  private fork: string | null = null;
  private clock: string | null = null;

  constructor(private readonly sqlite: Database.Database) {}

  /** Record this round's device problems; devices not among them read cleanly and are cleared. */
  settle(alarms: SyncAlarm[]): void {
    this.devices.clear();
    for (const alarm of alarms) {
      this.devices.set(
        alarm.deviceId,
        `Sync from workstation ${this.nameOf(alarm.deviceId)} is paused: ${alarm.message} Ask your administrator to check the sync location.`,
      );
    }
  }

  forked(): void {
    this.fork =
      'This workstation turned out to be a copy of another one (a cloned disk or a restored backup). It now syncs under a new identity; nothing was lost. Tell your administrator.';
  }

  /** Note how far the cloud's clock is from ours; returns the correction stamps should use (0 when close enough). */
  clockSkew(skewMs: number | null): number {
    if (skewMs === null || Math.abs(skewMs) < CLOCK_WARNING_MS) {
      this.clock = null;
      return 0;
    }
    const minutes = Math.round(Math.abs(skewMs) / 60_000);
    this.clock = `This workstation's clock is ${minutes} minutes ${skewMs > 0 ? 'behind' : 'ahead of'} the cloud's. Correct its date and time in the system settings; sync keeps working meanwhile.`;
    return skewMs;
  }

  list(): string[] {
    return [...(this.clock ? [this.clock] : []), ...(this.fork ? [this.fork] : []), ...this.devices.values()];
  }

  /** Its number prefix from the roster (what staff see on MRNs), else the end of its id. */
  private nameOf(deviceId: string): string {
    const row = this.sqlite.prepare('SELECT label FROM sync_devices WHERE device_id = ?').get(deviceId) as
      { label: string | null } | undefined;
    return row?.label ? `“${row.label}”` : deviceId.slice(-8);
  }
}
