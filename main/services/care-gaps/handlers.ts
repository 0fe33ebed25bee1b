/** Care gaps: computed on read from the rules file and the chart; outcomes recorded and withdrawn. */
import type { Handlers } from '../handler';
import { requireUser } from '../handler';
import { listCareGaps, recordCareGapOutcome, withdrawCareGapOutcome } from './service';

export const careGapHandlers: Pick<Handlers, 'careGaps.list' | 'careGaps.recordOutcome' | 'careGaps.withdrawOutcome'> = {
  'careGaps.list': (input, { store }) => listCareGaps(store, input),
  'careGaps.recordOutcome': (input, ctx) => recordCareGapOutcome(ctx.store, requireUser(ctx), input),
  'careGaps.withdrawOutcome': (input, { store }) => ({ ok: true, patientId: withdrawCareGapOutcome(store, input.id) }),
};
