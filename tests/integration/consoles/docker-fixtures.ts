import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';

const run = promisify(execFile);

export const fixtureImage = 'twinlab-fixture/busybox:1';
export const testLabel = { 'io.twinlab.test': '1' };

/** No request timeout: it would cut the long-lived exec streams under test. */
export const docker = new Docker({
  socketPath: process.env['TWINLAB_DOCKER_SOCKET'] ?? '/var/run/docker.sock',
});

/** A running, labelled busybox container that does nothing but wait (PID 1 is `sleep`). */
export async function startBusybox(): Promise<Docker.Container> {
  const container = await docker.createContainer({
    Image: fixtureImage,
    Cmd: ['sleep', '3600'],
    Labels: testLabel,
    HostConfig: { NetworkMode: 'none' },
  });
  await container.start();
  return container;
}

/**
 * An image that has no shell at all: its only file is the BusyBox binary saved as /sleep, so
 * `/sleep 3600` runs (BusyBox picks the applet by name) but there is no sh, bash or PATH entry.
 */
export async function buildShellLessImage(from: Docker.Container, tag: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'twinlab-noshell-'));
  try {
    await run('docker', ['cp', `${from.id}:/bin/busybox`, join(dir, 'sleep')], { timeout: 30_000 });
    await run('tar', ['-C', dir, '-cf', join(dir, 'rootfs.tar'), 'sleep'], { timeout: 30_000 });
    await run('docker', ['import', '-c', 'LABEL io.twinlab.test=1', join(dir, 'rootfs.tar'), tag], {
      timeout: 60_000,
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a command in the container through the docker CLI: the yardstick, independent of the code under test. */
export async function dockerExec(containerId: string, ...cmd: string[]): Promise<string> {
  const { stdout } = await run('docker', ['exec', containerId, ...cmd], { timeout: 30_000 });
  return stdout;
}
