/** Sync methods: status, sync now, cut off / reconnect, configure, and joining a clinic on a new workstation. */
import { count, isNull } from 'drizzle-orm';
import { patients, users } from '../../../db/schema';
import { ApiError } from '../../contract';
import type { SyncTarget } from '../../contract/sync';
import { KeyringError } from '../../sync/keyring';
import { StoreError } from '../../sync/objects/types';
import { JoinError } from '../../sync/service';
import { SealError } from '../../sync/crypto';
import { needsSetup } from '../accounts/handlers';
import type { Handlers } from '../handler';
import { getClinic } from '../settings/reference';

/** Where a refusal belongs on the form: the passphrase, or the location fields. */
function setupRefusal(error: unknown, target: SyncTarget): never {
  const locationField = target.kind === 'folder' ? 'target.path' : 'target.bucket';
  if (error instanceof KeyringError) {
    const field = error.reason === 'wrong_passphrase' ? 'passphrase' : locationField;
    throw new ApiError('VALIDATION', error.message, { [field]: error.message });
  }
  if (error instanceof StoreError || error instanceof JoinError)
    throw new ApiError('VALIDATION', error.message, { [locationField]: error.message });
  if (error instanceof SealError) {
    const message = 'The data at this sync location cannot be opened with this clinic’s keys.';
    throw new ApiError('VALIDATION', message, { [locationField]: message });
  }
  throw error;
}

export const syncHandlers: Pick<
  Handlers,
  'sync.status' | 'sync.now' | 'sync.setPaused' | 'sync.settings' | 'sync.configure' | 'sync.join'
> = {
  'sync.status': (_input, { sync }) => sync.status(),

  'sync.now': (_input, { sync }) => sync.syncNow(),

  'sync.setPaused': (input, { sync }) => {
    if (!sync.configured) throw new ApiError('CONFLICT', 'This workstation does not sync yet: set up a sync location first.');
    return sync.setPaused(input.paused);
  },

  'sync.settings': (_input, { sync, store }) => ({ ...sync.settings(), clinicId: getClinic(store).id }),

  'sync.configure': async (input, { sync, store }) => {
    try {
      return await sync.configure(input.target, input.passphrase, getClinic(store).id);
    } catch (error) {
      return setupRefusal(error, input.target);
    }
  },

  'sync.join': async (input, { sync, store }) => {
    if (!needsSetup(store)) throw new ApiError('CONFLICT', 'This workstation already has a clinic. Sign in instead.');
    try {
      await sync.join(input.target, input.passphrase);
    } catch (error) {
      return setupRefusal(error, input.target);
    }
    if (needsSetup(store)) {
      const message =
        sync.status().lastError ??
        'The clinic’s data could not be read from the sync location yet. Check the connection and try again in a moment.';
      throw new ApiError('CONFLICT', message);
    }
    const live = (table: typeof patients | typeof users) =>
      store.db.select({ n: count() }).from(table).where(isNull(table.deletedAt)).get()?.n ?? 0;
    return { clinicName: getClinic(store).name, patients: live(patients), users: live(users) };
  },
};
