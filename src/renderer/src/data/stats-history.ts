import { useQuery, useQueryClient } from '@tanstack/react-query';

/** How many samples the Stats tab keeps: one a second, about a minute. */
export const statsHistoryLength = 60;

/**
 * One sample a second while the Stats tab is on screen (paused while the window is hidden),
 * gathered into the last minute of samples. The history lives in the query cache, so leaving the
 * tab and coming back keeps the charts. A sample with the same `at` as the last is not added again.
 */
export function useStatsHistory<Sample extends { at: string }>(
  key: readonly unknown[],
  fetchSample: () => Promise<Sample>,
  enabled: boolean,
) {
  const queryClient = useQueryClient();
  return useQuery<Sample[]>({
    queryKey: key,
    queryFn: async () => {
      const sample = await fetchSample();
      const history = queryClient.getQueryData<Sample[]>(key) ?? [];
      if (history.at(-1)?.at === sample.at) return history;
      return [...history, sample].slice(-statsHistoryLength);
    },
    enabled,
    refetchInterval: 1000,
    refetchIntervalInBackground: false,
    gcTime: 5 * 60_000,
  });
}
