import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TwinActionResult } from '@shared/twins';
import { useApi } from './ApiContext';
import { queryKeys } from './queries';

export type TwinVerb = 'start' | 'stop' | 'delete';

/** Starts, stops or deletes every part of one twin in one call; the guest list follows. */
export function useTwinAction(twinId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<TwinActionResult, Error, TwinVerb>({
    mutationFn: (verb) => api.call(`twins.${verb}`, { twinId }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.guests }),
  });
}
