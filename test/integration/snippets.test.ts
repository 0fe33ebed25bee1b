/**
 * Note snippets through the contract: the shipped defaults, personal and
 * shared snippets, who may change which (owner; physicians share; settings
 * managers curate the shared ones), trigger and placeholder validation with
 * messages naming the clash, and deletions as synced tombstones. Every
 * refusal leaves the database as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snippet } from '../../main/contract';
import type { Caller } from '../support/core';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
let doc: Caller;
let nurse: Caller;
let manager: Caller;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 6161 });
  doc = await clinic.as('physician');
  nurse = await clinic.as('nurse');
  manager = await clinic.as('manager');
});
afterAll(() => clinic.close());

const list = async (caller: Caller) => (await caller.ok('snippets.list', {})).snippets;
const byTrigger = (snippets: Snippet[], trigger: string) => snippets.filter((s) => s.trigger === trigger);

describe('snippets.list', () => {
  it('ships shared defaults that only settings managers may change, and is closed to the front desk', async () => {
    const mine = await list(doc);
    expect(mine.filter((s) => s.builtIn).map((s) => [s.trigger, s.title, s.shared, s.canEdit])).toEqual([
      ['.fu', 'Follow-up advice', true, false],
      ['.nrml', 'Normal exam', true, false],
      ['.rosneg', 'Review of systems negative', true, false],
    ]);
    expect((await list(manager)).filter((s) => s.builtIn).every((s) => s.canEdit)).toBe(true);
    await (await clinic.as('front_desk')).refuses('snippets.list', {}, 'FORBIDDEN');
  });
});

describe('snippets.save', () => {
  it('keeps personal snippets to their owner, triggers lower case, and refuses a clash naming it', async () => {
    const hpi = await doc.ok('snippets.save', { trigger: ' .HPI ', title: 'HPI scaffold', body: 'Onset: \nDuration: \nSeverity: ' });
    expect(hpi).toMatchObject({ trigger: '.hpi', shared: false, builtIn: false, canEdit: true });
    expect(byTrigger(await list(doc), '.hpi')).toHaveLength(1);
    expect(byTrigger(await list(nurse), '.hpi')).toHaveLength(0);

    const clash = await doc.refuses('snippets.save', { trigger: '.hpi', title: 'Another', body: 'x' }, 'VALIDATION');
    expect(clash.message).toBe(
      'You already have a snippet with the trigger .hpi ("HPI scaffold"). Choose another trigger, or edit that snippet instead.',
    );
    expect(clash.fields?.trigger).toMatch(/HPI scaffold/);
    // Another person's trigger, or a shared one, is no clash: a personal snippet shadows a shared one.
    await nurse.ok('snippets.save', { trigger: '.hpi', title: 'Nurse HPI', body: 'Reason for visit: ' });
    await doc.ok('snippets.save', { trigger: '.nrml', title: 'My normal exam', body: 'Exam normal.' });
    expect(byTrigger(await list(doc), '.nrml').map((s) => s.shared)).toEqual([false, true]);

    await doc.ok('snippets.save', { id: hpi.id, trigger: 'hpi2', title: 'HPI scaffold', body: 'Onset: ' });
    expect(byTrigger(await list(doc), 'hpi2')).toHaveLength(1);
    await nurse.refuses('snippets.save', { id: hpi.id, trigger: 'hpi3', title: 'Taken over', body: 'x' }, 'NOT_FOUND');
  });

  it('refuses malformed triggers, empty text and placeholders Outpost cannot fill', async () => {
    for (const trigger of ['a', 'two words', '.', 'x'.repeat(21), '..dots', 'é']) {
      const refused = await doc.refuses('snippets.save', { trigger, title: 'T', body: 'Text' }, 'VALIDATION');
      expect(refused.fields?.trigger).toMatch(/2 to 20 letters/);
    }
    await doc.refuses('snippets.save', { trigger: '.empty', title: 'T', body: '   ' }, 'VALIDATION');
    await doc.refuses('snippets.save', { trigger: '.notitle', title: ' ', body: 'Text' }, 'VALIDATION');
    const placeholder = await doc.refuses(
      'snippets.save',
      { trigger: '.dob', title: 'DOB', body: 'Born {patient.dob}, seen {today}.' },
      'VALIDATION',
    );
    expect(placeholder.message).toMatch(/cannot fill \{patient\.dob\}/);
    const filled = await doc.ok('snippets.save', { trigger: '.seen', title: 'Seen', body: '{patient.firstName} seen {today} by {me}.' });
    expect(filled.body).toBe('{patient.firstName} seen {today} by {me}.');
  });

  it('lets physicians share, the sharer and settings managers edit, and nobody else', async () => {
    const wart = await doc.ok('snippets.save', {
      trigger: '.wart',
      title: 'Cryotherapy',
      body: 'Cryotherapy applied, 2 cycles.',
      shared: true,
    });
    expect(wart).toMatchObject({ shared: true, canEdit: true });
    expect(byTrigger(await list(nurse), '.wart')).toEqual([expect.objectContaining({ canEdit: false })]);
    await nurse.refuses('snippets.save', { id: wart.id, trigger: '.wart', title: 'Changed', body: 'x', shared: true }, 'FORBIDDEN');
    await nurse.refuses('snippets.delete', { id: wart.id }, 'FORBIDDEN');
    const share = await nurse.refuses('snippets.save', { trigger: '.vitals', title: 'Vitals', body: 'x', shared: true }, 'FORBIDDEN');
    expect(share.message).toMatch(/personal snippet instead/);
    await manager.refuses('snippets.save', { trigger: '.mine', title: 'Manager own', body: 'x' }, 'FORBIDDEN');

    await manager.ok('snippets.save', {
      id: wart.id,
      trigger: '.wart',
      title: 'Cryotherapy (curated)',
      body: 'Liquid nitrogen, 2 cycles.',
      shared: true,
    });
    expect(byTrigger(await list(doc), '.wart')[0]).toMatchObject({ title: 'Cryotherapy (curated)', canEdit: true });
    const clash = await doc.refuses('snippets.save', { trigger: '.nrml', title: 'Shared exam', body: 'x', shared: true }, 'VALIDATION');
    expect(clash.message).toMatch(/^The clinic already shares a snippet with the trigger \.nrml \("Normal exam"\)/);
    const scope = await doc.refuses(
      'snippets.save',
      { id: wart.id, trigger: '.wart', title: 'Mine now', body: 'x', shared: false },
      'VALIDATION',
    );
    expect(scope.message).toMatch(/stays shared/);
  });

  it('lets a settings manager edit and delete the defaults for the whole clinic', async () => {
    const ros = (await list(manager)).find((s) => s.trigger === '.rosneg');
    if (!ros) throw new Error('default missing');
    await doc.refuses('snippets.save', { id: ros.id, trigger: '.rosneg', title: 'Mine', body: 'x', shared: true }, 'FORBIDDEN');
    await manager.ok('snippets.save', { id: ros.id, trigger: '.ros', title: 'ROS negative', body: 'ROS negative.', shared: true });
    expect(byTrigger(await list(doc), '.ros')).toEqual([
      expect.objectContaining({ id: 'snippet-ros-negative', builtIn: true, body: 'ROS negative.' }),
    ]);
    expect(byTrigger(await list(doc), '.rosneg')).toEqual([]);

    await doc.refuses('snippets.delete', { id: 'snippet-follow-up' }, 'FORBIDDEN');
    await manager.ok('snippets.delete', { id: 'snippet-follow-up' });
    expect(byTrigger(await list(doc), '.fu')).toEqual([]);
    const rows = clinic.query<{ deleted_at: string | null }>('SELECT deleted_at FROM snippets WHERE id = ?', 'snippet-follow-up');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await manager.refuses('snippets.delete', { id: 'snippet-follow-up' }, 'NOT_FOUND');
  });
});

describe('snippets.delete', () => {
  it('tombstones a personal snippet of its owner only', async () => {
    const mine = await nurse.ok('snippets.save', { trigger: '.bye', title: 'Goodbye', body: 'Discharged home.' });
    await doc.refuses('snippets.delete', { id: mine.id }, 'NOT_FOUND');
    await nurse.ok('snippets.delete', { id: mine.id });
    expect(byTrigger(await list(nurse), '.bye')).toEqual([]);
    await nurse.refuses('snippets.delete', { id: mine.id }, 'NOT_FOUND');
    // The trigger is free again.
    await nurse.ok('snippets.save', { trigger: '.bye', title: 'Goodbye again', body: 'Discharged.' });
  });
});
