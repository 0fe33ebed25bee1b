/**
 * Opening an attachment: from this workstation's encrypted cache, else
 * downloaded from the clinic's cloud (lazily, ARCHITECTURE §4) and cached.
 * Content is shown only after its sha256 matched the row's: a damaged local
 * copy is dropped and fetched again; damaged content in the cloud is refused.
 */
import { ApiError } from '../../contract';
import { BlobIntegrityError, fetchBlob, LocalBlobs } from '../../sync/blobs';
import { StoreError } from '../../sync/objects/types';
import type { SyncService } from '../../sync/service';
import type { Store } from '../store';
import { attachmentRow } from './attachments';

const TAMPERED =
  'This file’s content failed its integrity check (it was altered or damaged in storage), so it is not shown. Ask your administrator to check this workstation and the sync location; the rest of the chart is not affected.';

function unavailable(message: string): ApiError {
  return new ApiError('NOT_FOUND', message, { content: 'Content not available' });
}

async function download(sync: SyncService, sha256: string): Promise<Buffer> {
  const cloud = sync.blobCloud();
  if (!cloud) {
    throw unavailable(
      'This file’s content is not on this workstation, and this workstation does not sync with the clinic, so it cannot be fetched. Open it on the workstation where it was attached.',
    );
  }
  const offline =
    'This file has not been opened on this workstation before, and the workstation is offline. It will open once the workstation is back online.';
  if (sync.status().paused) throw unavailable(offline);
  let plain: Buffer | null;
  try {
    plain = await fetchBlob(cloud, sha256);
  } catch (error) {
    if (error instanceof BlobIntegrityError) throw new ApiError('CONFLICT', TAMPERED);
    if (error instanceof StoreError && error.failure === 'unreachable') throw unavailable(offline);
    if (error instanceof StoreError) throw unavailable(`This file could not be downloaded: ${error.message}`);
    throw error;
  }
  if (!plain) {
    throw unavailable(
      'This file’s content has not reached the cloud yet from the workstation that attached it. Try again once that workstation has synced.',
    );
  }
  return plain;
}

export async function attachmentContent(
  store: Store,
  sync: SyncService,
  id: string,
): Promise<{ id: string; fileName: string; mediaType: string; content: string }> {
  const row = attachmentRow(store, id);
  const local = LocalBlobs.of(store.sqlite);
  let plain: Buffer | null = null;
  let damaged = false;
  try {
    plain = await local.get(row.sha256);
  } catch (error) {
    if (!(error instanceof BlobIntegrityError)) throw error;
    local.discard(row.sha256);
    damaged = true;
  }
  if (!plain) {
    try {
      plain = await download(sync, row.sha256);
    } catch (error) {
      // No good copy to replace the damaged one: say it was damaged, not merely missing.
      if (damaged && error instanceof ApiError && error.code === 'NOT_FOUND') throw new ApiError('CONFLICT', TAMPERED);
      throw error;
    }
    await local.put(plain, row.sha256);
  }
  return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, content: plain.toString('base64') };
}
