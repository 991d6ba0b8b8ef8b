import { useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { CompareEnvironment, GuestLiveSample, GuestMeasurement } from '@shared/compare';
import type { ApiClient } from '../api/client';
import { useApi } from './ApiContext';
import { LiveHistory } from './stats-history';

/** Query keys of the Compare side, named after their methods like the others. */
export const compareQueryKeys = {
  environment: ['compare.environment'],
  measure: (guestIds: readonly string[]) => ['compare.measure', ...guestIds] as const,
  live: ['guests.live'],
} as const;

/** The host a comparison runs on; it changes rarely, so it is asked once per visit. */
export function useCompareEnvironment() {
  const api = useApi();
  return useQuery<CompareEnvironment>({
    queryKey: compareQueryKeys.environment,
    queryFn: () => api.call('compare.environment', {}),
    staleTime: 5 * 60_000,
  });
}

/** The host's numbers for a twin's guests, every 2 s while the page is visible. */
export function useCompareMeasure(guestIds: readonly string[]) {
  const api = useApi();
  return useQuery<GuestMeasurement[]>({
    queryKey: compareQueryKeys.measure(guestIds),
    queryFn: () => api.call('compare.measure', { guestIds: [...guestIds] }),
    enabled: guestIds.length > 0,
    refetchInterval: 2000,
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });
}

const histories = new WeakMap<ApiClient, LiveHistory>();

function liveHistoryFor(api: ApiClient): LiveHistory {
  let history = histories.get(api);
  if (!history) {
    history = new LiveHistory();
    histories.set(api, history);
  }
  return history;
}

/**
 * One `guests.live` call a second for every card of the Lab page (not one per card), while the
 * window is visible; the samples go into the per-guest history that sparklines read.
 */
export function useGuestsLivePolling(enabled: boolean): void {
  const api = useApi();
  useQuery<GuestLiveSample[]>({
    queryKey: compareQueryKeys.live,
    queryFn: async () => {
      const samples = await api.call('guests.live', {});
      liveHistoryFor(api).add(samples);
      return samples;
    },
    enabled,
    refetchInterval: 1000,
    refetchIntervalInBackground: false,
    // The samples reach the sparklines through the history; the page itself need not re-render.
    notifyOnChangeProps: [],
  });
}

/** The recent host-memory samples of one guest; re-renders only when this guest gets a sample. */
export function useLiveMemory(guestId: string): readonly number[] | undefined {
  const history = liveHistoryFor(useApi());
  const subscribe = useCallback(
    (listener: () => void) => history.subscribe(guestId, listener),
    [history, guestId],
  );
  return useSyncExternalStore(subscribe, () => history.get(guestId));
}
