import { QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppInfo } from '@shared/api';
import type { EnginesStatus } from '@shared/engines';
import type { HostReport } from '@shared/host';
import type { Catalog } from '@shared/template';
import { useApi } from './ApiContext';

/** Query keys are the method names, so a glance at the cache tells which call filled it. */
export const queryKeys = {
  appInfo: ['app.info'],
  engines: ['engines.status'],
  host: ['host.check'],
  templates: ['templates.list'],
  guests: ['guests.list'],
  images: ['images.list'],
  inspect: (id: string) => ['containers.inspect', id] as const,
  stats: (id: string) => ['containers.stats', id] as const,
} as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Api errors are sentences for the user (install X, start Y); retrying would only delay them.
        retry: false,
        // Events keep live data fresh; a window focus says nothing about the host.
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function useAppInfo() {
  const api = useApi();
  return useQuery<AppInfo>({
    queryKey: queryKeys.appInfo,
    queryFn: () => api.call('app.info', {}),
    staleTime: Infinity,
  });
}

/** First value by request, then kept current by the `engines.status` event (useLiveEngineStatus). */
export function useEnginesStatus() {
  const api = useApi();
  return useQuery<EnginesStatus>({
    queryKey: queryKeys.engines,
    queryFn: () => api.call('engines.status', {}),
    staleTime: Infinity,
  });
}

export function useHostReport() {
  const api = useApi();
  return useQuery<HostReport>({
    queryKey: queryKeys.host,
    queryFn: () => api.call('host.check', { refresh: false }),
  });
}

/** The Re-check button: runs every check again on the host and replaces the cached report. */
export function useRecheckHost() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<HostReport>({
    mutationFn: () => api.call('host.check', { refresh: true }),
    onSuccess: (report) => queryClient.setQueryData(queryKeys.host, report),
  });
}

export function useCatalog() {
  const api = useApi();
  return useQuery<Catalog>({
    queryKey: queryKeys.templates,
    queryFn: () => api.call('templates.list', {}),
  });
}
