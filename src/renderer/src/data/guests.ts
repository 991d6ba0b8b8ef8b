import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ContainerAction, ContainerStatsSample, ImageScope, TwinlabImage } from '@shared/containers';
import type { Guest } from '@shared/guest';
import { useApi } from './ApiContext';
import { queryKeys } from './queries';
import { useStatsHistory } from './stats-history';

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

/** The last minute of a running container's numbers, one sample a second. */
export function useContainerStatsHistory(id: string, enabled: boolean) {
  const api = useApi();
  return useStatsHistory<ContainerStatsSample>(
    queryKeys.stats(id),
    () => api.call('containers.stats', { id }),
    enabled,
  );
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
