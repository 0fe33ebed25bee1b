/** Reports and patient statements. Statements live with billing (they read the ledger like the accounts do). */
import type { Handlers } from '../handler';
import { batchStatements, patientStatement } from '../billing/statements';
import { appointmentReport, newPatients } from './activity';
import { daySheet } from './day-sheet';
import { collections, production } from './money';
import { denials } from './denials';

type ReportMethod =
  | 'statements.patient'
  | 'statements.batch'
  | 'reports.daySheet'
  | 'reports.production'
  | 'reports.collections'
  | 'reports.newPatients'
  | 'reports.appointments'
  | 'reports.denials';

export const reportHandlers: Pick<Handlers, ReportMethod> = {
  'statements.patient': (input, { store }) => patientStatement(store, input),
  'statements.batch': (input, { store }) => batchStatements(store, input),
  'reports.daySheet': (input, { store }) => daySheet(store, input),
  'reports.production': (input, { store }) => production(store, input),
  'reports.collections': (input, { store }) => collections(store, input),
  'reports.newPatients': (input, { store }) => newPatients(store, input),
  'reports.appointments': (input, { store }) => appointmentReport(store, input),
  'reports.denials': (input, { store }) => denials(store, input),
};
