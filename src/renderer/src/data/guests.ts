import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type {
  ContainerAction,
  ContainerStatsSample,
  ImageScope,
  TwinlabImage,
} from '../../../shared/containers';
import type { Guest } from '../../../shared/guest';
import { useApi } from './ApiContext';
import { queryKeys } from './queries';

/** Every guest, Twinlab's own and the user's others; kept current by the `guests.changed` event. */
export function useGuests() {
  const api = useApi();
  return useQuery<Guest[]>({
    queryKey: queryKeys.guests,
    queryFn: () => api.call('guests.list', {}),
  });
}

/** One guest out of the list (the list is the one source of guest state, so both stay in step). */
export function useGuest(id: string) {
  const guests = useGuests();
  return { ...guests, guest: guests.data?.find((guest) => guest.id === id) };
}

/**
 * Refetches the guest list whenever main says a guest changed. Mounted once, at the top of the
 * app, so the cache is fresh whichever page is open.
 */
export function useLiveGuests(): void {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('guests.changed', ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
        if (id) void queryClient.invalidateQueries({ queryKey: queryKeys.inspect(id) });
      }),
    [api, queryClient],
  );
}

export interface ContainerActionInput {
  id: string;
  action: ContainerAction;
}

export function useContainerAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<null, Error, ContainerActionInput>({
    mutationFn: (input) => api.call('containers.action', input),
    onSettled: (_result, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inspect(input.id) });
      if (input.action === 'remove') void queryClient.invalidateQueries({ queryKey: queryKeys.images });
    },
  });
}

export function useContainerInspect(id: string, enabled = true) {
  const api = useApi();
  return useQuery<Record<string, unknown>>({
    queryKey: queryKeys.inspect(id),
    queryFn: () => api.call('containers.inspect', { id }),
    enabled,
  });
}

/** How many samples the Stats tab keeps: one a second, about a minute. */
export const statsHistoryLength = 60;

/**
 * One sample a second while the Stats tab is on screen (paused while the window is hidden),
 * gathered into the last minute of samples. The history lives in the query cache, so leaving the
 * tab and coming back keeps the charts.
 */
export function useContainerStatsHistory(id: string, enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = queryKeys.stats(id);
  return useQuery<ContainerStatsSample[]>({
    queryKey: key,
    queryFn: async () => {
      const sample = await api.call('containers.stats', { id });
      const history = queryClient.getQueryData<ContainerStatsSample[]>(key) ?? [];
      if (history.at(-1)?.at === sample.at) return history;
      return [...history, sample].slice(-statsHistoryLength);
    },
    enabled,
    refetchInterval: 1000,
    refetchIntervalInBackground: false,
    gcTime: 5 * 60_000,
  });
}

export function useImages(scope: ImageScope) {
  const api = useApi();
  return useQuery<TwinlabImage[]>({
    queryKey: [...queryKeys.images, scope],
    queryFn: () => api.call('images.list', { scope }),
  });
}

export function useRemoveImage() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<null, Error, string>({
    mutationFn: (image) => api.call('images.remove', { image }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.images }),
  });
}
