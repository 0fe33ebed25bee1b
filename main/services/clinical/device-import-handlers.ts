/** Home-monitoring readings: the preview of a device's file and its import into the vital signs. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { importDeviceReadings, previewDeviceImport } from './device-import';

export const deviceImportHandlers: Pick<Handlers, 'deviceReadings.preview' | 'deviceReadings.import'> = {
  'deviceReadings.preview': (input, { store }) => previewDeviceImport(store, input),
  'deviceReadings.import': (input, ctx) => importDeviceReadings(ctx.store, requireUser(ctx), input),
};
