import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../src/shared/engines';
import { kindAvailability } from '../../../src/main/lab/density/kind-availability';

const up: EngineStatus = { state: 'up', endpoint: 'x', version: '1', since: '' };
const down: EngineStatus = { state: 'down', endpoint: 'x', reason: 'connection refused.', since: '' };

describe('which density kinds can run here', () => {
  const availability = (docker: EngineStatus, runtimes: string[], lxd?: string) =>
    kindAvailability({
      engines: () => ({ docker, libvirt: up }),
      runtimes: async () => runtimes,
      systemsUnavailable: async () => lxd,
    });

  it('every kind when the engines answer, runsc is registered and LXD is ready', async () => {
    const check = availability(up, ['runc', 'runsc']);
    for (const kind of ['container', 'sandbox', 'system', 'vm'] as const)
      expect(await check(kind)).toBeUndefined();
  });
  it('names the engine that does not answer and why', async () => {
    expect(await availability(down, ['runsc'])('container')).toEqual({
      key: 'error.densityEngineDown',
      message:
        'Docker is not answering (connection refused). Start it, wait for the status bar to show it up, and try again.',
      params: { engine: 'Docker', reason: 'connection refused' },
    });
  });
  it('sandboxes need gVisor or Kata registered with Docker', async () => {
    expect((await availability(up, ['runc'])('sandbox'))?.key).toBe('error.densityNoSandboxRuntime');
    expect(await availability(up, ['runc', 'kata-qemu'])('sandbox')).toBeUndefined();
  });
  it('system containers need LXD/Incus ready', async () => {
    expect(await availability(up, [], 'the socket is missing.')('system')).toMatchObject({
      key: 'error.densityNoLxd',
      params: { reason: 'the socket is missing' },
    });
  });
});
