import { createHash, timingSafeEqual } from 'node:crypto';
import { browserModeSubprotocol } from '@shared/wire';

/**
 * Who may talk to the browser-mode server. It can drive Docker, which is root on the host, so
 * every request must come to 127.0.0.1/localhost by name (defeats DNS rebinding) from this
 * server's own origin or none (defeats cross-site requests and WebSocket hijacking). The page and
 * its assets are public build output and need nothing more; the API WebSocket also needs the
 * token, offered as a subprotocol. The token is never in a cookie: cookies are shared by every
 * port of a host, so any other local server the browser visits would receive it.
 */
export interface AccessPolicy {
  port: number;
  token: string;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** The Sec-WebSocket-Protocol header of an upgrade. */
  protocols: string | undefined;
}

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** For the page and its assets: the right Host, and this server's Origin or none. */
export function checkSameOrigin(request: RequestFacts, policy: AccessPolicy): AccessVerdict {
  const hosts = [`127.0.0.1:${policy.port}`, `localhost:${policy.port}`];
  if (!request.host || !hosts.includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'host not allowed' };
  }
  if (request.origin !== undefined && !allowedOrigins(policy.port).includes(request.origin)) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  return { ok: true };
}

/** For the API WebSocket: same origin, and the token among the offered subprotocols. */
export function checkApiAccess(request: RequestFacts, policy: AccessPolicy): AccessVerdict {
  const sameOrigin = checkSameOrigin(request, policy);
  if (!sameOrigin.ok) return sameOrigin;
  const offered = (request.protocols ?? '').split(',').map((protocol) => protocol.trim());
  const token = offered
    .find((protocol) => protocol.startsWith(browserModeSubprotocol.tokenPrefix))
    ?.slice(browserModeSubprotocol.tokenPrefix.length);
  if (token === undefined || !sameSecret(token, policy.token)) {
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
  return { ok: true };
}

/** Constant-time comparison (hash first so lengths match). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Why a token is unfit, or undefined when it is fine. It must fit in a subprotocol (base64url
 * characters) and hold at least 128 bits: 32 hex digits, or 22 characters of base64url.
 */
export function weakTokenReason(token: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) {
    return 'TWINLAB_TOKEN may hold only letters, digits, "-" and "_"; unset it to get a random one.';
  }
  const bitsPerCharacter = /^[0-9a-fA-F]+$/.test(token) ? 4 : 6;
  if (token.length * bitsPerCharacter < 128) {
    return 'TWINLAB_TOKEN is too short to be secret (at least 128 bits: 32 hex digits or 22 base64url characters); unset it to get a random one.';
  }
  return undefined;
}
