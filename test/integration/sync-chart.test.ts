/**
 * The chart across offline workstations. An edit to a note that another
 * workstation signed meanwhile (ARCHITECTURE §4): the signed content stays
 * exactly as signed on every workstation, the late edit is kept as one
 * addendum credited to whoever typed it, and one conflict tells a person it
 * happened. An allergy recorded on one workstation is never hidden by "no
 * known allergies" stated on another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { makeSyncedClinic, setPaused, syncEach, type SyncedClinic } from '../support/sync';
import { at, pastWeekday, plusMinutes } from '../support/time';

let clinic: SyncedClinic;
let b: TestCore;
let doctorA: Caller;
let nurseB: Caller;
let doctorB: Caller;
let managerA: Caller;
let managerB: Caller;

const syncBoth = () => syncEach([managerA, managerB]);
const offline = (paused: boolean) => setPaused([managerA, managerB], paused);

const chartRows = (core: TestCore) => ({
  signatures: core.query('SELECT id, note_id, content, content_hash FROM note_signatures ORDER BY id'),
  addenda: core.query('SELECT id, note_id, author_id, written_at, text, kind FROM note_addenda ORDER BY id'),
  conflicts: core.query('SELECT id, kind, subjects FROM conflicts ORDER BY id'),
});

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 404 });
  b = await clinic.join();
  doctorA = await clinic.a.as('physician');
  managerA = await clinic.a.as('manager');
  nurseB = await b.login(STAFF.nurse.username, PASSWORD);
  doctorB = await b.login(STAFF.physician.username, PASSWORD);
  managerB = await b.login(STAFF.manager.username, PASSWORD);
});
afterAll(() => clinic.close());

describe('a draft edited offline after another workstation signed it', () => {
  it('keeps the note as signed, the edit as one addendum, and raises one conflict on both', async () => {
    const patient = await clinic.a.addPatient();
    const { encounter, note } = await doctorA.ok('encounters.open', { patientId: patient.id, reason: 'Sore throat' });
    await doctorA.ok('notes.save', { id: note.id, content: { subjective: 'Sore throat, 2 days.', plan: 'Rest.' } });
    await syncBoth();
    await offline(true);

    const signed = await doctorA.ok('notes.sign', { id: note.id });
    await nurseB.ok('notes.save', { id: note.id, content: { plan: 'Rest. Rapid strep test negative.' } });
    await offline(false);
    await syncBoth();

    for (const [core, reader] of [
      [clinic.a, doctorA],
      [b, doctorB],
    ] as const) {
      const seen = (await reader.ok('encounters.get', { id: encounter.id })).note;
      expect(seen.status).toBe('signed');
      expect(seen.content).toEqual(signed.content);
      expect(seen.content.plan).toBe('Rest.');
      expect(seen.addenda).toEqual([expect.objectContaining({ kind: 'late_edit', authorName: STAFF.nurse.displayName })]);
      expect(seen.addenda[0]?.text).toMatch(/Plan:\nRest\. Rapid strep test negative\./);
      expect(core.query("SELECT count(*) AS n FROM conflicts WHERE kind = 'edit_after_sign'")).toEqual([{ n: 1 }]);
    }
    expect(chartRows(b)).toEqual(chartRows(clinic.a));

    // The inbox of clinical staff says what happened and links the encounter; the physician marks it reviewed, everywhere.
    const [conflict] = (await doctorB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'edit_after_sign');
    expect(conflict).toMatchObject({ encounterId: encounter.id, patients: [expect.objectContaining({ id: patient.id })] });
    expect(conflict?.detail).toMatch(/signed by .* was edited by .*kept as an addendum/);
    // Those who cannot read charts neither see it nor close it (and their count can leave it out).
    expect((await managerB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'edit_after_sign')).toEqual([]);
    expect(await managerB.ok('sync.status', {})).toMatchObject({ openClinicalConflicts: 1 });
    await managerB.refuses('conflicts.resolve', { id: conflict?.id, resolution: 'reviewed' }, 'FORBIDDEN');
    await doctorB.refuses('conflicts.resolve', { id: conflict?.id, resolution: 'kept_both' }, 'VALIDATION');
    await doctorB.ok('conflicts.resolve', { id: conflict?.id ?? '', resolution: 'reviewed' });
    await syncBoth();
    expect((await doctorA.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'edit_after_sign')).toEqual([]);

    // Now that B has seen the signature it refuses further edits, and nothing new is raised.
    await nurseB.refuses('notes.save', { id: note.id, content: { plan: 'More.' } }, 'CONFLICT');
    await syncBoth();
    expect(clinic.a.query("SELECT count(*) AS n FROM note_addenda WHERE kind = 'late_edit'")).toEqual([{ n: 1 }]);
  });

  it('keeps a second, different signature made offline as a late version too', async () => {
    const patient = await clinic.a.addPatient();
    const { encounter, note } = await doctorA.ok('encounters.open', { patientId: patient.id });
    await doctorA.ok('notes.save', { id: note.id, content: { assessment: 'Otitis media.' } });
    await syncBoth();
    await offline(true);
    await doctorA.ok('notes.sign', { id: note.id });
    await doctorB.ok('notes.save', { id: note.id, content: { assessment: 'Otitis media, left ear.' } });
    await doctorB.ok('notes.sign', { id: note.id });
    await offline(false);
    await syncBoth();

    const onA = (await doctorA.ok('encounters.get', { id: encounter.id })).note;
    const onB = (await doctorB.ok('encounters.get', { id: encounter.id })).note;
    expect(onB).toEqual(onA);
    expect(onA.signatures).toHaveLength(2);
    // Whichever signature came first is the note; the other version is an addendum, never lost.
    const versions = [onA.content.assessment, ...onA.addenda.map((a) => a.text)].join('\n');
    expect(versions).toContain('Otitis media.');
    expect(versions).toContain('Otitis media, left ear.');
    expect(onA.addenda.filter((a) => a.kind === 'late_edit')).toHaveLength(1);
    expect(chartRows(b)).toEqual(chartRows(clinic.a));
  });
});

describe('allergies recorded on two offline workstations', () => {
  it('shows the allergy, never "no known allergies", when one stated none and the other recorded one', async () => {
    const patient = await clinic.a.addPatient();
    await syncBoth();
    await offline(true);
    await doctorA.ok('allergies.noneKnown', { patientId: patient.id });
    await nurseB.ok('allergies.save', {
      patientId: patient.id,
      category: 'drug',
      substance: 'Sulfamethoxazole',
      drugClass: 'sulfonamides',
      severity: 'severe',
    });
    await offline(false);
    await syncBoth();
    for (const reader of [doctorA, doctorB]) {
      const state = await reader.ok('allergies.list', { patientId: patient.id });
      expect(state.state).toBe('recorded');
      expect(state.allergies.map((a) => a.substance)).toEqual(['Sulfamethoxazole']);
    }
  });
});

describe('one appointment whose visit is opened on two workstations while offline', () => {
  it('keeps both encounters and raises one conflict for clinical staff, the same on both', async () => {
    const patient = await clinic.a.addPatient();
    const date = pastWeekday(3);
    const [appointment] = await (
      await clinic.a.as('front_desk')
    ).ok('appointments.book', {
      patientId: patient.id,
      providerId: clinic.a.providers.lane,
      typeId: clinic.a.types.followUp,
      startAt: at(date, '10:00'),
      endAt: plusMinutes(at(date, '10:00'), 20),
    });
    await syncBoth();
    await offline(true);
    const onA = await doctorA.ok('encounters.open', { patientId: patient.id, appointmentId: appointment?.id ?? '' });
    const onB = await nurseB.ok('encounters.open', { patientId: patient.id, appointmentId: appointment?.id ?? '' });
    expect(onB.encounter.id).not.toBe(onA.encounter.id);
    await offline(false);
    await syncBoth();

    const raised = (core: TestCore) => core.query("SELECT id, subjects FROM conflicts WHERE kind = 'duplicate_encounter'");
    expect(raised(clinic.a)).toHaveLength(1);
    expect(raised(b)).toEqual(raised(clinic.a));
    const [conflict] = (await doctorB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'duplicate_encounter');
    expect(conflict?.detail).toMatch(/opened twice, by .* and .*Both encounters and their notes are kept/);
    expect(conflict).toMatchObject({ encounterId: onA.encounter.id, patients: [expect.objectContaining({ id: patient.id })] });
    expect((await managerB.ok('conflicts.list', {})).conflicts.filter((c) => c.kind === 'duplicate_encounter')).toEqual([]);
    expect((await doctorA.ok('encounters.list', { patientId: patient.id })).encounters).toHaveLength(2);
    await doctorB.ok('conflicts.resolve', { id: conflict?.id ?? '', resolution: 'reviewed' });
  });
});
