/**
 * Issue #16: container ports were published on 0.0.0.0, so anyone on the workshop Wi-Fi reached
 * a learner's lab. They now bind 127.0.0.1 unless the spec opts into the LAN, and the review's
 * `docker run` line says so.
 */
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerRunCommand } from '../../../src/main/lab/engines/docker/docker-run-command';
import { engineGate } from '../../support/engines';
import { cleanUp, docker, runPrefix, services, specOf } from './support';

const gate = await engineGate(['docker']);
const prefix = runPrefix('ports');

/** An address of this computer that other machines on its network use (not loopback). */
function lanAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal);
  if (!address) throw new Error('this host has no non-loopback IPv4 address to test from');
  return address.address;
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function publishedPort(name: string): Promise<{ hostIp: string; port: number }> {
  const info = await docker.getContainer(name).inspect();
  const binding = info.NetworkSettings.Ports['80/tcp']?.[0];
  if (!binding) throw new Error(`${name} published nothing`);
  return { hostIp: binding.HostIp, port: Number(binding.HostPort) };
}

describe.skipIf(gate.skip)('published container ports', () => {
  const { containers } = services();
  afterAll(() => cleanUp(prefix));

  it('binds 127.0.0.1 by default: this computer reaches it, the network does not', async () => {
    const spec = specOf({ name: `${prefix}-local`, command: ['httpd', '-f', '-p', '80'], ports: [{ container: 80 }] });
    expect(dockerRunCommand(spec, { runtimeWithoutNetwork: false })).toContain('--publish 127.0.0.1::80/tcp');
    await containers.create(spec);
    const { hostIp, port } = await publishedPort(`${prefix}-local`);
    expect(hostIp).toBe('127.0.0.1');
    expect(await reachable('127.0.0.1', port)).toBe(true);
    expect(await reachable(lanAddress(), port)).toBe(false);
  });

  it('binds every address only when the spec opts into the LAN', async () => {
    const spec = specOf({
      name: `${prefix}-lan`,
      command: ['httpd', '-f', '-p', '80'],
      ports: [{ container: 80, lan: true }],
    });
    expect(dockerRunCommand(spec, { runtimeWithoutNetwork: false })).toContain('--publish 80/tcp');
    await containers.create(spec);
    const { port } = await publishedPort(`${prefix}-lan`);
    expect(await reachable(lanAddress(), port)).toBe(true);
  });
});
