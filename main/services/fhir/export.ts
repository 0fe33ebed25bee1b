/**
 * A patient's whole record as a FHIR R4 Bundle (type collection): Patient,
 * Encounter, Condition (problems and visit diagnoses), Observation (vital
 * signs and laboratory results), DiagnosticReport (lab reports),
 * MedicationStatement, AllergyIntolerance (including the recorded "no known
 * allergy"), Immunization, DocumentReference (signed notes and their addenda,
 * as text; attached files described, without their content) and Appointment.
 * Ids are the chart's own, so a re-export matches.
 */
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { allergies, encounterDiagnoses, encounters, medications, notes, problems, vitalSigns } from '../../../db/schema';
import { loadPatient, survivorOf, withMergedRecords } from '../patients/records';
import { appointmentsOfPatient } from '../scheduling/views';
import type { Store } from '../store';
import { loadNote } from '../charting/notes';
import { dottedCode } from '../../contract';
import { vitalObservations } from './vitals';
import { immunizationResource, labResources } from './results';
import { listImmunizations, listLabs } from '../clinical/results';
import { attachmentDocuments } from '../attachments/fhir';

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const CLINICAL_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

const ref = (type: string, id: string) => `${type}/${id}`;
const text = (value: string) => Buffer.from(value, 'utf8').toString('base64');

function appointmentStatus(status: string): 'booked' | 'arrived' | 'fulfilled' | 'cancelled' | 'noshow' | 'checked-in' {
  if (status === 'completed') return 'fulfilled';
  if (status === 'cancelled') return 'cancelled';
  if (status === 'no_show') return 'noshow';
  if (status === 'arrived' || status === 'in_room') return 'arrived';
  return 'booked';
}

export function exportPatient(store: Store, patientId: string): Bundle {
  const survivor = survivorOf(store, patientId);
  const patient = loadPatient(store, survivor);
  const ids = withMergedRecords(store, survivor);
  const patientRef = ref('Patient', patient.id);
  const resources: Resource[] = [
    {
      resourceType: 'Patient',
      id: patient.id,
      identifier: [{ use: 'usual', type: { text: 'Medical record number' }, value: patient.mrn }],
      name: [
        {
          use: 'official',
          family: patient.familyName,
          given: [patient.givenName, ...(patient.middleName ? [patient.middleName] : [])],
        },
        ...(patient.preferredName ? [{ use: 'nickname' as const, given: [patient.preferredName] }] : []),
      ],
      gender: patient.sex === 'female' || patient.sex === 'male' || patient.sex === 'other' ? patient.sex : 'unknown',
      birthDate: patient.dateOfBirth,
      telecom: [
        ...(patient.phoneMobile ? [{ system: 'phone' as const, use: 'mobile' as const, value: patient.phoneMobile }] : []),
        ...(patient.phoneHome ? [{ system: 'phone' as const, use: 'home' as const, value: patient.phoneHome }] : []),
        ...(patient.email ? [{ system: 'email' as const, value: patient.email }] : []),
      ],
    },
  ];

  const encounterRows = store.db
    .select()
    .from(encounters)
    .where(and(inArray(encounters.patientId, ids), isNull(encounters.deletedAt)))
    .all();
  for (const row of encounterRows) {
    resources.push({
      resourceType: 'Encounter',
      id: row.id,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: row.kind === 'office' ? 'AMB' : 'VR' },
      subject: { reference: patientRef },
      period: { start: row.startedAt },
      ...(row.reason ? { reasonCode: [{ text: row.reason }] } : {}),
      ...(row.appointmentId ? { appointment: [{ reference: ref('Appointment', row.appointmentId) }] } : {}),
    });
  }
  const encounterIds = encounterRows.map((e) => e.id);
  const diagnosisRows = encounterIds.length
    ? store.db
        .select()
        .from(encounterDiagnoses)
        .where(and(inArray(encounterDiagnoses.encounterId, encounterIds), isNull(encounterDiagnoses.deletedAt)))
        .all()
    : [];
  for (const row of diagnosisRows) {
    resources.push({
      resourceType: 'Condition',
      id: row.id,
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
      code: { coding: [{ system: ICD10CM, code: dottedCode(row.code), display: row.title }], text: row.title },
      subject: { reference: patientRef },
      encounter: { reference: ref('Encounter', row.encounterId) },
    });
  }
  for (const row of store.db
    .select()
    .from(problems)
    .where(and(inArray(problems.patientId, ids), isNull(problems.deletedAt)))
    .all()) {
    if (row.status === 'entered_in_error') continue;
    resources.push({
      resourceType: 'Condition',
      id: row.id,
      clinicalStatus: { coding: [{ system: CLINICAL_STATUS, code: row.status === 'resolved' ? 'resolved' : 'active' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
      code: { ...(row.code ? { coding: [{ system: ICD10CM, code: dottedCode(row.code), display: row.title }] } : {}), text: row.title },
      subject: { reference: patientRef },
      ...(row.onsetDate ? { onsetDateTime: row.onsetDate } : {}),
      ...(row.resolvedDate ? { abatementDateTime: row.resolvedDate } : {}),
    });
  }
  const vitalRows = store.db
    .select()
    .from(vitalSigns)
    .where(and(inArray(vitalSigns.patientId, ids), isNull(vitalSigns.deletedAt), isNull(vitalSigns.enteredInErrorAt)))
    .all();
  for (const row of vitalRows)
    resources.push(...vitalObservations(row, patientRef, row.encounterId ? ref('Encounter', row.encounterId) : null));
  for (const row of store.db
    .select()
    .from(medications)
    .where(and(inArray(medications.patientId, ids), isNull(medications.deletedAt)))
    .all()) {
    if (row.status === 'entered_in_error') continue;
    const dosage = [row.dose, row.route, row.frequency].filter(Boolean).join(', ');
    resources.push({
      resourceType: 'MedicationStatement',
      id: row.id,
      status: row.status === 'stopped' ? 'stopped' : 'active',
      medicationCodeableConcept: { text: row.name },
      subject: { reference: patientRef },
      ...(row.startDate || row.stopDate
        ? { effectivePeriod: { ...(row.startDate ? { start: row.startDate } : {}), ...(row.stopDate ? { end: row.stopDate } : {}) } }
        : {}),
      ...(dosage ? { dosage: [{ text: dosage }] } : {}),
    });
  }
  for (const row of store.db
    .select()
    .from(allergies)
    .where(and(inArray(allergies.patientId, ids), isNull(allergies.deletedAt), eq(allergies.status, 'active')))
    .all()) {
    const noneKnown = row.category === 'none_known';
    resources.push({
      resourceType: 'AllergyIntolerance',
      id: row.id,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
      ...(noneKnown
        ? {}
        : { category: [row.category === 'environment' ? 'environment' : row.category === 'food' ? 'food' : 'medication'] }),
      code: noneKnown
        ? { coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }], text: 'No known allergies' }
        : { text: row.substance },
      patient: { reference: patientRef },
      recordedDate: row.recordedAt,
      ...(row.reaction || row.severity
        ? {
            reaction: [
              {
                manifestation: [{ text: row.reaction ?? 'Reaction not described' }],
                ...(row.severity === 'mild' || row.severity === 'moderate' || row.severity === 'severe' ? { severity: row.severity } : {}),
              },
            ],
          }
        : {}),
    });
  }
  const noteRows = encounterIds.length
    ? store.db
        .select()
        .from(notes)
        .where(and(inArray(notes.encounterId, encounterIds), isNull(notes.deletedAt)))
        .all()
    : [];
  for (const row of noteRows) {
    const note = loadNote(store, row);
    if (note.status !== 'signed') continue;
    const body = [
      ...(['subjective', 'objective', 'assessment', 'plan'] as const).map((s) => `${s.toUpperCase()}\n${note.content[s]}`),
      ...note.addenda.map((a) => `ADDENDUM (${a.authorName}, ${a.writtenAt})\n${a.text}`),
    ].join('\n\n');
    resources.push({
      resourceType: 'DocumentReference',
      id: row.id,
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
      subject: { reference: patientRef },
      date: note.signatures[0]?.signedAt ?? row.updatedAt,
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: text(body) } }],
      context: { encounter: [{ reference: ref('Encounter', row.encounterId) }] },
    });
  }
  for (const immunization of listImmunizations(store, survivor)) resources.push(immunizationResource(immunization, patientRef));
  for (const panel of listLabs(store, survivor)) resources.push(...labResources(panel, patientRef));
  resources.push(...attachmentDocuments(store, survivor, patientRef));
  for (const appointment of appointmentsOfPatient(store, survivor)) {
    resources.push({
      resourceType: 'Appointment',
      id: appointment.id,
      status: appointmentStatus(appointment.status),
      start: appointment.startAt,
      end: appointment.endAt,
      participant: [{ actor: { reference: patientRef }, status: 'accepted' }],
    });
  }
  // Entries reference each other as Type/id; a collection needs no fullUrl.
  const entry: BundleEntry[] = resources.map((resource) => ({ resource }));
  return { resourceType: 'Bundle', type: 'collection', timestamp: new Date().toISOString(), entry };
}
