/**
 * The patient's clinical lists: vital signs, problems, allergies, medications.
 * Values are stored in one canonical unit (metric); the chart converts for
 * display and entry. Nothing is deleted: a wrong entry is marked "entered in
 * error" with a reason, so the record shows what was believed and when.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncColumns } from './columns';

export const vitalSigns = sqliteTable(
  'vital_signs',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    encounterId: text('encounter_id'),
    takenAt: text('taken_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
    heightCm: real('height_cm'),
    weightKg: real('weight_kg'),
    temperatureC: real('temperature_c'),
    pulseBpm: integer('pulse_bpm'),
    respiratoryRate: integer('respiratory_rate'),
    systolic: integer('systolic'),
    diastolic: integer('diastolic'),
    spo2Pct: integer('spo2_pct'),
    painScore: integer('pain_score'),
    /** Blood glucose, kept in mg/dL (mmol/L converted at entry with the factors of contract/units). */
    glucoseMgDl: real('glucose_mg_dl'),
    /** Open enum: clinic, device (home monitoring import), fhir. */
    source: text('source').notNull().default('clinic'),
    /** Where an imported reading came from (file name, device), in words. */
    sourceLabel: text('source_label'),
    enteredInErrorAt: text('entered_in_error_at'),
    enteredInErrorReason: text('entered_in_error_reason'),
  },
  (t) => [index('vital_signs_patient').on(t.patientId, t.takenAt)],
);

export const problems = sqliteTable(
  'problems',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    code: text('code'),
    title: text('title').notNull(),
    onsetDate: text('onset_date'),
    /** Open enum: active, resolved, entered_in_error. */
    status: text('status').notNull().default('active'),
    resolvedDate: text('resolved_date'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('problems_patient').on(t.patientId)],
);

export const allergies = sqliteTable(
  'allergies',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** Open enum: drug, food, environment, none_known (the recorded statement "no known allergies"). */
    category: text('category').notNull(),
    substance: text('substance').notNull(),
    /** Drug class for cross-sensitivity checks (e.g. penicillins), when known. */
    drugClass: text('drug_class'),
    reaction: text('reaction'),
    /** Open enum: mild, moderate, severe. */
    severity: text('severity'),
    /** Open enum: active, inactive, entered_in_error. */
    status: text('status').notNull().default('active'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('allergies_patient').on(t.patientId)],
);

export const medications = sqliteTable(
  'medications',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    encounterId: text('encounter_id'),
    name: text('name').notNull(),
    drugClass: text('drug_class'),
    dose: text('dose'),
    route: text('route'),
    frequency: text('frequency'),
    startDate: text('start_date'),
    stopDate: text('stop_date'),
    /** Open enum: active, stopped, entered_in_error. */
    status: text('status').notNull().default('active'),
    prescriberId: text('prescriber_id'),
    note: text('note'),
  },
  (t) => [index('medications_patient').on(t.patientId)],
);

/** Pharmacogenomic results as reported by a lab: a gene's phenotype, or whether an HLA allele is carried. */
export const genomicResults = sqliteTable(
  'genomic_results',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    /** CYP2C19, CYP2D6, SLCO1B1, TPMT, DPYD, HLA-B, … */
    gene: text('gene').notNull(),
    /** The HLA allele tested (e.g. *57:01); null for metabolizer genes. */
    allele: text('allele'),
    /** Open enum: poor/intermediate/normal/rapid/ultrarapid metabolizer, decreased/poor function, positive, negative. */
    phenotype: text('phenotype').notNull(),
    reportedDate: text('reported_date'),
    lab: text('lab'),
    recordedBy: text('recorded_by').notNull(),
    /** Open enum: active, entered_in_error. */
    status: text('status').notNull().default('active'),
  },
  (t) => [index('genomic_results_patient').on(t.patientId)],
);

/** Append-only: an alert shown when prescribing, and the reason the prescriber went ahead. */
export const alertOverrides = sqliteTable(
  'alert_overrides',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    medicationId: text('medication_id').notNull(),
    alertKey: text('alert_key').notNull(),
    alertTitle: text('alert_title').notNull(),
    /** The knowledge file's version the alert came from. */
    knowledgeVersion: text('knowledge_version').notNull(),
    reason: text('reason').notNull(),
    overriddenBy: text('overridden_by').notNull(),
    overriddenAt: text('overridden_at').notNull(),
  },
  (t) => [index('alert_overrides_medication').on(t.medicationId)],
);

export const immunizations = sqliteTable(
  'immunizations',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    vaccine: text('vaccine').notNull(),
    /** CDC CVX code, when known. */
    cvxCode: text('cvx_code'),
    administeredOn: text('administered_on').notNull(),
    doseNumber: integer('dose_number'),
    lot: text('lot'),
    site: text('site'),
    route: text('route'),
    /** Open enum: completed, refused, entered_in_error. */
    status: text('status').notNull().default('completed'),
    /** Open enum: clinic (given here), historical (reported), fhir (imported). */
    source: text('source').notNull().default('clinic'),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('immunizations_patient').on(t.patientId, t.administeredOn)],
);

/** One analyte of a lab report; the rows of one report share a panel id. */
export const labResults = sqliteTable(
  'lab_results',
  {
    ...syncColumns,
    patientId: text('patient_id').notNull(),
    panelId: text('panel_id').notNull(),
    panel: text('panel').notNull(),
    name: text('name').notNull(),
    loinc: text('loinc'),
    valueNum: real('value_num'),
    valueText: text('value_text'),
    unit: text('unit'),
    refLow: real('ref_low'),
    refHigh: real('ref_high'),
    /** Open enum: low, high, abnormal; null when normal or not known. */
    flag: text('flag'),
    collectedAt: text('collected_at').notNull(),
    lab: text('lab'),
    /** Open enum: final, entered_in_error. */
    status: text('status').notNull().default('final'),
    source: text('source').notNull().default('clinic'),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('lab_results_patient').on(t.patientId, t.collectedAt), index('lab_results_panel').on(t.panelId)],
);
