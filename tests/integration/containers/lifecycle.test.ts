/**
 * The container service against the real dockerd: create → exec → stats → lifecycle → remove,
 * gVisor, rollback of a failed start, and the event stream. Outside CI the suite skips, with the
 * reason printed, when Docker does not answer; under CI it fails instead.
 */
import { release } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { WatchSignal } from '../../../src/main/lab/engines/docker/event-watcher';
import { readRuntimeInfo } from '../../../src/main/lab/engines/docker/runtime-info';
import type { ContainerStatsSample } from '../../../src/main/lab/engines/docker/stats';
import { engineGate } from '../../support/engines';
import {
  cleanUp,
  containerNamesWithPrefix,
  docker,
  recordEvents,
  runPrefix,
  services,
  specOf,
  statusOf,
} from './support';

const gate = await engineGate(['docker']);
const prefix = runPrefix('life');
const MIB = 1024 * 1024;

const runtimes = gate.skip ? [] : (await readRuntimeInfo(docker)).runtimes;
const noRunsc = !runtimes.includes('runsc');
if (noRunsc && process.env['CI']) throw new Error('CI requires gVisor (runsc) registered with Docker');
if (!gate.skip && noRunsc)
  console.warn('SKIPPED gVisor test: runsc is not registered with Docker (run scripts/setup-lab-host.sh)');

describe.skipIf(gate.skip)('container lifecycle on the real Docker', () => {
  const { containers } = services();

  afterAll(async () => {
    await cleanUp(prefix);
  });

  it('creates, runs on the host kernel, limits memory exactly, and removes without leftovers', async () => {
    const name = `${prefix}-runc`;
    const started = Date.now();
    const guest = await containers.create(specOf({ name, memoryMiB: 64, volumes: [{ target: '/data' }] }));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(guest).toMatchObject({
      name,
      kind: 'container',
      engine: 'docker',
      runtime: 'runc',
      state: 'running',
      managed: true,
    });
    expect(guest.templateId).toBe('fixture-busybox');

    const kernel = await containers.exec(guest.id, ['uname', '-r']);
    expect(kernel).toEqual({ exitCode: 0, stdout: `${release()}\n`, stderr: '' });
    const failing = await containers.exec(guest.id, ['sh', '-c', 'echo oops >&2; exit 7']);
    expect(failing).toEqual({ exitCode: 7, stdout: '', stderr: 'oops\n' });

    const sample = await containers.stats(guest.id);
    expect(sample.memoryLimitBytes).toBe(64 * MIB);
    expect(sample.memoryBytes).toBeGreaterThan(0);
    expect(sample.pids).toBeGreaterThanOrEqual(1);

    const listed = await containers.list();
    expect(listed.find((candidate) => candidate.id === guest.id)).toMatchObject({
      managed: true,
      state: 'running',
    });

    const inspect = await containers.inspect(guest.id);
    const mounts = inspect['Mounts'] as Array<{ Type: string; Name?: string; Destination: string }>;
    const anonymous = mounts.find((mount) => mount.Destination === '/data');
    expect(anonymous?.Type).toBe('volume');
    const volumeName = anonymous?.Name ?? '';
    expect(await statusOf(docker.getVolume(volumeName).inspect())).toBeUndefined();

    await containers.remove(guest.id);
    expect(await statusOf(docker.getContainer(guest.id).inspect())).toBe(404);
    expect(await statusOf(docker.getVolume(volumeName).inspect())).toBe(404);
    expect(await containerNamesWithPrefix(name)).toEqual([]);
  });

  it('stops, starts, pauses, resumes and restarts Twinlab’s container', async () => {
    const guest = await containers.create(specOf({ name: `${prefix}-states` }));
    const state = async () =>
      (await containers.list('twinlab')).find((candidate) => candidate.id === guest.id)?.state;

    await containers.pause(guest.id);
    expect(await state()).toBe('paused');
    await containers.resume(guest.id);
    expect(await state()).toBe('running');
    // A shell as PID 1 ignores SIGTERM: Docker kills it after the timeout.
    await containers.stop(guest.id, { timeoutSeconds: 1 });
    expect(await state()).toBe('stopped');
    await containers.stop(guest.id, { timeoutSeconds: 1 }); // already stopped: no error
    await containers.start(guest.id);
    expect(await state()).toBe('running');
    await containers.start(guest.id); // already running: no error
    await containers.restart(guest.id, { timeoutSeconds: 1 });
    expect(await state()).toBe('running');
    await expect(containers.resume(guest.id)).rejects.toMatchObject({
      code: 'conflict',
      key: 'containers.stateConflict',
    });
    await containers.remove(guest.id);
    await expect(containers.start(guest.id)).rejects.toMatchObject({
      code: 'not-found',
      key: 'containers.notFound',
    });
  });

  it.skipIf(noRunsc)(
    'runs a gVisor container on its own kernel (4.4.0), without network on this host',
    async () => {
      const guest = await containers.create(
        specOf({ name: `${prefix}-gvisor`, runtime: 'runsc', memoryMiB: 64 }),
      );
      expect(guest).toMatchObject({ runtime: 'runsc', state: 'running', managed: true });
      const kernel = await containers.exec(guest.id, ['uname', '-r']);
      expect(kernel.stdout).toBe('4.4.0\n');
      const inspect = await containers.inspect(guest.id);
      expect(inspect['HostConfig']).toMatchObject({ Runtime: 'runsc', NetworkMode: 'none' });
      await containers.remove(guest.id);
    },
  );

  it('removes everything it made when the start fails half way', async () => {
    const name = `${prefix}-nope`;
    const namedVolume = `${prefix}-nope-data`;
    const recorder = await recordEvents();
    await expect(
      containers.create(
        specOf({
          name,
          command: ['/nope'],
          volumes: [{ target: '/scratch' }, { name: namedVolume, target: '/data' }],
        }),
      ),
    ).rejects.toMatchObject({
      key: 'containers.create.startFailed',
      message: expect.stringContaining('/nope'),
    });
    await recorder.stop();

    const created = recorder.events.find(
      (event) =>
        event.Type === 'container' && event.Action === 'create' && event.Actor.Attributes['name'] === name,
    );
    expect(created, 'the container was created before the start failed').toBeDefined();
    const containerId = created?.Actor.ID ?? '';
    const mountedVolumes = recorder.events
      .filter(
        (event) =>
          event.Type === 'volume' &&
          event.Action === 'mount' &&
          event.Actor.Attributes['container'] === containerId,
      )
      .map((event) => event.Actor.ID);
    expect(mountedVolumes).toHaveLength(2);
    expect(mountedVolumes).toContain(namedVolume);

    expect(await statusOf(docker.getContainer(containerId).inspect())).toBe(404);
    for (const volume of mountedVolumes)
      expect(await statusOf(docker.getVolume(volume).inspect()), volume).toBe(404);
    expect(await containerNamesWithPrefix(name)).toEqual([]);
  });

  it('refuses an invalid spec before creating anything', async () => {
    const name = `${prefix}-tiny`;
    await expect(containers.create(specOf({ name, memoryMiB: 4 }))).rejects.toMatchObject({
      code: 'bad-input',
      key: 'containers.validate.memoryTooLow',
      params: { field: 'memoryMiB', memoryMiB: 4, minimumMiB: 6 },
    });
    expect(await containerNamesWithPrefix(name)).toEqual([]);
  });

  it('streams stats until aborted', async () => {
    const guest = await containers.create(specOf({ name: `${prefix}-stats`, memoryMiB: 32 }));
    const samples: ContainerStatsSample[] = [];
    const controller = new AbortController();
    await containers.watchStats(
      guest.id,
      (sample) => {
        samples.push(sample);
        if (samples.length === 2) controller.abort();
      },
      controller.signal,
    );
    expect(samples).toHaveLength(2);
    expect(samples.every((sample) => sample.memoryLimitBytes === 32 * MIB)).toBe(true);
    await containers.remove(guest.id);
  });

  it('reports its containers’ changes from Docker’s event stream', async () => {
    const signals: WatchSignal[] = [];
    const stop = containers.watchEvents((signal) => signals.push(signal));
    try {
      await expect.poll(() => signals.some((signal) => signal.type === 'connected')).toBe(true);
      const guest = await containers.create(specOf({ name: `${prefix}-events`, command: ['sleep', '300'] }));
      await containers.stop(guest.id, { timeoutSeconds: 1 });
      await containers.remove(guest.id);
      const kinds = () =>
        signals.flatMap((signal) =>
          signal.type === 'change' && signal.change.id === guest.id ? [signal.change.kind] : [],
        );
      await expect.poll(kinds).toEqual(['created', 'started', 'stopped', 'removed']);
      const stopped = signals.find(
        (signal) =>
          signal.type === 'change' && signal.change.id === guest.id && signal.change.kind === 'stopped',
      );
      expect(stopped).toMatchObject({
        change: { managed: true, templateId: 'fixture-busybox', state: 'stopped' },
      });
    } finally {
      stop();
    }
  });
});
