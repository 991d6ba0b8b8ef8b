import type { ApiError } from '@shared/errors';
import type { LxdServerInfo } from '../engines/lxd/connection';
import { systemError } from './errors';

/** The socket exists but this user may not open it: Debian's lxd group, or Incus' incus-admin. */
const NO_PERMISSION = /EACCES|permission denied/i;

const groupOf = (socketPath: string, product: string) =>
  product === 'Incus' || /incus/.test(socketPath) ? 'incus-admin' : 'lxd';

/**
 * Why LXD/Incus cannot make an instance now, as the sentence that says what to do: not reachable,
 * not letting this user in, or not initialised. Undefined when the daemon is ready. Pure.
 */
export function serverProblem(server: LxdServerInfo, socketPath: string): ApiError | undefined {
  if (server.auth !== 'trusted')
    return systemError('notTrusted', { product: server.product, group: groupOf(socketPath, server.product) });
  if (server.pools.length === 0) return systemError('notInitialised', { product: server.product });
  return undefined;
}

/** The sentence for a daemon that did not answer GET /1.0. */
export function connectProblem(error: unknown, socketPath: string): ApiError {
  const detail = error instanceof Error ? error.message : String(error);
  const product = /incus/.test(socketPath) ? 'Incus' : 'LXD';
  if (NO_PERMISSION.test(detail))
    return systemError('notTrusted', { product, group: groupOf(socketPath, product) });
  return systemError('unavailable', { detail });
}
