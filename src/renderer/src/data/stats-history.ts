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

/** How many live samples a Lab card's sparkline keeps per guest: one a second. */
export const liveHistoryLength = 60;

/**
 * The Lab cards' recent samples, per guest, outside React: one poll for all guests appends here,
 * and each card's sparkline subscribes to its own guest only, so a new sample re-renders that
 * sparkline and nothing else (the page stays light with dozens of cards).
 */
export class LiveHistory {
  readonly #values = new Map<string, number[]>();
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #lastAt = new Map<string, string>();

  /** Adds one sample per guest; a sample with the same `at` as the guest's last is skipped. */
  add(samples: readonly { guestId: string; at: string; hostMemoryBytes?: number }[]): void {
    for (const sample of samples) {
      if (sample.hostMemoryBytes === undefined || this.#lastAt.get(sample.guestId) === sample.at) continue;
      this.#lastAt.set(sample.guestId, sample.at);
      const next = [...(this.#values.get(sample.guestId) ?? []), sample.hostMemoryBytes].slice(
        -liveHistoryLength,
      );
      // A new array per change: useSyncExternalStore compares snapshots by identity.
      this.#values.set(sample.guestId, next);
      for (const listener of this.#listeners.get(sample.guestId) ?? []) listener();
    }
  }

  get(guestId: string): readonly number[] | undefined {
    return this.#values.get(guestId);
  }

  subscribe(guestId: string, listener: () => void): () => void {
    const set = this.#listeners.get(guestId) ?? new Set();
    set.add(listener);
    this.#listeners.set(guestId, set);
    return () => set.delete(listener);
  }
}
