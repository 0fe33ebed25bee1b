/**
 * Meta-test: every contract method has tests. Adding a method to the contract
 * without adding it here (and a test that calls it) fails the suite; listing a
 * method here whose file never calls it fails too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '../../main/contract';

const ACCOUNTS = 'contract-accounts.test.ts';
const SETTINGS = 'contract-settings.test.ts';
const PATIENTS = 'contract-patients.test.ts';
const SCHEDULING = 'contract-scheduling.test.ts';
const STATUS = 'contract-appointment-status.test.ts';
const TOOLS = 'contract-schedule-tools.test.ts';
const SYNC = 'contract-sync.test.ts';
const CONFLICTS = 'sync-conflicts.test.ts';
const MERGE = 'patients-merge.test.ts';
const CODES = 'contract-codes.test.ts';
const CHART = 'contract-charting.test.ts';
const CLINICAL = 'contract-clinical.test.ts';
const ALERTS = 'contract-alerts.test.ts';
const BILLING = 'contract-billing.test.ts';
const LEDGER = 'contract-ledger.test.ts';
const CLAIMS = 'claims.test.ts';
const REPORTS = 'reports-billing.test.ts';
const ACTIVITY = 'reports-activity.test.ts';
const STATEMENTS = 'statements.test.ts';

/** Each method -> the test file that exercises its success and refusal cases. */
const TESTED_IN: Record<MethodName, string> = {
  'setup.status': ACCOUNTS,
  'setup.create': ACCOUNTS,
  'auth.login': ACCOUNTS,
  'auth.logout': ACCOUNTS,
  'auth.me': ACCOUNTS,
  'auth.lock': 'accounts-lockout.test.ts',
  'chart.emergencyAccess': 'emergency-access.test.ts',
  'audit.emergencyAccesses': 'emergency-access.test.ts',
  'auth.unlock': 'accounts-lockout.test.ts',
  'auth.changePassword': ACCOUNTS,
  'users.list': ACCOUNTS,
  'users.create': ACCOUNTS,
  'users.update': ACCOUNTS,
  'users.resetPassword': ACCOUNTS,
  'reference.get': SETTINGS,
  'clinic.update': SETTINGS,
  'providers.save': SETTINGS,
  'rooms.save': SETTINGS,
  'appointmentTypes.save': SETTINGS,
  'sync.status': SETTINGS,
  'sync.now': SYNC,
  'sync.setPaused': SYNC,
  'sync.settings': SYNC,
  'sync.configure': SYNC,
  'sync.join': SYNC,
  'conflicts.list': CONFLICTS,
  'patients.merge': MERGE,
  'patients.unmerge': MERGE,
  'conflicts.resolve': CONFLICTS,
  'patients.search': PATIENTS,
  'patients.get': PATIENTS,
  'patients.recent': PATIENTS,
  'patients.findDuplicates': PATIENTS,
  'patients.create': PATIENTS,
  'patients.update': PATIENTS,
  'appointments.range': SCHEDULING,
  'appointments.get': SCHEDULING,
  'appointments.forPatient': SCHEDULING,
  'appointments.book': SCHEDULING,
  'appointments.update': SCHEDULING,
  'appointments.setStatus': STATUS,
  'appointments.cancel': STATUS,
  'appointments.findNextAvailable': TOOLS,
  'queue.today': TOOLS,
  'blocks.create': TOOLS,
  'blocks.remove': TOOLS,
  'codes.search': CODES,
  'codes.import': CODES,
  'encounters.list': CHART,
  'encounters.open': CHART,
  'encounters.get': CHART,
  'encounters.setDiagnoses': CHART,
  'notes.save': CHART,
  'notes.sign': CHART,
  'notes.submitForCosign': CHART,
  'notes.addendum': CHART,
  'noteTemplates.list': CHART,
  'encounters.visitSummary': 'chart-visit-summary.test.ts',
  'fhir.exportPatient': 'fhir-export.test.ts',
  'fhir.previewImport': 'fhir-import.test.ts',
  'fhir.import': 'fhir-import.test.ts',
  'deviceReadings.preview': 'device-import.test.ts',
  'deviceReadings.import': 'device-import.test.ts',
  'audit.search': 'audit-trail.test.ts',
  'immunizations.list': 'contract-results.test.ts',
  'immunizations.save': 'contract-results.test.ts',
  'labs.list': 'contract-results.test.ts',
  'labs.record': 'contract-results.test.ts',
  'labs.markError': 'contract-results.test.ts',
  'audit.verify': 'audit-trail.test.ts',
  'vitals.record': CLINICAL,
  'vitals.list': CLINICAL,
  'vitals.markError': CLINICAL,
  'problems.list': CLINICAL,
  'problems.save': CLINICAL,
  'allergies.list': CLINICAL,
  'allergies.save': CLINICAL,
  'allergies.noneKnown': CLINICAL,
  'medications.list': CLINICAL,
  'medications.save': CLINICAL,
  'medications.check': ALERTS,
  'genomics.list': ALERTS,
  'genomics.save': ALERTS,
  'attachments.list': 'attachments.test.ts',
  'attachments.add': 'attachments.test.ts',
  'attachments.content': 'attachments.test.ts',
  'attachments.remove': 'attachments.test.ts',
  'snippets.list': 'snippets.test.ts',
  'snippets.save': 'snippets.test.ts',
  'snippets.delete': 'snippets.test.ts',
  'careGaps.list': 'care-gaps-outcomes.test.ts',
  'careGaps.recordOutcome': 'care-gaps-outcomes.test.ts',
  'careGaps.withdrawOutcome': 'care-gaps-outcomes.test.ts',
  'feeSchedules.list': BILLING,
  'feeSchedules.save': BILLING,
  'feeSchedules.items': BILLING,
  'feeSchedules.saveItem': BILLING,
  'feeSchedules.importCsv': BILLING,
  'feeSchedules.exportCsv': BILLING,
  'charges.superbill': BILLING,
  'charges.save': BILLING,
  'charges.remove': BILLING,
  'charges.post': BILLING,
  'charges.list': BILLING,
  'payments.post': LEDGER,
  'adjustments.post': LEDGER,
  'balances.transfer': LEDGER,
  'refunds.post': LEDGER,
  'ledger.reverse': LEDGER,
  'billing.account': LEDGER,
  'billing.lockDate': LEDGER,
  'billing.setLockDate': LEDGER,
  'reports.arAging': LEDGER,
  'billing.profile': CLAIMS,
  'billing.saveProfile': CLAIMS,
  'claims.create': CLAIMS,
  'claims.list': CLAIMS,
  'claims.get': CLAIMS,
  'claims.markReady': CLAIMS,
  'claims.setStatus': CLAIMS,
  'claims.export837': CLAIMS,
  'claims.pdf': CLAIMS,
  'remittances.preview': 'remittance.test.ts',
  'remittances.post': 'remittance.test.ts',
  'reports.denials': 'remittance.test.ts',
  'statements.patient': STATEMENTS,
  'statements.batch': STATEMENTS,
  'reports.daySheet': REPORTS,
  'reports.production': REPORTS,
  'reports.collections': REPORTS,
  'reports.newPatients': ACTIVITY,
  'reports.appointments': ACTIVITY,
};

describe('contract coverage', () => {
  it('lists exactly the methods of the contract', () => {
    expect(Object.keys(TESTED_IN).sort()).toEqual([...methodNames].sort());
  });

  it.each(Object.entries(TESTED_IN))('%s is called for success and for refusal in %s', (method, file) => {
    const source = readFileSync(join(import.meta.dirname, file), 'utf8');
    const quoted = `'${method}'`;
    // A typed success call (ok / direct) and a checked refusal (refuses) must both name the method.
    // Prettier may break a long call after its opening parenthesis.
    expect(source, `${file} never calls ${method} expecting success`).toMatch(new RegExp(`(?<!refuses)\\(\\s*${escape(quoted)},`));
    expect(source, `${file} never checks a refusal of ${method}`).toMatch(new RegExp(`refuses\\(\\s*${escape(quoted)}`));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
