import { createHash, timingSafeEqual } from 'node:crypto';
import { parseRequestTarget } from './request-target';

/**
 * Who may talk to the browser-mode server. It can drive Docker, which is root on the host, so
 * every request — page, asset or WebSocket — must come to 127.0.0.1/localhost by name (defeats
 * DNS rebinding), from this server's own origin or none (defeats cross-site requests and
 * cross-site WebSocket hijacking), and carry the token: in the URL the first time, then in an
 * HttpOnly, SameSite=Strict cookie named per port (cookies are shared across ports of one host).
 */
export interface AccessPolicy {
  port: number;
  token: string;
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
  /** Path and query, as in the request line. */
  url: string;
  cookie: string | undefined;
}

export type AccessVerdict =
  { ok: true; setCookie?: string } | { ok: false; status: 400 | 401 | 403; reason: string };

export function tokenCookieName(port: number): string {
  return `twinlab_token_${port}`;
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function checkAccess(request: RequestFacts, policy: AccessPolicy): AccessVerdict {
  const hosts = [`127.0.0.1:${policy.port}`, `localhost:${policy.port}`];
  if (!request.host || !hosts.includes(request.host.toLowerCase())) {
    return { ok: false, status: 403, reason: 'host not allowed' };
  }
  if (request.origin !== undefined && !allowedOrigins(policy.port).includes(request.origin)) {
    return { ok: false, status: 403, reason: 'origin not allowed' };
  }
  const target = parseRequestTarget(request.url);
  if (!target) return { ok: false, status: 400, reason: 'unparsable request target' };
  const queryToken = target.searchParams.get('token');
  const cookieToken = readCookie(request.cookie, tokenCookieName(policy.port));
  if (queryToken !== null && sameSecret(queryToken, policy.token)) {
    const cookie = `${tokenCookieName(policy.port)}=${policy.token}; HttpOnly; SameSite=Strict; Path=/`;
    return cookieToken === policy.token ? { ok: true } : { ok: true, setCookie: cookie };
  }
  if (queryToken === null && cookieToken !== undefined && sameSecret(cookieToken, policy.token))
    return { ok: true };
  return { ok: false, status: 401, reason: 'missing or wrong token' };
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** Constant-time comparison (hash first so lengths match). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
