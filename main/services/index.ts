/** Every contract method's handler, registered in one place (the typed handler map). */
import type { Handlers } from './handler';
import { accountHandlers } from './accounts/handlers';
import { patientHandlers } from './patients/handlers';
import { schedulingHandlers } from './scheduling/handlers';
import { settingsHandlers } from './settings/handlers';

export const handlers: Handlers = {
  ...accountHandlers,
  ...settingsHandlers,
  ...patientHandlers,
  ...schedulingHandlers,
  'sync.status': (_input, { store }) => ({ mode: 'local', pendingOps: store.pendingOps(), lastSyncAt: null, lastError: null }),
};
