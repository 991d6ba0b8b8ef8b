import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperationProgress } from '@shared/operations';
import type { ApiClient } from '../api/client';
import { useApi } from './ApiContext';

/** The caller names its long operation, so it can follow the progress events and cancel it. */
export function newOperationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export interface RunningOperation {
  /** The id of the operation under way, if any. */
  operationId: string | undefined;
  /** Its last progress event. */
  progress: OperationProgress | undefined;
  /**
   * Starts `work` under a fresh operation id. Progress events are listened to before the call is
   * made, so the first one is never missed.
   */
  run<T>(work: (operationId: string, api: ApiClient) => Promise<T>): Promise<T>;
  /** Asks main to stop the operation; `run`'s promise then rejects with a "cancelled" error. */
  cancel(): Promise<void>;
}

export function useOperation(): RunningOperation {
  const api = useApi();
  const [operationId, setOperationId] = useState<string>();
  const [progress, setProgress] = useState<OperationProgress>();
  const current = useRef<string | undefined>(undefined);
  const unsubscribe = useRef<(() => void) | undefined>(undefined);

  useEffect(() => () => unsubscribe.current?.(), []);

  const run = useCallback(
    async <T>(work: (id: string, client: ApiClient) => Promise<T>): Promise<T> => {
      const id = newOperationId();
      unsubscribe.current?.();
      current.current = id;
      setOperationId(id);
      setProgress(undefined);
      unsubscribe.current = api.on('operation.progress', (event) => {
        if (event.operationId === current.current) setProgress(event);
      });
      try {
        return await work(id, api);
      } finally {
        unsubscribe.current?.();
        unsubscribe.current = undefined;
        current.current = undefined;
        setOperationId(undefined);
      }
    },
    [api],
  );

  const cancel = useCallback(async () => {
    const id = current.current;
    if (id) await api.call('operations.cancel', { operationId: id });
  }, [api]);

  return { operationId, progress, run, cancel };
}
