/** What the push and pull halves of the engine share. */
import type Database from 'better-sqlite3';
import type { DataKeys } from './keyring';
import type { ObjectStore } from './objects/types';
import type { DeviceKey } from './roster';

export interface SyncContext {
  sqlite: Database.Database;
  objects: ObjectStore;
  clinicId: string;
  deviceId: string;
  keys: DataKeys;
  /** This app's schema version (number of migrations), written into every segment. */
  schemaVersion: number;
  /** Signs this workstation's segments; its public half is in the clinic's roster. */
  deviceKey: DeviceKey;
}
