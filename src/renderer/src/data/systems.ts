import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HostCheck } from '@shared/host';
import type {
  SystemImage,
  SystemInspect,
  SystemSnapshot,
  SystemSnapshotAction,
  SystemStatsSample,
} from '@shared/systems';
import { useApi } from './ApiContext';
import { useHostReport } from './queries';
import { useStatsHistory } from './stats-history';

/** Query keys of the system-container side, named after their methods like the others. */
export const systemQueryKeys = {
  images: ['systems.images'],
  inspect: (id: string) => ['systems.inspect', id] as const,
  stats: (id: string) => ['systems.stats', id] as const,
  snapshots: (id: string) => ['systems.snapshots', id] as const,
} as const;

export function useSystemImages(enabled = true) {
  const api = useApi();
  return useQuery<SystemImage[]>({
    queryKey: systemQueryKeys.images,
    queryFn: () => api.call('systems.images', {}),
    enabled,
  });
}

export function useSystemInspect(id: string) {
  const api = useApi();
  return useQuery<SystemInspect>({
    queryKey: systemQueryKeys.inspect(id),
    queryFn: () => api.call('systems.inspect', { id }),
  });
}

/** The last minute of a running system container's numbers from LXD's /state, one a second. */
export function useSystemStatsHistory(id: string, enabled: boolean) {
  const api = useApi();
  return useStatsHistory<SystemStatsSample>(
    systemQueryKeys.stats(id),
    () => api.call('systems.stats', { id }),
    enabled,
  );
}

/**
 * The Host page's LXD/Incus check: undefined while the report is on its way (the wizard then says
 * what is wrong itself), else the check, whose status is `ok` when system containers can be made.
 */
export function useLxdCheck(): HostCheck | undefined {
  const report = useHostReport();
  return report.data?.checks.find((check) => check.id === 'lxd-reachable');
}

export function useSystemSnapshots(id: string) {
  const api = useApi();
  return useQuery<SystemSnapshot[]>({
    queryKey: systemQueryKeys.snapshots(id),
    queryFn: () => api.call('systems.snapshots', { id }),
  });
}

/** Takes, restores or deletes a snapshot; the answer is the new list. A restore changes the inspect too. */
export function useSnapshotChange(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<SystemSnapshot[], Error, { action: SystemSnapshotAction; snapshot: string }>({
    mutationFn: ({ action, snapshot }) => api.call('systems.snapshot', { id, action, snapshot }),
    onSuccess: (list) => {
      queryClient.setQueryData(systemQueryKeys.snapshots(id), list);
      void queryClient.invalidateQueries({ queryKey: systemQueryKeys.inspect(id) });
    },
  });
}
