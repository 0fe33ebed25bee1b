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

  it('shows a kind it does not know, and an unknown resolution, as they are', () => {
    const unknown = conflict({ kind: 'opposite_merges', resourceName: null });
    expect(conflictTitle(unknown)).toBe('Conflict of another kind');
    expect(conflictSummary(unknown, ZONE)).toContain('(“opposite_merges”)');
    expect(currentState(unknown)).toBe('');
    expect(resolutionLabel('kept_both')).toBe('Kept both appointments');
    expect(resolutionLabel('merged_later')).toBe('Resolved (merged_later)');
  });

  it('says who resolved it and when, in clinic time', () => {
    expect(resolvedLine({ resolvedAt: '2026-11-24T17:05:00.000Z', resolvedByName: 'Frankie Desk' }, ZONE)).toBe(
      'Resolved by Frankie Desk on Tue 24 Nov 2026, 11:05',
    );
  });
});
