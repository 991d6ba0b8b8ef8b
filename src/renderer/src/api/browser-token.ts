const storageKey = 'twinlab.token';

/**
 * Browser mode's token. `npm run serve` prints it in the URL fragment (`#token=…`), which the
 * browser never sends anywhere. It moves to sessionStorage (this tab only, kept across reloads)
 * and leaves the address bar and history at once, before the hash router reads the fragment.
 */
export function takeBrowserToken(): string | undefined {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromAddress) {
    sessionStorage.setItem(storageKey, fromAddress);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  return sessionStorage.getItem(storageKey) ?? undefined;
}
