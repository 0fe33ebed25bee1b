/** Every contract method's handler, registered in one place (the typed handler map). */
import type { Handlers } from './handler';
import { accountHandlers } from './accounts/handlers';
import { patientHandlers } from './patients/handlers';
import { schedulingHandlers } from './scheduling/handlers';
import { settingsHandlers } from './settings/handlers';
import { syncHandlers } from './sync/handlers';
import { mergeHandlers } from './patients/merge';
import { conflictHandlers } from './conflicts/handlers';
import { codeHandlers } from './codes/handlers';
import { chartingHandlers } from './charting/handlers';
import { clinicalHandlers } from './clinical/handlers';
import { deviceImportHandlers } from './clinical/device-import-handlers';
import { fhirHandlers } from './fhir/handlers';
import { auditHandlers } from './audit/handlers';
import { billingHandlers } from './billing/handlers';
import { snippetHandlers } from './snippets/handlers';
import { careGapHandlers } from './care-gaps/handlers';
import { attachmentHandlers } from './attachments/handlers';
import { reportHandlers } from './reports/handlers';

export const handlers: Handlers = {
  ...accountHandlers,
  ...settingsHandlers,
  ...patientHandlers,
  ...schedulingHandlers,
  ...syncHandlers,
  ...mergeHandlers,
  ...conflictHandlers,
  ...codeHandlers,
  ...chartingHandlers,
  ...clinicalHandlers,
  ...deviceImportHandlers,
  ...fhirHandlers,
  ...auditHandlers,
  ...billingHandlers,
  ...snippetHandlers,
  ...careGapHandlers,
  ...attachmentHandlers,
  ...reportHandlers,
};
