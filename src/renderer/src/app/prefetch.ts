import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../data/queries';
import type { LabFirstData } from './early-start';

/**
 * Puts the Lab page's guest list and template catalog, asked for by early-start.ts before the app's
 * code was loaded, into the query cache: with 100 guests the list is the longest call, and it was
 * the last link of a waterfall before the first card. Events keep the list current
 * (useLiveGuests), so the page's own query takes this answer instead of asking again on mount.
 */
export function prefetchLabData(lab: LabFirstData, queryClient: QueryClient): void {
  queryClient.setQueryDefaults(queryKeys.guests, { staleTime: 5_000 });
  queryClient.setQueryDefaults(queryKeys.templates, { staleTime: 5_000 });
  void queryClient.prefetchQuery({ queryKey: queryKeys.guests, queryFn: () => lab.guests });
  void queryClient.prefetchQuery({ queryKey: queryKeys.templates, queryFn: () => lab.templates });
}
