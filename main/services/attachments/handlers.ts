/** Files attached to the chart: scans, PDFs, images, DICOM studies. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { addAttachment, listAttachments, removeAttachment } from './attachments';
import { attachmentContent } from './content';

type AttachmentMethod = 'attachments.list' | 'attachments.add' | 'attachments.content' | 'attachments.remove';

export const attachmentHandlers: Pick<Handlers, AttachmentMethod> = {
  'attachments.list': (input, { store }) => ({ attachments: listAttachments(store, input.patientId) }),
  'attachments.add': (input, ctx) => addAttachment(ctx.store, requireUser(ctx), input),
  'attachments.content': (input, { store, sync }) => attachmentContent(store, sync, input.id),
  'attachments.remove': (input, ctx) => {
    removeAttachment(ctx.store, requireUser(ctx), input);
    return { ok: true };
  },
};
