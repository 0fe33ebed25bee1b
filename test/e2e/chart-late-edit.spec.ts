/**
 * A note edited on one workstation after it was signed on another: the nurse
 * on B, cut off from the cloud, adds to the draft while the physician on A
 * signs it. Once B is back online the signed note is unchanged on A, the
 * nurse's text is there as an addendum flagged as an edit made elsewhere
 * after signing, and the conflicts inbox asks for it to be reviewed, with a
 * way to the note in the chart.
 */
import { expect, test, type Page } from '@playwright/test';
import { call, sessionFor, uniqueName } from './clinic';
import { open, screenshot, signIn } from './support';

const PEER_URL = `http://127.0.0.1:${process.env.OUTPOST_E2E_PEER_PORT ?? 4904}`;

test.describe('a note edited elsewhere after signing', () => {
  let peer: Page | null = null;

  // Whatever happens, the peer workstation may not stay cut off for the next test.
  test.afterEach(async () => {
    if (peer) {
      const manager = await sessionFor(peer, 'manager').catch(() => null);
      if (manager) await call(peer, 'sync.setPaused', { paused: false }, manager).catch(() => undefined);
      await peer.context().close();
    }
    peer = null;
  });

  test('is kept as a flagged addendum and raised for review', async ({ page: a, browser }) => {
    test.setTimeout(120_000);
    const b = await (await browser.newContext({ baseURL: PEER_URL })).newPage();
    peer = b;
    await open(a);
    await open(b);
    await expect.poll(async () => (await call(b, 'setup.status', {})).needsSetup, { timeout: 60_000 }).toBe(false);

    const managerA = await sessionFor(a, 'manager');
    const physicianA = await sessionFor(a, 'physician');
    const nurseB = await sessionFor(b, 'nurse');
    const managerB = await sessionFor(b, 'manager');
    const family = uniqueName('Lindqvist');
    const name = `${family}, Maren`;
    const patient = await call(
      a,
      'patients.create',
      { givenName: 'Maren', familyName: family, sex: 'female', dateOfBirth: '1957-09-04', acknowledgeDuplicates: true },
      managerA,
    );
    const { encounter, note } = await call(a, 'encounters.open', { patientId: patient.id, reason: 'Blood pressure check' }, physicianA);
    await call(a, 'notes.save', { id: note.id, content: { subjective: 'Home readings around 150/95.' } }, physicianA);

    // B has the draft, then loses the cloud; its nurse adds to the draft while A's physician signs it.
    const subjectiveOnB = async () =>
      (await call(b, 'encounters.get', { id: encounter.id }, nurseB).catch(() => null))?.note.content.subjective ?? null;
    await expect.poll(subjectiveOnB, { timeout: 30_000 }).toBe('Home readings around 150/95.');
    await call(b, 'sync.setPaused', { paused: true }, managerB);
    await call(b, 'notes.save', { id: note.id, content: { objective: 'Repeat BP 148/92, pulse 72.' } }, nurseB);
    await call(a, 'notes.sign', { id: note.id }, physicianA);
    await call(b, 'sync.setPaused', { paused: false }, managerB);

    const lateEdits = async () =>
      (await call(a, 'encounters.get', { id: encounter.id }, physicianA)).note.addenda.filter((x) => x.kind === 'late_edit').length;
    await expect.poll(lateEdits, { timeout: 30_000 }).toBe(1);

    // A's physician: the signed note as signed, the nurse's text as a flagged addendum.
    await signIn(a, 'physician');
    await a.getByRole('combobox', { name: 'Find patient' }).fill(family);
    await a.getByRole('option', { name: new RegExp(`^${name}, born`) }).click();
    await a.getByRole('button', { name: 'Open chart' }).click();
    await a
      .getByRole('navigation', { name: 'Encounters' })
      .getByRole('button', { name: /Blood pressure check, Signed$/ })
      .click();
    const signed = a.getByRole('article', { name: 'Signed note' });
    await expect(signed.getByRole('region', { name: 'Objective' })).toContainText('Nothing recorded.');
    const late = signed.getByRole('region', { name: 'Addenda' }).getByRole('listitem');
    await expect(late).toHaveCount(1);
    await expect(late).toContainText('Edited on another workstation after signing');
    await expect(late).toContainText('Repeat BP 148/92, pulse 72.');
    await late.scrollIntoViewIfNeeded();
    await screenshot(a, 'chart-late-edit');

    // The inbox: what happened in words, the way to the note, and "reviewed" as the answer.
    await a.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await signIn(a, 'admin');
    const nav = a.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: /^Conflicts/ }).click();
    const card = a.getByRole('article').filter({ hasText: name });
    await expect(card.getByRole('heading', { level: 3 })).toHaveText('Note edited after it was signed');
    await expect(card).toContainText(/A note signed by .+ was edited by .+ on another workstation that had not seen the signature yet\./);
    await card.scrollIntoViewIfNeeded();
    await screenshot(a, 'conflicts-edit-after-sign');
    await card.getByRole('button', { name: 'Open the note in the chart' }).click();
    await expect(a.getByRole('article', { name: 'Signed note' })).toContainText('Edited on another workstation after signing');

    await nav.getByRole('button', { name: /^Conflicts/ }).click();
    await card.getByRole('button', { name: 'Mark as reviewed' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Resolved: Note edited after it was signed' })).toContainText('Reviewed.');
    await expect(card).toHaveCount(0);
    // Settled on B too before the next test counts conflicts there.
    const openOn = async (p: Page, session: string) => (await call(p, 'sync.status', {}, session)).openConflicts;
    await expect.poll(async () => (await openOn(b, managerB)) - (await openOn(a, managerA)), { timeout: 30_000 }).toBe(0);
  });
});
