import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { PortAvailability } from './validate';

/**
 * Whether a host port can be published, found the only reliable way: try to listen on 0.0.0.0
 * (where Docker publishes) and let go at once. A port Docker already publishes is held by its
 * proxy, so it shows as in use too.
 */
export function hostPortAvailability(port: number, protocol: 'tcp' | 'udp'): Promise<PortAvailability> {
  return protocol === 'tcp' ? tcpAvailability(port) : udpAvailability(port);
}

function outcomeOf(error: NodeJS.ErrnoException): PortAvailability {
  return error.code === 'EACCES' || error.code === 'EPERM' ? 'denied' : 'in-use';
}

function tcpAvailability(port: number): Promise<PortAvailability> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(outcomeOf(error)));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve('free')));
  });
}

function udpAvailability(port: number): Promise<PortAvailability> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.close();
      resolve(outcomeOf(error));
    });
    socket.bind({ port, address: '0.0.0.0', exclusive: true }, () => socket.close(() => resolve('free')));
  });
}
