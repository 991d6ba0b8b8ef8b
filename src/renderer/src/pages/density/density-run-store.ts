import type { DensityProgress, DensityResult, DensityRunInput } from '@shared/density';
import type { ApiClient } from '../../api/client';
import { withProgressPoint, type KindPoints } from './chart-data';

export interface DensityRunSnapshot {
  /** The run under way, if any. */
  operationId: string | undefined;
  cancelling: boolean;
  /** The last progress event of the run under way. */
  progress: DensityProgress | undefined;
  /** Points measured so far in the run under way, per kind. */
  live: KindPoints[];
  /** Why the last run stopped without a result. */
  error: unknown;
}

export interface DensityRunStore {
  get(): DensityRunSnapshot;
  subscribe(listener: () => void): () => void;
  /** Starts a run unless one is under way; `onResult` gets its result. */
  start(input: DensityRunInput, onResult: (result: DensityResult) => void, onError: () => void): void;
  cancel(): void;
}

const idle: DensityRunSnapshot = {
  operationId: undefined,
  cancelling: false,
  progress: undefined,
  live: [],
  error: undefined,
};

/**
 * A run outlives the page that started it (a run takes minutes; the user may look at the Lab
 * meanwhile), so its state lives here, one store per api client, and the page reattaches on return.
 */
function createDensityRunStore(api: ApiClient): DensityRunStore {
  let snapshot = idle;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<DensityRunSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    for (const listener of listeners) listener();
  };
  return {
    get: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(input, onResult, onError) {
      if (snapshot.operationId) return;
      const id = input.operationId;
      set({ ...idle, operationId: id });
      // Listened to before the call, so the first point is never missed.
      const unsubscribe = api.on('density.progress', (event) => {
        if (event.operationId === id) set({ progress: event, live: withProgressPoint(snapshot.live, event) });
      });
      api
        .call('density.run', input)
        .then(onResult, (reason: unknown) => {
          set({ error: reason });
          onError();
        })
        .finally(() => {
          unsubscribe();
          set({ operationId: undefined, cancelling: false });
        });
    },
    cancel() {
      const id = snapshot.operationId;
      if (!id || snapshot.cancelling) return;
      set({ cancelling: true });
      api
        .call('operations.cancel', { operationId: id })
        .catch((reason: unknown) => set({ error: reason, cancelling: false }));
    },
  };
}

const stores = new WeakMap<ApiClient, DensityRunStore>();

export function densityRunStore(api: ApiClient): DensityRunStore {
  let store = stores.get(api);
  if (!store) {
    store = createDensityRunStore(api);
    stores.set(api, store);
  }
  return store;
}
