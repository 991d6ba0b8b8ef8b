import { connect } from 'node:net';

/**
 * Whether a registry host answers on its port at all (DNS, route, TCP). Offline machines fail at
 * once; a timeout bounds the slow case. A TCP answer does not prove a pull will work, but a
 * missing one proves it will not, which is what validation needs to offer an import instead.
 */
export function canReachRegistry(
  address: { host: string; port: number },
  timeoutMs = 2000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
