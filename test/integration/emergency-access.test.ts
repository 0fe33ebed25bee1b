/**
 * Emergency ("break-glass") access: the front desk cannot read charts, but in
 * an emergency states why and opens one patient's chart read-only for an
 * hour. Only that patient, only reading, only until it expires; the opening
 * and every read under it are in the audit trail, and managers see the list.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { codedEncounter } from '../support/billing';
import { makeClinic, STAFF, type Clinic } from '../support/clinic';

let clinic: Clinic;
let patient: Output<'patients.create'>;
let other: Output<'patients.create'>;
let encounterId: string;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 911 });
  patient = await clinic.addPatient();
  other = await clinic.addPatient();
  ({ encounterId } = await codedEncounter(clinic, patient.id, true));
});
afterAll(() => clinic.close());

describe('emergency access', () => {
  it('opens one patient’s chart, read-only, for a user whose role cannot read charts, after a reason', async () => {
    const desk = await clinic.as('front_desk');
    await desk.refuses('encounters.list', { patientId: patient.id }, 'FORBIDDEN');
    await desk.refuses('chart.emergencyAccess', { patientId: patient.id, reason: 'urgent' }, 'VALIDATION');
    await desk.refuses('chart.emergencyAccess', { patientId: 'no-such-patient', reason: 'Collapsed in the waiting room' }, 'NOT_FOUND');
    const granted = await desk.ok('chart.emergencyAccess', {
      patientId: patient.id,
      reason: 'Collapsed in the waiting room; paramedics ask for allergies',
    });
    expect(Date.parse(granted.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);

    expect((await desk.ok('encounters.list', { patientId: patient.id })).encounters).toHaveLength(1);
    expect((await desk.ok('encounters.get', { id: encounterId })).encounter.id).toBe(encounterId);
    await desk.ok('allergies.list', { patientId: patient.id });
    // Only that patient, and only reading.
    await desk.refuses('encounters.list', { patientId: other.id }, 'FORBIDDEN');
    await desk.refuses('problems.save', { patientId: patient.id, title: 'Syncope' }, 'FORBIDDEN');
    await desk.refuses('fhir.exportPatient', { patientId: patient.id }, 'FORBIDDEN');
    // Those who can read charts open them the usual way.
    await (
      await clinic.as('physician')
    ).refuses('chart.emergencyAccess', { patientId: patient.id, reason: 'Just checking something' }, 'CONFLICT');

    const audit = clinic.query<{ action: string; patient: string }>(
      "SELECT action, patient_id AS patient FROM audit_events WHERE action IN ('emergency', 'chart.open') AND user_id = (SELECT id FROM users WHERE username = ?)",
      STAFF.front_desk.username,
    );
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'emergency', patient: patient.id },
        { action: 'chart.open', patient: patient.id },
      ]),
    );
  });

  it('lists every emergency opening for managers, and ends after its hour', async () => {
    const manager = await clinic.as('manager');
    const { accesses } = await manager.ok('audit.emergencyAccesses', {});
    expect(accesses).toEqual([
      expect.objectContaining({
        userName: STAFF.front_desk.displayName,
        patientId: patient.id,
        reason: 'Collapsed in the waiting room; paramedics ask for allergies',
      }),
    ]);
    expect(accesses[0]?.patientName).toContain(patient.mrn);
    await (await clinic.as('front_desk')).refuses('audit.emergencyAccesses', {}, 'FORBIDDEN');

    const sqlite = new Database(join(clinic.dataDir, 'outpost.db'));
    try {
      sqlite.prepare("UPDATE emergency_access SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    } finally {
      sqlite.close();
    }
    await (await clinic.as('front_desk')).refuses('encounters.list', { patientId: patient.id }, 'FORBIDDEN');
  });
});
