/** Clinic, providers, rooms and appointment types: read once, refreshed on data.changed. */
import type { Reference } from '../../../main/contract';
import { useApi } from '../api/hooks';

export function useReference(): { reference: Reference | undefined; isPending: boolean } {
  const query = useApi('reference.get', {}, { staleTime: 60_000 });
  return { reference: query.data, isPending: query.isPending };
}
