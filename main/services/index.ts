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
import { fhirHandlers } from './fhir/handlers';
import { auditHandlers } from './audit/handlers';

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
  ...fhirHandlers,
  ...auditHandlers,
};
