/**
 * Contract: alerts at the point of prescribing, from the shipped knowledge
 * file and the chart — drug and class allergies, cross-sensitivity, duplicate
 * therapy, CPIC gene–drug pairs — and the override with a reason that lets a
 * prescriber go ahead (kept with the medication, append-only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../main/contract';
import { makeClinic, type Clinic } from '../support/clinic';

let clinic: Clinic;
let patient: Output<'patients.create'>;

beforeAll(async () => {
  clinic = await makeClinic({ seed: 717 });
  patient = await clinic.addPatient();
  const nurse = await clinic.as('nurse');
  await nurse.ok('allergies.save', {
    patientId: patient.id,
    category: 'drug',
    substance: 'Amoxicillin',
    reaction: 'Hives',
    severity: 'moderate',
  });
  await nurse.ok('allergies.save', {
    patientId: patient.id,
    category: 'drug',
    substance: 'Ibuprofen',
    reaction: 'Wheezing',
    severity: 'severe',
  });
});
afterAll(() => clinic.close());

const kinds = (check: Output<'medications.check'>) => check.alerts.map((a) => [a.kind, a.severity]);

describe('medications.check', () => {
  it('flags the same drug, the same class and a cross-sensitive class, and nothing for an unrelated drug', async () => {
    const doc = await clinic.as('physician');
    const same = await doc.ok('medications.check', { patientId: patient.id, name: 'amoxicillin 500 mg capsule' });
    expect(kinds(same)).toEqual([['drug_allergy', 'high']]);
    expect(same.alerts[0]?.title).toBe('Allergy: Amoxicillin (Hives, moderate)');
    const sameClass = await doc.ok('medications.check', { patientId: patient.id, name: 'Piperacillin-tazobactam' });
    expect(kinds(sameClass)).toEqual([['drug_allergy', 'high']]);
    expect(sameClass.alerts[0]?.detail).toMatch(/Penicillins/);
    const nsaid = await doc.ok('medications.check', { patientId: patient.id, name: 'Naproxen 250 mg' });
    expect(kinds(nsaid)).toEqual([['drug_allergy', 'high']]);
    expect(nsaid.alerts[0]?.recommendation).toMatch(/COX-2/);
    const cross = await doc.ok('medications.check', { patientId: patient.id, name: 'Cephalexin' });
    expect(kinds(cross)).toEqual([['cross_sensitivity', 'moderate']]);
    expect(cross.alerts[0]?.source).toMatch(/practice parameter/);
    const unrelated = await doc.ok('medications.check', { patientId: patient.id, name: 'Lisinopril 10 mg' });
    expect(unrelated).toMatchObject({ alerts: [], drugKnown: true });
    const unknown = await doc.ok('medications.check', { patientId: patient.id, name: 'Zyxotrin' });
    expect(unknown).toMatchObject({ alerts: [], drugKnown: false });
    expect(unknown.knowledgeVersion).toMatch(/^\d{4}\./);
  });

  it('raises the CPIC gene–drug pairs from recorded results, and only for the matching phenotype or allele', async () => {
    const doc = await clinic.as('physician');
    const other = await clinic.addPatient();
    await doc.ok('genomics.save', {
      patientId: other.id,
      gene: 'cyp2c19',
      phenotype: 'poor metabolizer',
      reportedDate: '2025-03-01',
      lab: 'Synthetic Lab',
    });
    await doc.ok('genomics.save', { patientId: other.id, gene: 'CYP2D6', phenotype: 'normal metabolizer' });
    await doc.ok('genomics.save', { patientId: other.id, gene: 'HLA-B', allele: '*57:01', phenotype: 'positive' });
    await doc.ok('genomics.save', { patientId: other.id, gene: 'HLA-B', allele: '*15:02', phenotype: 'negative' });
    expect(
      (await doc.ok('genomics.list', { patientId: other.id })).results.map((r) => `${r.gene}${r.allele ?? ''} ${r.phenotype}`),
    ).toEqual(['CYP2C19 poor metabolizer', 'CYP2D6 normal metabolizer', 'HLA-B*15:02 negative', 'HLA-B*57:01 positive']);
    const clopidogrel = await doc.ok('medications.check', { patientId: other.id, name: 'Clopidogrel 75 mg' });
    expect(kinds(clopidogrel)).toEqual([['pharmacogenomic', 'high']]);
    expect(clopidogrel.alerts[0]?.title).toBe('Pharmacogenomic: CYP2C19 poor metabolizer');
    expect(clopidogrel.alerts[0]?.recommendation).toMatch(/prasugrel or ticagrelor/);
    expect(clopidogrel.alerts[0]?.source).toMatch(/CPIC/);
    expect(kinds(await doc.ok('medications.check', { patientId: other.id, name: 'Abacavir' }))).toEqual([['pharmacogenomic', 'high']]);
    expect(kinds(await doc.ok('medications.check', { patientId: other.id, name: 'Codeine 30 mg' }))).toEqual([]);
    expect(kinds(await doc.ok('medications.check', { patientId: other.id, name: 'Carbamazepine' }))).toEqual([]);
  });

  it('refuses the front desk, unknown patients and malformed genomic results', async () => {
    const doc = await clinic.as('physician');
    await (await clinic.as('front_desk')).refuses('medications.check', { patientId: patient.id, name: 'Aspirin' }, 'FORBIDDEN');
    await doc.refuses('medications.check', { patientId: 'no-such-patient', name: 'Aspirin' }, 'NOT_FOUND');
    await doc.refuses('genomics.save', { patientId: patient.id, gene: 'CYP2C19', phenotype: 'slow' }, 'VALIDATION');
    await doc.refuses('genomics.save', { patientId: patient.id, gene: 'HLA B!', phenotype: 'positive' }, 'VALIDATION');
    await doc.refuses('genomics.save', { patientId: patient.id, gene: 'HLA-B', allele: '5701', phenotype: 'positive' }, 'VALIDATION');
    await (await clinic.as('front_desk')).refuses('genomics.list', { patientId: patient.id }, 'FORBIDDEN');
  });
});

describe('prescribing through medications.save', () => {
  it('refuses until every alert has a reason, then keeps the overrides with the medication', async () => {
    const doc = await clinic.as('physician');
    await doc.ok('medications.save', { patientId: patient.id, name: 'Sertraline 50 mg', dose: '50 mg', frequency: 'daily' });
    const refusal = await doc.refuses('medications.save', { patientId: patient.id, name: 'Fluoxetine 20 mg' }, 'CONFLICT');
    expect(refusal.message).toMatch(/raises an alert/);
    const { alerts } = refusal.details as Output<'medications.check'>;
    expect(alerts.map((a) => a.kind)).toEqual(['duplicate_therapy']);
    expect(alerts[0]?.detail).toMatch(/serotonin syndrome/);
    const key = alerts[0]?.key ?? '';
    await doc.refuses(
      'medications.save',
      { patientId: patient.id, name: 'Fluoxetine 20 mg', overrides: [{ key, reason: ' ' }] },
      'VALIDATION',
    );
    const saved = await doc.ok('medications.save', {
      patientId: patient.id,
      name: 'Fluoxetine 20 mg',
      overrides: [{ key, reason: 'Cross-taper from sertraline over two weeks' }],
    });
    const version = (await doc.ok('medications.check', { patientId: patient.id, name: 'Aspirin' })).knowledgeVersion;
    expect(clinic.query('SELECT alert_key, reason, knowledge_version FROM alert_overrides WHERE medication_id = ?', saved.id)).toEqual([
      { alert_key: key, reason: 'Cross-taper from sertraline over two weeks', knowledge_version: version },
    ]);
    // Editing the dose of an active medication does not ask again; stopping never does.
    await doc.ok('medications.save', { id: saved.id, patientId: patient.id, name: 'Fluoxetine 20 mg', dose: '10 mg' });
    await doc.ok('medications.save', {
      id: saved.id,
      patientId: patient.id,
      name: 'Fluoxetine 20 mg',
      status: 'stopped',
      stopDate: '2026-01-01',
    });
  });
});
