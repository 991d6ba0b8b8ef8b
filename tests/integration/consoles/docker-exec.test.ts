/**
 * Container consoles against the real dockerd: `docker exec -it` over the API into a BusyBox
 * container made by this test. Locally the suite skips, with the reason printed, when Docker does
 * not answer; under CI it fails instead.
 */
import { release } from 'node:os';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dockerExecBackend,
  type DockerExecBackend,
} from '../../../src/main/lab/consoles/backends/docker-exec';
import type { ConnectBackend } from '../../../src/main/lab/consoles/backends/types';
import { ConsoleError } from '../../../src/main/lab/consoles/errors';
import { engineGate } from '../../support/engines';
import { eventually, Harness } from './console-harness';
import { buildShellLessImage, docker, dockerExec, startBusybox, testLabel } from './docker-fixtures';

const gate = await engineGate(['docker']);
const shellLessImage = 'twinlab-test/noshell:1';

describe.skipIf(gate.skip)('docker exec consoles', () => {
  const harness = new Harness();
  let container: Docker.Container;
  const extra: Docker.Container[] = [];
  const shellIn =
    (id: () => string, shell?: string): ConnectBackend =>
    ({ cols, rows }) =>
      dockerExecBackend(docker, id(), { cols, rows, ...(shell && { shell }) });

  beforeAll(async () => {
    container = await startBusybox();
  });

  afterAll(async () => {
    await harness.closeAll();
    for (const each of [container, ...extra]) await each?.remove({ force: true }).catch(() => undefined);
    await docker
      .getImage(shellLessImage)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('runs in the container on the host kernel: uname -r is the host release', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    const out = await viewer.run('uname -r', new RegExp(`\\r\\n${release().replace(/[.+]/g, '\\$&')}\\r\\n`));
    expect(out).toContain(release());
  });

  it('falls back to sh in a BusyBox image, which has no bash', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    const backend = harness.manager.session(viewer.id).backend as DockerExecBackend;
    expect(backend.shell).toBe('sh');
    expect(backend.description).toMatch(/^sh in /);
    await viewer.run('echo $((6*7))-$0', '42-sh');
    // A preferred shell the image lacks is skipped the same way.
    const other = await harness.open(shellIn(() => container.id, 'bash'));
    expect((harness.manager.session(other.id).backend as DockerExecBackend).shell).toBe('sh');
  });

  it('sets the terminal size and follows resizes', async () => {
    const viewer = await harness.open(
      shellIn(() => container.id),
      'size',
      91,
      27,
    );
    await viewer.run('stty size', '27 91');
    harness.manager.resize(viewer.id, 140, 45);
    await eventually(() => viewer.run('stty size', '45 140', 2000));
  });

  it('fails with a typed no-shell error for an image without any shell', async () => {
    await buildShellLessImage(container, shellLessImage);
    const bare = await docker.createContainer({
      Image: shellLessImage,
      Cmd: ['/sleep', '3600'],
      Labels: testLabel,
      HostConfig: { NetworkMode: 'none' },
    });
    extra.push(bare);
    await bare.start();
    const error = await dockerExecBackend(docker, bare.id, { cols: 80, rows: 24 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({
      kind: 'no-shell',
      code: 'not-found',
      key: 'console.noShell',
      params: { image: shellLessImage },
    });
    expect((error as Error).message).toMatch(/^This image has no shell \(bash or sh\)/);
    // Through the manager: open() rejects with it and leaves no session behind.
    const before = harness.manager.list().length;
    await expect(harness.open(shellIn(() => bare.id))).rejects.toMatchObject({ kind: 'no-shell' });
    expect(harness.manager.list()).toHaveLength(before);
  });

  it('refuses a stopped container with a not-running error', async () => {
    const stopped = await docker.createContainer({
      Image: 'twinlab-fixture/busybox:1',
      Cmd: ['sleep', '3600'],
      Labels: testLabel,
      name: `twinlab-test-stopped-${process.pid}`,
    });
    extra.push(stopped);
    await expect(dockerExecBackend(docker, stopped.id, { cols: 80, rows: 24 })).rejects.toMatchObject({
      kind: 'not-running',
      params: { container: `twinlab-test-stopped-${process.pid}` },
    });
  });

  it('replays earlier output after a detach and reattach', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    await viewer.run('echo replay-$((2+3))', 'replay-5');
    viewer.detach();
    viewer.type('echo while-away-$((3+4))\r');
    const replay = await eventually(
      async () => {
        const text = harness.manager.attach(viewer.id).replay;
        harness.manager.detach(viewer.id);
        if (!text.includes('while-away-7'))
          throw new Error(`not in the replay yet: ${JSON.stringify(text.slice(-200))}`);
        return text;
      },
      10_000,
      50,
    );
    expect(replay).toContain('replay-5');
    expect(replay.indexOf('replay-5')).toBeLessThan(replay.indexOf('while-away-7'));
    // The viewer comes back: it gets the replay, then live output again.
    expect(viewer.attach()).toContain('while-away-7');
    await viewer.run('echo live-$((4+4))', 'live-8');
  });

  it('goes disconnected when the container restarts, and works again after reconnect', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    await viewer.run('echo before-$((1+1))', 'before-2');
    await container.restart({ t: 1 });
    const detail = await harness.waitForState(viewer.id, 'disconnected');
    expect(detail).toMatchObject({ reason: 'lost' });
    await viewer.waitFor('[disconnected — waiting for the guest]');
    // The owner calls reconnect() once the container runs again (the lab learns it from Docker events).
    await eventually(() => harness.manager.reconnect(viewer.id));
    expect(harness.manager.info(viewer.id)).toMatchObject({ state: 'open' });
    await viewer.run('echo back-$((1+1))', 'back-2');
    const states = harness.states.filter((entry) => entry.id === viewer.id).map((entry) => entry.state);
    expect(states.slice(0, 3)).toEqual(['connecting', 'open', 'disconnected']);
    expect(states.at(-1)).toBe('open');
  });

  it('reports a shell that exits by itself as exited, not lost', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    await viewer.run('echo ready-$((2+2))', 'ready-4');
    viewer.type('exit 5\r');
    expect(await harness.waitForState(viewer.id, 'disconnected')).toEqual({ reason: 'exited', exitCode: 5 });
  });

  it('ends the shell in the container when the session closes (docker would leave it running)', async () => {
    const viewer = await harness.open(shellIn(() => container.id));
    const out = await viewer.run('sleep 777 & echo shell=$$', /shell=(\d+)/);
    const pid = /shell=(\d+)/.exec(out)?.[1] ?? '';
    expect(await dockerExec(container.id, 'sh', '-c', `kill -0 ${pid} && echo alive`)).toContain('alive');
    await harness.manager.close(viewer.id);
    await eventually(
      async () => {
        const state = await dockerExec(
          container.id,
          'sh',
          '-c',
          `kill -0 ${pid} 2>/dev/null && echo alive || echo gone`,
        );
        if (!state.includes('gone')) throw new Error(`shell ${pid} still runs`);
      },
      5000,
      100,
    );
  });
});
