/**
 * THE API (ARCHITECTURE §2): every method with its input, output and
 * permission. Pure TypeScript + zod, imported by main, preload and renderer.
 */
import type { z } from 'zod';
import { accounts } from './accounts';
import { patients } from './patients';
import { scheduling } from './scheduling';
import { settings } from './settings';
import { sync } from './sync';
import { conflictsApi } from './conflicts';
import { charting } from './charting';
import { clinical } from './clinical';
import { alertsApi } from './alerts';
import { fhir } from './fhir';
import { auditApi } from './audit';
import { resultsApi } from './results';
import { codes } from './codes';
import { snippetsApi } from './snippets';
import { careGapsApi } from './care-gaps';
import { devices } from './devices';
import { billing } from './billing';
import { ledger } from './ledger';
import { claimsApi } from './claims';
import { remittanceApi } from './remittance';
import { emergencyApi } from './emergency';
import { attachmentsApi } from './attachments';
import { reportsApi } from './reports';

export const api = {
  ...accounts,
  ...settings,
  ...patients,
  ...scheduling,
  ...sync,
  ...conflictsApi,
  ...charting,
  ...clinical,
  ...alertsApi,
  ...fhir,
  ...auditApi,
  ...resultsApi,
  ...codes,
  ...snippetsApi,
  ...careGapsApi,
  ...devices,
  ...billing,
  ...ledger,
  ...claimsApi,
  ...remittanceApi,
  ...emergencyApi,
  ...attachmentsApi,
  ...reportsApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;
export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(value: string): value is MethodName {
  return Object.hasOwn(api, value);
}

export * from './errors';
export * from './events';
export * from './permissions';
export type { Access } from './permissions';
export { Appointment, appointmentStatuses, inactiveStatuses, statusLabels, BookingConflict, Slot, ScheduleBlock } from './scheduling';
export type { AppointmentStatus } from './scheduling';
export {
  Patient,
  PatientSummary,
  PatientFields,
  DuplicateCandidate,
  sexes,
  relationships,
  patientDisplayName,
  parseDateToken,
} from './patients';
export type { PatientFieldsInput } from './patients';
export { Clinic, Provider, Room, AppointmentType, Reference } from './settings';
export { User } from './accounts';
export { WeeklyHours, Interval } from './common';
export { SyncTarget, SyncTargetView, Passphrase } from './sync';
export { Conflict, conflictResolutions, clinicalConflictKinds, billingConflictKinds } from './conflicts';
export type { ConflictResolution } from './conflicts';
export {
  Note,
  Encounter,
  EncounterDetail,
  NoteContent,
  NoteTemplate,
  Addendum,
  Diagnosis,
  noteSections,
  sectionLabels,
  encounterKinds,
  encounterKindLabels,
} from './charting';
export type { NoteSection } from './charting';
export { DiagnosisCode, CodeImportResult, dottedCode, MAX_CODE_FILE_CHARS } from './codes';
export {
  VitalSigns,
  VitalSignsInput,
  vitalKinds,
  Problem,
  Allergy,
  AllergyState,
  Medication,
  allergyCategories,
  allergySeverities,
} from './clinical';
export type { VitalKind } from './clinical';
export { MedicationAlert, AlertCheck, GenomicResult, pgxPhenotypes } from './alerts';
export { AuditEvent } from './audit';
export { kgToLb, cmToIn, celsiusToF, mgDlToMmolL, toKg, toCm, toCelsius, toMgDl, bmiOf } from './units';
export { Immunization, LabResult, LabPanel } from './results';
export { Attachment, DicomSummary, attachmentMediaTypes, attachmentCategories, mediaTypeLabels, MAX_ATTACHMENT_BYTES } from './attachments';
export type { AttachmentMediaType, AttachmentCategory } from './attachments';
export { FeeSchedule, FeeItem, Charge, Superbill, chargeStatuses, feeScheduleKinds } from './billing';
export {
  LedgerEntry,
  PatientAccount,
  AgingBuckets,
  AgingRow,
  ledgerKinds,
  paymentMethods,
  paymentMethodLabels,
  adjustmentReasons,
} from './ledger';
export { DaySheetTotals, DaySheetLine, AppointmentCounts, MAX_REPORT_DAYS } from './reports';
export { DevicePreview, DeviceReading, SkippedReading, MAX_DEVICE_FILE_CHARS } from './devices';
export { Snippet, SnippetInput, snippetPlaceholders, unknownPlaceholders } from './snippets';
export type { SnippetPlaceholder } from './snippets';
export { CareGap, CareGapOutcome, careGapOutcomes, careGapOutcomeLabels, careGapStatuses } from './care-gaps';
export type { CareGapOutcomeKind } from './care-gaps';
export { ClaimSummary, ClaimDetail, BillingProfile, claimStatuses, claimStatusLabels, claimTransitions, isValidNpi } from './claims';
export type { ClaimStatus } from './claims';
export { RemittanceClaim, RemittancePlan } from './remittance';
export { EmergencyAccess, EMERGENCY_MINUTES } from './emergency';
export { formatCents, spreadsheetSafe } from './format';
