import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { DensityLimits, DensityResult, DensityRunInput } from '@shared/density';
import { useApi } from '../../data/ApiContext';
import { newOperationId } from '../../data/operations';
import { densityRunStore, type DensityRunSnapshot } from './density-run-store';

const lastKey = ['density.last'] as const;

export function useDensityLimits() {
  const api = useApi();
  return useQuery<DensityLimits>({
    queryKey: ['density.limits'],
    queryFn: () => api.call('density.limits', {}),
  });
}

/** The last finished run (kept by main), replaced by each run this page finishes. */
export function useLastDensityResult() {
  const api = useApi();
  return useQuery<DensityResult | null>({ queryKey: lastKey, queryFn: () => api.call('density.last', {}) });
}

export interface DensityRun extends DensityRunSnapshot {
  running: boolean;
  start(makeInput: (operationId: string) => DensityRunInput | undefined): void;
  cancel(): void;
}

/** The run under way (or none), whichever page instance started it; its result becomes density.last. */
export function useDensityRun(): DensityRun {
  const api = useApi();
  const queryClient = useQueryClient();
  const store = densityRunStore(api);
  const snapshot = useSyncExternalStore(store.subscribe, store.get);

  const start = useCallback(
    (makeInput: (operationId: string) => DensityRunInput | undefined) => {
      const input = makeInput(newOperationId());
      if (!input) return;
      store.start(
        input,
        (result) => queryClient.setQueryData(lastKey, result),
        // A run stopped half way may still have left a result in main.
        () => void queryClient.invalidateQueries({ queryKey: lastKey }),
      );
    },
    [store, queryClient],
  );

  return { ...snapshot, running: snapshot.operationId !== undefined, start, cancel: store.cancel };
}
