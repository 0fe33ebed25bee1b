/**
 * The conflicts inbox says what happened in plain words, in the clinic's time
 * zone, and never hides a kind of conflict it does not know (the kind is an
 * open enum: a newer workstation may raise new kinds).
 */
import { describe, expect, it } from 'vitest';
import type { Appointment, Conflict } from '../../main/contract';
import {
  conflictSummary,
  conflictTitle,
  currentState,
  resolutionLabel,
  resolvedLine,
  timeSpan,
} from '../../renderer/src/features/conflicts/conflictText';
import { keepRecordLabel, mergeNote, mergeQuestion, unmergeQuestion } from '../../renderer/src/features/patients/mergeText';

const ZONE = 'America/Chicago';

function appointment(id: string, patientName: string, startAt: string, endAt: string): Appointment {
  return {
    id,
    patientId: `p-${id}`,
    patientName,
    providerId: 'dr-lane',
    roomId: null,
    typeId: 'follow-up',
    startAt,
    endAt,
    status: 'booked',
    statusReason: null,
    arrivedAt: null,
    roomedAt: null,
    completedAt: null,
    notes: null,
    overbookReason: null,
    seriesId: null,
    overbooked: true,
  };
}

function conflict(patch: Partial<Conflict>): Conflict {
  return {
    id: 'conflict-1',
    kind: 'double_booking_provider',
    detectedAt: '2026-11-23T16:00:00.000Z',
    resolvedAt: null,
    resolvedByName: null,
    resolution: null,
    note: null,
    current: true,
    detail: null,
    encounterId: null,
    resourceName: 'Dr. Avery Lane',
    appointments: [],
    patients: [],
    users: [],
    ...patch,
  };
}

describe('conflict wording', () => {
  it('names the provider and the clinic-local day and time of a double booking', () => {
    const c = conflict({
      appointments: [
        appointment('a', 'Okafor, Ada', '2026-11-24T17:00:00.000Z', '2026-11-24T17:20:00.000Z'),
        appointment('b', 'Virtanen, Aino', '2026-11-24T17:00:00.000Z', '2026-11-24T17:20:00.000Z'),
      ],
    });
    expect(conflictTitle(c)).toBe('Provider booked twice: Dr. Avery Lane');
    expect(conflictSummary(c, ZONE)).toBe('Dr. Avery Lane was booked twice for Tue 24 Nov, 11:00–11:20 by two workstations while offline.');
    expect(currentState(c)).toBe('The two appointments still overlap.');
  });

  it('gives the span of two overlapping but different times, and no times once they no longer clash', () => {
    const appointments = [
      appointment('a', 'Okafor, Ada', '2026-11-24T17:00:00.000Z', '2026-11-24T17:20:00.000Z'),
      appointment('b', 'Virtanen, Aino', '2026-11-24T17:10:00.000Z', '2026-11-24T17:40:00.000Z'),
    ];
    expect(conflictSummary(conflict({ appointments }), ZONE)).toBe(
      'Dr. Avery Lane was booked twice at overlapping times (Tue 24 Nov, 11:00–11:40) by two workstations while offline.',
    );
    const settled = conflict({ appointments, current: false, kind: 'double_booking_room', resourceName: 'Room 2' });
    expect(conflictTitle(settled)).toBe('Room booked twice: Room 2');
    expect(conflictSummary(settled, ZONE)).toBe('Room 2 was booked twice at the same time by two workstations while offline.');
    expect(currentState(settled)).toBe('They no longer overlap: one of them has been moved or cancelled.');
  });

  it('spells a span across midnight with both days', () => {
    expect(timeSpan('2026-11-25T05:30:00.000Z', '2026-11-25T06:10:00.000Z', ZONE)).toBe('Tue 24 Nov 23:30 – Wed 25 Nov 00:10');
  });

  it('describes duplicates of patients and logins', () => {
    const patient = {
      id: 'p1',
      mrn: 'A-000123',
      givenName: 'Ada',
      familyName: 'Okafor',
      preferredName: null,
      sex: 'female',
      dateOfBirth: '1984-03-12',
      phoneMobile: null,
      phoneHome: null,
    };
    const dup = conflict({ kind: 'duplicate_patient', resourceName: null, patients: [patient, { ...patient, id: 'p2', mrn: 'B-000007' }] });
    expect(conflictTitle(dup)).toBe('Patient registered twice');
    expect(conflictSummary(dup, ZONE)).toBe(
      'Ada Okafor was registered twice, with the same name and date of birth, by two workstations while offline.',
    );
    const user = {
      id: 'u1',
      username: 'jsmith',
      displayName: 'Jo Smith',
      role: 'front_desk',
      providerId: null,
      disabled: false,
      mustChangePassword: false,
    };
    const login = conflict({ kind: 'duplicate_login', resourceName: null, users: [user, { ...user, id: 'u2', displayName: 'Jay Smith' }] });
    expect(conflictTitle(login)).toBe('Login name used twice');
    expect(conflictSummary(login, ZONE)).toBe('The login name “jsmith” was given to two accounts by two workstations while offline.');
  });

  it('says what was deleted on one workstation and edited on another, and how it was settled', () => {
    const c = conflict({
      kind: 'edit_after_delete',
      resourceName: null,
      detail: 'Insurance policy Prairie Health, member PH-100-CORRECTED',
    });
    expect(conflictTitle(c)).toBe('Deleted on one workstation, edited on another');
    expect(conflictSummary(c, ZONE)).toBe(
      'Insurance policy Prairie Health, member PH-100-CORRECTED was deleted on one workstation while another, offline, edited it. The edits are kept, hidden under the deletion.',
    );
    expect(conflictSummary(conflict({ kind: 'edit_after_delete', detail: null }), ZONE)).toMatch(
      /^A record was deleted on one workstation/,
    );
    expect(currentState(c)).toBe('It is still deleted: the edits are not shown anywhere.');
    expect(currentState({ ...c, current: false })).toBe('It has been restored, with the edits.');
    expect(resolutionLabel('restored')).toBe('Restored');
    expect(resolutionLabel('kept_deleted')).toBe('Kept deleted');
  });

  it('says a signed note was edited elsewhere, in the words of the core, and that it was reviewed', () => {
    const detail =
      'A note signed by Dr. Avery Lane was edited by Noor Nurse on another workstation that had not seen the signature yet. The signed note is unchanged; the edits are kept as an addendum to it.';
    const c = conflict({ kind: 'edit_after_sign', resourceName: null, detail, encounterId: 'enc-1' });
    expect(conflictTitle(c)).toBe('Note edited after it was signed');
    expect(conflictSummary(c, ZONE)).toBe(detail);
    expect(conflictSummary(conflict({ kind: 'edit_after_sign', detail: null }), ZONE)).toMatch(
      /^A signed note was edited on another workstation .* kept as an addendum/,
    );
    expect(currentState(c)).toBe('');
    expect(resolutionLabel('reviewed')).toBe('Reviewed');
  });

  it('says one visit was charted twice, in the words of the core', () => {
    const detail = 'The visit of one appointment was opened twice, by Dr. Avery Lane and Noor Nurse, on workstations that were offline.';
    const c = conflict({ kind: 'duplicate_encounter', resourceName: null, detail, encounterId: 'enc-2' });
    expect(conflictTitle(c)).toBe('One visit charted twice');
    expect(conflictSummary(c, ZONE)).toBe(detail);
    expect(conflictSummary(conflict({ kind: 'duplicate_encounter', detail: null }), ZONE)).toMatch(
      /opened twice by two workstations while offline/,
    );
  });

  it('describes records merged into each other, and asks for one merge to be undone', () => {
    const patient = {
      id: 'p1',
      mrn: 'A-000123',
      givenName: 'Ada',
      familyName: 'Okafor',
      preferredName: null,
      sex: 'female',
      dateOfBirth: '1984-03-12',
      phoneMobile: null,
      phoneHome: null,
    };
    const cycle = conflict({ kind: 'opposite_merges', resourceName: null, patients: [patient, { ...patient, id: 'p2' }] });
    expect(conflictTitle(cycle)).toBe('Two records merged into each other');
    expect(conflictSummary(cycle, ZONE)).toMatch(/merged in opposite directions .* neither is retired/);
    expect(currentState(cycle)).toMatch(/undo the merge/);
    expect(currentState({ ...cycle, current: false })).toMatch(/was undone/);
    expect(resolutionLabel('unmerged')).toBe('One merge undone');
  });

  it('shows a kind it does not know, and an unknown resolution, as they are', () => {
    const unknown = conflict({ kind: 'split_household', resourceName: null });
    expect(conflictTitle(unknown)).toBe('Conflict of another kind');
    expect(conflictSummary(unknown, ZONE)).toContain('(“split_household”)');
    expect(currentState(unknown)).toBe('');
    expect(resolutionLabel('kept_both')).toBe('Kept both appointments');
    expect(resolutionLabel('merged_later')).toBe('Resolved (merged_later)');
  });

  it('says who resolved it and when, in clinic time', () => {
    expect(resolvedLine({ resolvedAt: '2026-11-24T17:05:00.000Z', resolvedByName: 'Frankie Desk' }, ZONE)).toBe(
      'Resolved by Frankie Desk on Tue 24 Nov 2026, 11:05',
    );
  });

  it('names both records by MRN when merging a duplicate and when undoing it', () => {
    expect(keepRecordLabel('KRL002005')).toBe('Keep this record (KRL002005) and merge the other into it');
    expect(mergeQuestion('KRL002005', 'DFV000002')).toBe(
      "Merge MRN KRL002005 into MRN DFV000002? KRL002005's appointments will show under DFV000002. This can be undone from DFV000002's record.",
    );
    expect(mergeNote('KRL002005', 'DFV000002')).toBe('Merged KRL002005 into DFV000002');
    expect(mergeNote('KRL002005', 'DFV000002', '  Same passport.  ')).toBe('Merged KRL002005 into DFV000002. Same passport.');
    expect(mergeNote('KRL002005', 'DFV000002', 'x'.repeat(500))).toHaveLength(500);
    expect(unmergeQuestion('KRL002005', 'DFV000002')).toBe(
      'Undo the merge of MRN KRL002005 into MRN DFV000002? KRL002005 becomes a record of its own again: it shows in search, with its own appointments.',
    );
    expect(unmergeQuestion('KRL002005', null)).toMatch(/^Undo the merge of MRN KRL002005 into the surviving record\? /);
    expect(resolutionLabel('same_person')).toBe('Same person: one record merged into the other');
    expect(currentState(conflict({ kind: 'duplicate_patient', current: false }))).toBe(
      'One of the two records no longer matches the other.',
    );
  });
});
