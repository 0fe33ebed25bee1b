import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { removedColumns, syncedSchemaShape, type SchemaShape } from '../../db/schema-guard';

const snapshot = JSON.parse(readFileSync(new URL('../../db/schema-snapshot.json', import.meta.url), 'utf8')) as SchemaShape;

describe('schema guard: synced tables only ever grow', () => {
  it('keeps every synced column of the committed snapshot', () => {
    expect(removedColumns(snapshot, syncedSchemaShape())).toEqual([]);
  });

  it('detects a dropped column and a dropped table', () => {
    const current = syncedSchemaShape();
    const withoutPhone = { ...current, patients: (current.patients ?? []).filter((c) => c !== 'phone_mobile') };
    expect(removedColumns(snapshot, withoutPhone)).toEqual(['patients.phone_mobile']);
    const { appointments: _dropped, ...withoutAppointments } = current;
    expect(removedColumns(snapshot, withoutAppointments)).toContain('appointments.start_at');
  });

  it('covers every synced table of the schema', () => {
    expect(Object.keys(syncedSchemaShape())).toEqual(
      expect.arrayContaining(['patients', 'appointments', 'users', 'providers', 'rooms', 'clinic_settings', 'insurance_policies']),
    );
  });
});
