import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from './ApiContext';
import { queryKeys } from './queries';

/**
 * Keeps the engine status in the query cache live from the `engines.status` event, and marks the
 * host report stale on each change so the Host page follows the daemons without a reload.
 * Mounted once, at the top of the app.
 */
export function useLiveEngineStatus(): void {
  const api = useApi();
  const queryClient = useQueryClient();

  useEffect(
    () =>
      api.on('engines.status', (status) => {
        // An initial request still in flight must not overwrite this newer state when it lands.
        void queryClient.cancelQueries({ queryKey: queryKeys.engines });
        queryClient.setQueryData(queryKeys.engines, status);
        void queryClient.invalidateQueries({ queryKey: queryKeys.host });
      }),
    [api, queryClient],
  );

  // Events sent while the browser-mode link was down are lost: after a reconnect, ask again.
  useEffect(() => {
    let lost = false;
    return api.onConnection((state) => {
      if (state === 'closed') lost = true;
      else if (state === 'open' && lost) {
        lost = false;
        void queryClient.invalidateQueries();
      }
    });
  }, [api, queryClient]);
}
