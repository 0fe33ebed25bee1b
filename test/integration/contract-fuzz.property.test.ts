/**
 * Contract fuzzing (issue 7): every API method, called with inputs derived
 * from its own schema and mixed with hostile values (test/support/fuzz.ts),
 * by an administrator (every permission, so calls reach the services):
 *  - never answers INTERNAL and never crashes the core;
 *  - when it refuses, changes nothing (no op reaches the outbox);
 *  - never pollutes Object.prototype.
 * Methods whose purpose is to leave the clinic or the session (sync setup,
 * logout) are left out. The count of calls made is printed.
 * OUTPOST_PROPERTY_SEED=<seed> replays; OUTPOST_FUZZ_RUNS sets calls per method.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../main/contract';
import { codedEncounter } from '../support/billing';
import { makeClinic, type Clinic } from '../support/clinic';
import type { Caller } from '../support/core';
import { inputsFor, useIdPool } from '../support/fuzz';
import { announceSeed } from '../support/random';

const RUNS = Number(process.env.OUTPOST_FUZZ_RUNS ?? 30);
const SEED = Number(process.env.OUTPOST_PROPERTY_SEED ?? 7_112_026);
/** Leaving the clinic or the session is what these are for; they have their own tests. */
const LEFT_OUT = new Set<MethodName>(['auth.logout', 'sync.configure', 'sync.join', 'sync.setPaused', 'sync.now']);

let clinic: Clinic;
let admin: Caller;
let calls = 0;

/** Ops of clinic data; the audit trail records some refusals on purpose (a failed sign-in). */
const outbox = () => clinic.query<{ n: number }>("SELECT count(*) AS n FROM sync_outbox WHERE table_name <> 'audit_events'")[0]?.n ?? 0;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 9797 });
  admin = await clinic.as('admin');
  const patient = await clinic.addPatient();
  const { encounterId, noteId } = await codedEncounter(clinic, patient.id, false);
  const ids = [patient.id, encounterId, noteId, clinic.providers.lane, clinic.rooms.exam1, clinic.types.followUp];
  for (const table of ['fee_schedules', 'users', 'diagnosis_codes']) {
    ids.push(...clinic.query<{ id: string }>(`SELECT id FROM ${table} LIMIT 2`).map((row) => row.id));
  }
  useIdPool(ids);
});
afterAll(async () => {
  process.stdout.write(`[fuzz] ${calls} calls over ${methodNames.length - LEFT_OUT.size} methods\n`);
  await clinic.close();
});

describe('contract fuzzing', () => {
  it('answers every hostile input with a clear refusal or a result, never INTERNAL, and refusals change nothing', async () => {
    announceSeed('contract-fuzz', SEED);
    for (const method of methodNames) {
      if (LEFT_OUT.has(method)) continue;
      // Half the calls hostile everywhere, half mostly well-formed so they reach the service behind the schema.
      const inputs = fc.oneof(inputsFor(api[method].input, 4), inputsFor(api[method].input, 30));
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          const before = outbox();
          const result = await admin.raw(method, input);
          calls += 1;
          if (result.ok) return;
          expect(result.error.code, `${method} answered INTERNAL to ${JSON.stringify(input)?.slice(0, 300)}`).not.toBe('INTERNAL');
          expect(outbox(), `${method} refused but changed data`).toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await admin.ok('auth.me', {})).user.username).toBe('ada.admin');
  }, 600_000);
});
