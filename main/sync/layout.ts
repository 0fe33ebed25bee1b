/**
 * Object keys of a clinic in the cloud (ARCHITECTURE §4). Keys hold only
 * opaque ids and sequence numbers, never anything about a patient.
 */
const SEQ_DIGITS = 16;

export const layout = {
  keyring: (clinicId: string) => `clinics/${clinicId}/keyring.json`,
  headsPrefix: (clinicId: string) => `clinics/${clinicId}/heads/`,
  head: (clinicId: string, deviceId: string) => `clinics/${clinicId}/heads/${deviceId}`,
  logPrefix: (clinicId: string, deviceId: string) => `clinics/${clinicId}/log/${deviceId}/`,
  segment: (clinicId: string, deviceId: string, seq: number) =>
    `clinics/${clinicId}/log/${deviceId}/${String(seq).padStart(SEQ_DIGITS, '0')}`,
  rosterEntry: (clinicId: string, deviceId: string) => `clinics/${clinicId}/roster/${deviceId}`,
  snapshotsPrefix: (clinicId: string) => `clinics/${clinicId}/snapshots/`,
  /** Encrypted attachment content; `address` is an HMAC of its sha256 (main/sync/blobs.ts), never a name. */
  blob: (clinicId: string, address: string) => `clinics/${clinicId}/blobs/${address}`,
  /** One empty marker per clinic, so a joining workstation finds the clinic without listing every log. */
  clinicMarker: (clinicId: string) => `outpost-clinics/${clinicId}`,
  clinicMarkersPrefix: () => 'outpost-clinics/',
};

/** The device of a head key, or undefined for anything else. */
export function deviceOfHead(clinicId: string, key: string): string | undefined {
  const prefix = layout.headsPrefix(clinicId);
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : '';
  return rest && !rest.includes('/') ? rest : undefined;
}

/** The seq of a segment key of this device's log, or undefined for anything else. */
export function seqOfSegment(clinicId: string, deviceId: string, key: string): number | undefined {
  const prefix = layout.logPrefix(clinicId, deviceId);
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : '';
  return /^\d{16}$/.test(rest) ? Number(rest) : undefined;
}
