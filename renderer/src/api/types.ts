import type { ApiErrorShape } from '../../../main/contract';

export type CallResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };
