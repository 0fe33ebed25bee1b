/**
 * What a FHIR Bundle will become in the chart (the import plan): each
 * resource mapped to an Outpost entry or listed as skipped with a reason.
 */
import { ApiError, sexes, type NoteContent } from '../../contract';
import type { LabReport } from '../clinical/results';
import { bundleResources, codeIn, conceptText, noteFromText, read, type Loose, type Skipped } from './read';
import { immunizationFrom, labReportsFrom, type ImportedImmunization } from './results';
import { DERIVED_VITAL_CODES, isVitalSignCategory, vitalValuesOf, type VitalColumns } from './vitals';

const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const NO_KNOWN_ALLERGY = '716186003';

export interface ImportPlan {
  patient: {
    givenName: string;
    familyName: string;
    middleName: string | null;
    sex: string;
    dateOfBirth: string;
    phoneMobile: string | null;
    phoneHome: string | null;
    email: string | null;
  } | null;
  encounters: { sourceId: string; startedAt: string; kind: string; reason: string | null }[];
  diagnoses: { encounterSourceId: string; code: string; title: string; rank: number }[];
  notes: { encounterSourceId: string | null; date: string; content: NoteContent; addenda: { writtenAt: string | null; text: string }[] }[];
  problems: { code: string | null; title: string; onsetDate: string | null; status: string; resolvedDate: string | null }[];
  vitals: VitalValues[];
  medications: { name: string; dose: string | null; status: string; startDate: string | null; stopDate: string | null }[];
  immunizations: ImportedImmunization[];
  labs: LabReport[];
  allergies: {
    category: string;
    substance: string;
    reaction: string | null;
    severity: string | null;
    status: string;
    recordedAt: string;
  }[];
  skipped: Skipped[];
}

interface VitalValues extends VitalColumns {
  takenAt: string;
  encounterSourceId: string | null;
  source: string;
  sourceLabel: string | null;
}

const idOf = (reference: string | null) => reference?.split('/').pop() ?? null;
const dateOnly = (value: string | null) => (value ? value.slice(0, 10) : null);

/** Vital signs grouped into readings; the other observations are handed back (lab results, or skipped). */
function vitalsOf(observations: Loose[], others: Loose[]): VitalValues[] {
  const readings = new Map<string, VitalValues>();
  for (const o of observations) {
    const takenAt = read.string(o.effectiveDateTime);
    const code = codeIn(o.code, 'http://loinc.org');
    if (code && DERIVED_VITAL_CODES.has(code)) continue;
    // A glucose filed as a vital sign (home monitoring, or Outpost's own export) is one; otherwise it is a lab result.
    const values = vitalValuesOf(o, isVitalSignCategory(o));
    if (!takenAt || Object.keys(values).length === 0) {
      others.push(o);
      continue;
    }
    const encounterSourceId = idOf(read.reference(o.encounter));
    const key = `${takenAt}|${encounterSourceId ?? ''}`;
    const device = read.object(o.device).display;
    const reading = readings.get(key) ?? {
      takenAt: new Date(takenAt).toISOString(),
      encounterSourceId,
      heightCm: null,
      weightKg: null,
      temperatureC: null,
      pulseBpm: null,
      respiratoryRate: null,
      systolic: null,
      diastolic: null,
      spo2Pct: null,
      painScore: null,
      glucoseMgDl: null,
      source: 'fhir',
      sourceLabel: typeof device === 'string' ? device : null,
    };
    readings.set(key, { ...reading, ...values });
  }
  return [...readings.values()];
}

export function planImport(json: string): ImportPlan {
  const resources = bundleResources(json);
  const plan: ImportPlan = {
    patient: null,
    encounters: [],
    diagnoses: [],
    notes: [],
    problems: [],
    vitals: [],
    medications: [],
    allergies: [],
    immunizations: [],
    labs: [],
    skipped: [],
  };
  const skip = (r: Loose, reason: string) => plan.skipped.push({ resourceType: r.resourceType, id: r.id ?? null, reason });
  const patients = resources.filter((r) => r.resourceType === 'Patient');
  if (patients.length > 1)
    throw new ApiError('VALIDATION', 'This bundle holds more than one patient. Import one patient’s record at a time.');
  const [patient] = patients;
  if (patient) {
    const name =
      read
        .array(patient.name)
        .map(read.object)
        .find((n) => n.use === 'official') ?? read.object(read.array(patient.name)[0]);
    const given = read.array(name.given).filter((g): g is string => typeof g === 'string');
    const telecom = read.array(patient.telecom).map(read.object);
    const gender = read.string(patient.gender);
    plan.patient = {
      givenName: given[0] ?? '',
      middleName: given[1] ?? null,
      familyName: read.string(name.family) ?? '',
      sex: gender && (sexes as readonly string[]).includes(gender) ? gender : 'unknown',
      dateOfBirth: read.string(patient.birthDate) ?? '',
      phoneMobile: read.string(telecom.find((t) => t.system === 'phone' && t.use === 'mobile')?.value),
      phoneHome: read.string(telecom.find((t) => t.system === 'phone' && t.use !== 'mobile')?.value),
      email: read.string(telecom.find((t) => t.system === 'email')?.value),
    };
  }
  const encounterIds = new Set(resources.filter((r) => r.resourceType === 'Encounter' && r.id).map((r) => r.id ?? ''));
  const observations: Loose[] = [];
  const reports: Loose[] = [];
  for (const r of resources) {
    switch (r.resourceType) {
      case 'Patient':
        break;
      case 'Encounter': {
        const start = read.string(read.object(r.period).start);
        if (!r.id || !start) skip(r, 'It has no id or no start time.');
        else {
          const cls = read.string(read.object(r.class).code);
          plan.encounters.push({
            sourceId: r.id,
            startedAt: new Date(start).toISOString(),
            kind: cls === 'VR' ? 'telehealth' : 'office',
            reason: conceptText(read.array(r.reasonCode)[0]),
          });
        }
        break;
      }
      case 'Condition': {
        const title = conceptText(r.code);
        const code = codeIn(r.code, ICD10CM)?.replace('.', '') ?? null;
        const category = read
          .array(r.category)
          .map((c) => codeIn(c))
          .join(' ');
        const encounter = idOf(read.reference(r.encounter));
        if (!title) skip(r, 'It has no code or text.');
        else if (category.includes('encounter-diagnosis')) {
          if (!code) skip(r, 'A visit diagnosis needs an ICD-10-CM code.');
          else if (!encounter || !encounterIds.has(encounter)) skip(r, 'Its encounter is not in the bundle.');
          else
            plan.diagnoses.push({
              encounterSourceId: encounter,
              code,
              title,
              rank: plan.diagnoses.filter((d) => d.encounterSourceId === encounter).length + 1,
            });
        } else {
          const status = codeIn(r.clinicalStatus) === 'resolved' ? 'resolved' : 'active';
          plan.problems.push({
            code,
            title,
            onsetDate: dateOnly(read.string(r.onsetDateTime)),
            status,
            resolvedDate: status === 'resolved' ? dateOnly(read.string(r.abatementDateTime)) : null,
          });
        }
        break;
      }
      case 'Observation':
        observations.push(r);
        break;
      case 'MedicationStatement': {
        const name = conceptText(r.medicationCodeableConcept);
        const period = read.object(r.effectivePeriod);
        if (!name) skip(r, 'It names no medication.');
        else
          plan.medications.push({
            name,
            dose: read.string(read.object(read.array(r.dosage)[0]).text),
            status: r.status === 'stopped' || r.status === 'completed' ? 'stopped' : 'active',
            startDate: dateOnly(read.string(period.start)),
            stopDate: dateOnly(read.string(period.end)),
          });
        break;
      }
      case 'AllergyIntolerance': {
        const noneKnown = codeIn(r.code, 'http://snomed.info/sct') === NO_KNOWN_ALLERGY;
        const substance = conceptText(r.code);
        const reaction = read.object(read.array(r.reaction)[0]);
        const category = read.string(read.array(r.category)[0]);
        if (!substance) skip(r, 'It names no substance.');
        else
          plan.allergies.push({
            category: noneKnown ? 'none_known' : category === 'medication' ? 'drug' : (category ?? 'drug'),
            substance: noneKnown ? 'No known allergies' : substance,
            reaction: conceptText(read.array(reaction.manifestation)[0]),
            severity: read.string(reaction.severity),
            status: 'active',
            recordedAt: read.string(r.recordedDate) ?? new Date().toISOString(),
          });
        break;
      }
      case 'DocumentReference': {
        const attachment = read.object(read.object(read.array(r.content)[0]).attachment);
        const data = read.string(attachment.data);
        const type = read.string(attachment.contentType) ?? '';
        if (!data || !type.startsWith('text/plain')) skip(r, 'Only plain-text notes are imported (attachments are not yet).');
        else {
          const encounter = idOf(read.reference(read.array(read.object(r.context).encounter)[0]));
          plan.notes.push({
            encounterSourceId: encounter && encounterIds.has(encounter) ? encounter : null,
            date: read.string(r.date) ?? new Date().toISOString(),
            ...noteFromText(Buffer.from(data, 'base64').toString('utf8')),
          });
        }
        break;
      }
      case 'Immunization': {
        const immunization = immunizationFrom(r);
        if (typeof immunization === 'string') skip(r, immunization);
        else plan.immunizations.push(immunization);
        break;
      }
      case 'DiagnosticReport':
        reports.push(r);
        break;
      case 'Appointment':
        skip(r, 'Appointments are not imported: book them in the schedule.');
        break;
      default:
        skip(r, `Outpost does not record ${r.resourceType} resources yet.`);
    }
  }
  const others: Loose[] = [];
  plan.vitals = vitalsOf(observations, others);
  const labs = others.filter(
    (o) => read.string(o.effectiveDateTime) && (read.quantity(o.valueQuantity)?.value !== undefined || read.string(o.valueString)),
  );
  for (const o of others.filter((x) => !labs.includes(x))) {
    plan.skipped.push({ resourceType: 'Observation', id: o.id ?? null, reason: 'It has no date or no value Outpost can record.' });
  }
  plan.labs = labReportsFrom(labs, reports);
  return plan;
}
