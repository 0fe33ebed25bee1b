/**
 * Alerts at the point of prescribing, from the shipped knowledge file and the
 * patient's chart: an allergy to the drug or its class, a cross-sensitive
 * class, a second drug of the same therapeutic class, and CPIC gene–drug
 * pairs matching a recorded genomic result. Keys are stable (they name the
 * chart entries involved), so an override given for a key still applies when
 * the save repeats the check.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { allergies, genomicResults, medications } from '../../../db/schema';
import type { AlertCheck, MedicationAlert } from '../../contract';
import { withMergedRecords } from '../patients/records';
import type { Store } from '../store';
import { classLabel, classOf, drugOf, knowledge } from './knowledge';

interface Prescription {
  name: string;
  drugClass: string | null;
  /** The medication being edited, which must not count as its own duplicate. */
  medicationId?: string;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function allergyAlerts(store: Store, ids: string[], drug: string | null, cls: string | null, name: string): MedicationAlert[] {
  const rows = store.db
    .select()
    .from(allergies)
    .where(and(inArray(allergies.patientId, ids), isNull(allergies.deletedAt), eq(allergies.status, 'active')))
    .all()
    .filter((row) => row.category !== 'none_known');
  const alerts: MedicationAlert[] = [];
  for (const allergy of rows) {
    const allergyDrug = drugOf(allergy.substance);
    const allergyClass = classOf(allergy.drugClass) ?? classOf(allergy.substance);
    const reaction = [allergy.reaction, allergy.severity].filter(Boolean).join(', ');
    const title = `Allergy: ${allergy.substance}${reaction ? ` (${reaction})` : ''}`;
    const sameDrug = (drug !== null && allergyDrug === drug) || sameText(allergy.substance, name);
    if (sameDrug || (cls !== null && allergyClass === cls)) {
      const rule = knowledge().crossSensitivity.find((r) => r.allergyClass === cls && r.drugClass === cls);
      alerts.push({
        key: `allergy:${allergy.id}`,
        kind: 'drug_allergy',
        severity: 'high',
        title,
        detail: sameDrug
          ? `The patient is allergic to ${allergy.substance}.`
          : `${name} is one of the ${classLabel(cls ?? '')}, like ${allergy.substance}, to which the patient is allergic.${rule ? ` ${rule.detail}` : ''}`,
        recommendation: rule?.recommendation ?? 'Choose a drug of another class, or confirm the allergy history with the patient.',
        source: rule?.source ?? `Allergy recorded in the chart on ${allergy.recordedAt.slice(0, 10)}`,
      });
      continue;
    }
    const cross = knowledge().crossSensitivity.find(
      (r) => r.allergyClass === allergyClass && r.drugClass === cls && r.allergyClass !== r.drugClass,
    );
    if (cross) {
      alerts.push({ key: `cross:${allergy.id}`, kind: 'cross_sensitivity', severity: 'moderate', title, ...pick(cross) });
    }
  }
  return alerts;
}

const pick = (rule: { detail: string; recommendation: string; source: string }) => ({
  detail: rule.detail,
  recommendation: rule.recommendation,
  source: rule.source,
});

function duplicateAlerts(
  store: Store,
  ids: string[],
  drug: string | null,
  cls: string | null,
  prescription: Prescription,
): MedicationAlert[] {
  const active = store.db
    .select()
    .from(medications)
    .where(and(inArray(medications.patientId, ids), isNull(medications.deletedAt), eq(medications.status, 'active')))
    .all()
    .filter((row) => row.id !== prescription.medicationId);
  const alerts: MedicationAlert[] = [];
  for (const other of active) {
    const otherDrug = drugOf(other.name);
    const otherClass = classOf(other.drugClass) ?? classOf(other.name);
    if ((drug !== null && otherDrug === drug) || sameText(other.name, prescription.name)) {
      alerts.push({
        key: `duplicate:${other.id}`,
        kind: 'duplicate_therapy',
        severity: 'moderate',
        title: `Already prescribed: ${other.name}`,
        detail: `${other.name}${other.dose ? ` ${other.dose}` : ''} is already an active medication of this patient.`,
        recommendation: 'Change or stop the existing prescription instead of adding a second one.',
        source: 'Active medication list',
      });
      continue;
    }
    const rule = knowledge().duplicateTherapy.find((r) => {
      const [first, second = first] = r.classes;
      return (cls === first && otherClass === second) || (cls === second && otherClass === first);
    });
    if (rule && cls && otherClass) {
      alerts.push({
        key: `duplicate:${other.id}`,
        kind: 'duplicate_therapy',
        severity: 'moderate',
        title: `Duplicate therapy with ${other.name}`,
        detail: `${prescription.name} (${classLabel(cls)}) and ${other.name} (${classLabel(otherClass)}). ${rule.detail}`,
        recommendation: 'Stop one of them unless the combination is intended.',
        source: `Outpost medication knowledge ${knowledge().version}`,
      });
    }
  }
  return alerts;
}

function genomicAlerts(store: Store, ids: string[], drug: string | null): MedicationAlert[] {
  if (!drug) return [];
  const results = store.db
    .select()
    .from(genomicResults)
    .where(and(inArray(genomicResults.patientId, ids), isNull(genomicResults.deletedAt), eq(genomicResults.status, 'active')))
    .all();
  const alerts: MedicationAlert[] = [];
  for (const result of results) {
    for (const rule of knowledge().pharmacogenomics) {
      const alleleMatches = !rule.allele || rule.allele === result.allele;
      if (rule.gene !== result.gene || !alleleMatches || !rule.drugs.includes(drug) || !rule.phenotypes.includes(result.phenotype))
        continue;
      alerts.push({
        key: `pgx:${result.id}:${drug}`,
        kind: 'pharmacogenomic',
        severity: rule.severity,
        title: `Pharmacogenomic: ${result.gene}${result.allele ?? ''} ${result.phenotype}`,
        ...pick(rule),
      });
    }
  }
  return alerts;
}

export function checkPrescription(store: Store, patientId: string, prescription: Prescription): AlertCheck {
  const ids = withMergedRecords(store, patientId);
  const drug = drugOf(prescription.name);
  const cls = classOf(prescription.drugClass) ?? classOf(prescription.name);
  const alerts = [
    ...allergyAlerts(store, ids, drug, cls, prescription.name),
    ...genomicAlerts(store, ids, drug),
    ...duplicateAlerts(store, ids, drug, cls, prescription),
  ];
  const order = { high: 0, moderate: 1 };
  alerts.sort((a, b) => order[a.severity] - order[b.severity]);
  return { alerts, drugKnown: drug !== null || cls !== null, knowledgeVersion: knowledge().version };
}
