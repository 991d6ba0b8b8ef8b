/**
 * The request line's target as a URL, or undefined when it does not parse. Node hands the target
 * over as sent, so `GET http://[/` reaches the server, and `new URL` throws on it: every caller
 * must answer 400 instead of letting the throw take the whole server down.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

/**
 * The request target as it may be logged. Parameters are compared by their decoded names, so an
 * encoded `?%74oken=` is hidden as well as `?token=`; an unparsable target is not logged at all.
 */
export function redact(url: string | undefined): string {
  const target = parseRequestTarget(url);
  if (!target) return '(unparsable target)';
  for (const name of new Set(target.searchParams.keys())) {
    if (name.trim().toLowerCase() === 'token') target.searchParams.set(name, '…');
  }
  return `${target.pathname}${target.search}`;
}
