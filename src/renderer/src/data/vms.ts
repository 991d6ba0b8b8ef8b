import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BootRecord, Leftovers, ShutdownResult, VmAction, VmStats } from '@shared/vms';
import { useApi } from './ApiContext';
import { queryKeys } from './queries';
import { useStatsHistory } from './stats-history';

/** Query keys of the VM side, named after their methods like the others. */
export const vmQueryKeys = {
  bootTimes: ['vms.bootTimes'],
  leftovers: ['vms.leftovers'],
  xml: (id: string) => ['vms.xml', id] as const,
  stats: (id: string) => ['vms.stats', id] as const,
} as const;

export interface VmActionInput {
  id: string;
  action: VmAction;
}

export function useVmAction() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<ShutdownResult | null, Error, VmActionInput>({
    mutationFn: (input) => api.call('vms.action', input),
    onSettled: (_result, _error, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
      void queryClient.invalidateQueries({ queryKey: vmQueryKeys.xml(input.id) });
    },
  });
}

export function useVmXml(id: string, enabled = true) {
  const api = useApi();
  return useQuery<{ xml: string }>({
    queryKey: vmQueryKeys.xml(id),
    queryFn: () => api.call('vms.xml', { id }),
    enabled,
  });
}

/** Boot times measured since Twinlab started; a `vm.booted` event adds the newest at once. */
export function useBootTimes() {
  const api = useApi();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('vm.booted', (record) => {
        queryClient.setQueryData<BootRecord[]>(vmQueryKeys.bootTimes, (list) => [
          ...(list ?? []).filter((item) => item.at !== record.at || item.id !== record.id),
          record,
        ]);
      }),
    [api, queryClient],
  );
  return useQuery<BootRecord[]>({
    queryKey: vmQueryKeys.bootTimes,
    queryFn: () => api.call('vms.bootTimes', {}),
  });
}

/** The latest boot of one VM, if Twinlab saw it. */
export function useLatestBoot(id: string): BootRecord | undefined {
  const boots = useBootTimes();
  return boots.data
    ?.filter((record) => record.id === id)
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
}

/** One sample a second while the VM's Stats tab is on screen; the last minute is kept. */
export function useVmStatsHistory(id: string, enabled: boolean) {
  const api = useApi();
  return useStatsHistory<VmStats>(vmQueryKeys.stats(id), () => api.call('vms.stats', { id }), enabled);
}

/** Half-made VMs a crash left behind; looked for when the Lab opens and after a cleanup. */
export function useVmLeftovers() {
  const api = useApi();
  return useQuery<Leftovers>({
    queryKey: vmQueryKeys.leftovers,
    queryFn: () => api.call('vms.leftovers', {}),
  });
}

export function useCleanupLeftovers() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.call('vms.cleanupLeftovers', {}),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: vmQueryKeys.leftovers });
      void queryClient.invalidateQueries({ queryKey: queryKeys.guests });
    },
  });
}
