import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../api/client';
import { queryKeys } from '../data/queries';

/**
 * Asks for the Lab page's guest list and template catalog at start-up, beside app.info, instead
 * of after the language is set and the page has rendered: with 100 guests the list is the longest
 * call, and it was the last link of a waterfall before the first card. Only when the Lab is the
 * page being opened. Events keep the list current (useLiveGuests), so the page's own query takes
 * this answer instead of asking again on mount.
 */
export function prefetchLabData(client: ApiClient, queryClient: QueryClient): void {
  if (!/^#?\/?(lab\/?)?$/.test(window.location.hash)) return;
  // The router's first render is then the Lab itself, not the index route's redirect to it (one
  // commit and effect pass fewer before the first card).
  if (!window.location.hash.startsWith('#/lab'))
    window.history.replaceState(window.history.state, '', '#/lab');
  queryClient.setQueryDefaults(queryKeys.guests, { staleTime: 5_000 });
  queryClient.setQueryDefaults(queryKeys.templates, { staleTime: 5_000 });
  void queryClient.prefetchQuery({
    queryKey: queryKeys.guests,
    queryFn: () => client.call('guests.list', {}),
  });
  void queryClient.prefetchQuery({
    queryKey: queryKeys.templates,
    queryFn: () => client.call('templates.list', {}),
  });
}
