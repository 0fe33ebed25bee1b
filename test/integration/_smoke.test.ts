import { test, expect } from 'vitest';
import { makeClinic } from '../support/clinic';
test('smoke', async () => {
  const t0 = performance.now();
  const c = await makeClinic();
  const p = await c.addPatient();
  const snap = c.snapshot();
  console.log(Object.keys(snap), performance.now() - t0, p.mrn);
  const fd = await c.as('physician');
  await fd.refuses('users.list', {}, 'FORBIDDEN');
  await c.close();
});
