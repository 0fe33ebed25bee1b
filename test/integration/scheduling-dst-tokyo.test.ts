// @vitest-environment node
/**
 * The daylight-saving scenario again with the workstation's own time zone set
 * to Asia/Tokyo (UTC+9, no DST, already "tomorrow" for Chicago): the results
 * must be identical, because the clinic's zone, not the machine's, decides.
 * TZ is set before the core is imported, so no module can capture the old zone.
 */
import { afterAll, expect, it } from 'vitest';

const previousTz = process.env.TZ;
process.env.TZ = 'Asia/Tokyo';
const { dstScenario } = await import('../support/dst-scenario');

afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

it('runs with the process in Asia/Tokyo', () => {
  expect(new Date('2026-11-01T00:00:00Z').getTimezoneOffset()).toBe(-540);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Asia/Tokyo');
});

dstScenario();
