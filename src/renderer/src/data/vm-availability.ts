import { useQuery } from '@tanstack/react-query';
import type { VmTemplateAvailability } from '@shared/vm-availability';
import { useApi } from './ApiContext';

export const vmAvailabilityKey = ['vms', 'availability'] as const;

/** Whether each VM template's image is cached, downloadable now, or not (probed in main). */
export function useVmAvailability() {
  const api = useApi();
  return useQuery<VmTemplateAvailability[]>({
    queryKey: vmAvailabilityKey,
    queryFn: () => api.call('vms.availability', {}),
    staleTime: 15_000,
  });
}
