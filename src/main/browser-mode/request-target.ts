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
