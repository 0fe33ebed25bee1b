/**
 * React Query over the typed client. Query keys start with the method name;
 * any `data.changed` event (local or, later, from sync) refetches what is on
 * screen, so every view stays current without manual refresh.
 */
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Input, MethodName, Output } from '../../../main/contract';
import type { ApiError } from '../../../main/contract';
import { api } from './client';

export function useApi<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiError>({ queryKey: [method, input], queryFn: () => api.call(method, input), ...options });
}

export function useApiMutation<M extends MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Refetch everything on screen when the core says data changed. */
export function useLiveData(): void {
  const client = useQueryClient();
  useEffect(() => api.on('data.changed', () => void client.invalidateQueries()), [client]);
}
