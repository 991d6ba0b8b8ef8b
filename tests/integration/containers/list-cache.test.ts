/**
 * The guest list against the real dockerd with the inspect cache: a refresh with the event stream
 * open costs one `GET /containers/json` and no inspect, yet a container stopped, restarted or
 * removed from the Docker CLI shows in the next list within 2 s, and after the event stream broke
 * (the client's connection cut as a daemon restart cuts it, through a relay socket so the shared
 * dockerd keeps running) a change made during the gap shows too.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { Guest } from '../../../src/shared/guest';
import { ContainerService } from '../../../src/main/lab/containers/container-service';
import type { WatchSignal } from '../../../src/main/lab/engines/docker/event-watcher';
import { engineGate } from '../../support/engines';
import { FIXTURE_IMAGE, cleanUp, docker as directDocker, runPrefix } from './support';

const gate = await engineGate(['docker']);
const prefix = runPrefix('listcache');
const dockerSocket = process.env['TWINLAB_DOCKER_SOCKET'] ?? '/var/run/docker.sock';
const cli = (...args: string[]) => promisify(execFile)('docker', args, { timeout: 30_000 });

/** A unix socket that forwards to dockerd; `cut()` closes every open connection, as a daemon restart does. */
async function relay(path: string): Promise<{ server: Server; cut: () => void }> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection(dockerSocket);
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return { server, cut: () => open.forEach((socket) => socket.destroy()) };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(gate.skip)('container list cache on the real Docker', () => {
  let dir = '';
  let relayed: Awaited<ReturnType<typeof relay>> | undefined;
  let stopWatching: (() => void) | undefined;

  afterAll(async () => {
    stopWatching?.();
    relayed?.server.close();
    await cleanUp(prefix);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists without inspects while following events, and shows CLI changes within 2 s, also after a broken stream', async () => {
    dir = await mkdtemp(join(tmpdir(), 'twinlab-listcache-'));
    relayed = await relay(join(dir, 'docker.sock'));
    const client = new Docker({ socketPath: join(dir, 'docker.sock') });
    let inspects = 0;
    const counting = new Proxy(client, {
      get(target, key, receiver) {
        if (key !== 'getContainer') return Reflect.get(target, key, receiver) as unknown;
        return (id: string) => {
          const container = target.getContainer(id);
          const inspect = container.inspect.bind(container);
          container.inspect = (() => {
            inspects += 1;
            return inspect();
          }) as typeof container.inspect;
          return container;
        };
      },
    });
    const containers = new ContainerService({ docker: () => counting });
    const signals: WatchSignal['type'][] = [];
    stopWatching = containers.watchEvents((signal) => signals.push(signal.type));
    const connectedTimes = () => signals.filter((type) => type === 'connected').length;
    await eventually(async () => connectedTimes(), (n) => n === 1, 5_000);

    const names = [1, 2, 3].map((n) => `${prefix}-${n}`);
    for (const name of names)
      await directDocker
        .createContainer({ name, Image: FIXTURE_IMAGE, Cmd: ['sleep', '600'], HostConfig: { Runtime: 'runc' } })
        .then((container) => container.start());
    const byName = (guests: Guest[], name: string) => guests.find((guest) => guest.name === name);

    const first = await containers.list();
    for (const name of names) expect(byName(first, name)).toMatchObject({ state: 'running', runtime: 'runc' });
    inspects = 0;
    const second = await containers.list();
    expect(inspects).toBe(0);
    expect(second.map((guest) => guest.id).sort()).toEqual(first.map((guest) => guest.id).sort());

    const [one = '', two = '', three = ''] = names;
    await cli('stop', '-t', '0', one);
    const afterStop = await eventually(() => containers.list(), (l) => byName(l, one)?.state === 'stopped', 2_000);
    expect(byName(afterStop, one)?.state).toBe('stopped');

    // A restart keeps the status word but gives a new start time: the events must refresh it.
    const startedBefore = byName(afterStop, two)?.startedAt;
    await cli('restart', '-t', '0', two);
    const afterRestart = await eventually(
      () => containers.list(),
      (l) => byName(l, two)?.startedAt !== startedBefore,
      2_000,
    );
    expect(byName(afterRestart, two)?.startedAt).not.toBe(startedBefore);

    await cli('rm', '-f', three);
    const afterRemove = await eventually(() => containers.list(), (l) => !byName(l, three), 2_000);
    expect(byName(afterRemove, three)).toBeUndefined();

    // The stream breaks; a restart during the gap (same status word, no event seen) must still show.
    const startedBeforeGap = byName(afterRemove, two)?.startedAt;
    relayed.server.close();
    relayed.cut();
    await eventually(async () => signals.at(-1), (type) => type === 'disconnected', 5_000);
    await cli('restart', '-t', '0', two);
    relayed = await relay(join(dir, 'docker.sock'));
    await eventually(async () => connectedTimes(), (n) => n === 2, 15_000);
    expect(connectedTimes()).toBe(2);
    const afterGap = await containers.list();
    expect(byName(afterGap, two)).toMatchObject({ state: 'running' });
    expect(byName(afterGap, two)?.startedAt).not.toBe(startedBeforeGap);
  }, 60_000);
});
