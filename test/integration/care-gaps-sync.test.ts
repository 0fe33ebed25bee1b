/**
 * Care-gap outcomes and snippets across workstations: both are synced rows,
 * so an outcome recorded on one workstation closes the gap on the other and
 * its withdrawal reopens it there; a shared snippet, and the clinic's
 * deletion of a default, reach every workstation; and a default edited on
 * one workstation while deleted on another offline converges to the same
 * list on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, STAFF } from '../support/clinic';
import type { Caller, TestCore } from '../support/core';
import { makeSyncedClinic, setPaused, syncEach, type SyncedClinic } from '../support/sync';

let clinic: SyncedClinic;
let b: TestCore;
let doctorA: Caller;
let doctorB: Caller;
let managerA: Caller;
let managerB: Caller;

const syncBoth = () => syncEach([managerA, managerB]);
const offline = (paused: boolean) => setPaused([managerA, managerB], paused);

const openRules = async (caller: Caller, patientId: string) =>
  (await caller.ok('careGaps.list', { patientId, asOf: '2026-01-15' })).gaps.map((g) => g.ruleId);
const triggers = async (caller: Caller) => (await caller.ok('snippets.list', {})).snippets.map((s) => `${s.trigger} ${s.title}`);

beforeAll(async () => {
  clinic = await makeSyncedClinic({ seed: 707 });
  b = await clinic.join();
  doctorA = await clinic.a.as('physician');
  managerA = await clinic.a.as('manager');
  doctorB = await b.login(STAFF.physician.username, PASSWORD);
  managerB = await b.login(STAFF.manager.username, PASSWORD);
});
afterAll(() => clinic.close());

describe('care-gap outcomes across workstations', () => {
  it('closes a gap on the other workstation, and its withdrawal there reopens it here', async () => {
    const patient = await clinic.a.addPatient({ dateOfBirth: '1966-06-06' });
    await syncBoth();
    expect(await openRules(doctorB, patient.id)).toContain('colorectal');

    const outcome = await doctorA.ok('careGaps.recordOutcome', {
      patientId: patient.id,
      ruleId: 'colorectal',
      outcome: 'done_elsewhere',
      doneOn: '2023-02-02',
      method: 'colonoscopy',
    });
    await syncBoth();
    expect(await openRules(doctorB, patient.id)).not.toContain('colorectal');
    expect((await doctorB.ok('careGaps.list', { patientId: patient.id })).outcomes).toEqual([
      expect.objectContaining({ id: outcome.id, method: 'Colonoscopy', recordedBy: STAFF.physician.displayName }),
    ]);

    await doctorB.ok('careGaps.withdrawOutcome', { id: outcome.id });
    await syncBoth();
    expect(await openRules(doctorA, patient.id)).toContain('colorectal');
  });
});

describe('snippets across workstations', () => {
  it('carries shared snippets and deleted defaults to every workstation', async () => {
    await doctorA.ok('snippets.save', { trigger: '.cast', title: 'Cast care', body: 'Keep the cast dry.', shared: true });
    await managerA.ok('snippets.delete', { id: 'snippet-follow-up' });
    await syncBoth();
    const seenOnB = await triggers(doctorB);
    expect(seenOnB).toContain('.cast Cast care');
    expect(seenOnB.some((t) => t.startsWith('.fu '))).toBe(false);
  });

  it('converges when one workstation edits a default the other deletes offline', async () => {
    await offline(true);
    await managerA.ok('snippets.save', {
      id: 'snippet-normal-exam',
      trigger: '.nrml',
      title: 'Normal exam (clinic)',
      body: 'Exam normal.',
      shared: true,
    });
    await managerB.ok('snippets.delete', { id: 'snippet-normal-exam' });
    await offline(false);
    await syncBoth();
    const onA = await triggers(doctorA);
    expect(await triggers(doctorB)).toEqual(onA);
    expect(onA.filter((t) => t.startsWith('.nrml ')).length).toBeLessThanOrEqual(1);
  });
});
