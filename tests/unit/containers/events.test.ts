import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../src/main/lab/engines/docker/backoff';
import { DockerEventWatcher, type WatchSignal } from '../../../src/main/lab/engines/docker/event-watcher';
import { parseDockerEvent } from '../../../src/main/lab/engines/docker/events';

const ID = '8ca31beb0c70896dd76f8254942b758f22aedc8105512142bb1ef38cc5f6f7e4';
const twinlab = {
  'io.twinlab.managed': 'true',
  'io.twinlab.template': 'fixture-busybox',
  'io.twinlab.twin': 'tw-1',
};

/** Shaped like the lines dockerd 20.10 sent on the CI host. */
function dockerEvent(action: string, attributes: Record<string, string> = {}, type = 'container') {
  return {
    status: action,
    id: ID,
    from: 'twinlab-fixture/busybox:1',
    Type: type,
    Action: action,
    Actor: { ID, Attributes: { image: 'twinlab-fixture/busybox:1', name: 'demo', ...attributes } },
    scope: 'local',
    time: 1795442018,
    timeNano: 1795442018 * 1e9 + 375658358,
  };
}

describe('parseDockerEvent', () => {
  it.each([
    ['create', 'created', 'stopped'],
    ['start', 'started', 'running'],
    ['pause', 'paused', 'paused'],
    ['unpause', 'resumed', 'running'],
  ] as const)('%s → %s (%s)', (action, kind, state) => {
    expect(parseDockerEvent(dockerEvent(action, twinlab))).toEqual({
      kind,
      id: ID,
      name: 'demo',
      managed: true,
      templateId: 'fixture-busybox',
      twinId: 'tw-1',
      at: '2026-11-23T13:53:38.375Z',
      state,
    });
  });

  it('reads die with its exit code, for containers Twinlab does not manage too', () => {
    expect(parseDockerEvent(dockerEvent('die', { exitCode: '3' }))).toEqual({
      kind: 'stopped',
      id: ID,
      name: 'demo',
      managed: false,
      at: '2026-11-23T13:53:38.375Z',
      state: 'stopped',
      exitCode: 3,
    });
  });

  it('reads destroy, rename, oom and health', () => {
    expect(parseDockerEvent(dockerEvent('destroy', twinlab))).toMatchObject({
      kind: 'removed',
      managed: true,
    });
    expect(parseDockerEvent(dockerEvent('destroy', twinlab))).not.toHaveProperty('state');
    expect(parseDockerEvent(dockerEvent('rename', { name: 'new', oldName: '/demo' }))).toMatchObject({
      kind: 'renamed',
      name: 'new',
      previousName: 'demo',
    });
    expect(parseDockerEvent(dockerEvent('oom'))).toMatchObject({ kind: 'oom' });
    expect(parseDockerEvent(dockerEvent('health_status: unhealthy'))).toMatchObject({
      kind: 'health',
      health: 'unhealthy',
    });
  });

  it('ignores noise, other object types and malformed input', () => {
    for (const action of [
      'exec_create: uname -r',
      'exec_start: uname -r',
      'exec_die',
      'attach',
      'resize',
      'kill',
      'stop',
      'top',
    ]) {
      expect(parseDockerEvent(dockerEvent(action))).toBeUndefined();
    }
    expect(parseDockerEvent(dockerEvent('create', {}, 'image'))).toBeUndefined();
    expect(parseDockerEvent({ Type: 'container' })).toBeUndefined();
    expect(parseDockerEvent('start')).toBeUndefined();
    expect(parseDockerEvent(null)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const policy = { ...defaultBackoff, jitter: 0 };
  it('doubles from the initial delay up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10].map((attempt) => backoffDelay(attempt, policy))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
  it('spreads delays by the jitter, never above the maximum', () => {
    expect(backoffDelay(0, defaultBackoff, () => 0)).toBe(400);
    expect(backoffDelay(0, defaultBackoff, () => 0.999999)).toBe(600);
    expect(backoffDelay(20, defaultBackoff, () => 0.999999)).toBe(30000);
  });
});

/** A fake Docker: each open() hands out the next scripted outcome as a stream or an error. */
class FakeDaemon {
  readonly streams: PassThrough[] = [];
  opens = 0;
  down = false;

  open = async (): Promise<NodeJS.ReadableStream> => {
    this.opens += 1;
    if (this.down)
      throw Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' });
    const stream = new PassThrough();
    this.streams.push(stream);
    return stream;
  };

  get current(): PassThrough {
    const stream = this.streams.at(-1);
    if (!stream) throw new Error('no stream open');
    return stream;
  }

  send(action: string): void {
    this.current.write(`${JSON.stringify(dockerEvent(action, twinlab))}\n`);
  }
}

describe('DockerEventWatcher', () => {
  let daemon: FakeDaemon;
  let signals: WatchSignal[];
  let clock: number;
  let watcher: DockerEventWatcher;

  const summary = () =>
    signals.map((signal) =>
      signal.type === 'change'
        ? `change:${signal.change.kind}`
        : signal.type === 'disconnected'
          ? `down:${signal.retryInMs}`
          : 'up',
    );
  /** Lets promise callbacks and stream events run. */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  beforeEach(() => {
    vi.useFakeTimers();
    daemon = new FakeDaemon();
    signals = [];
    clock = 0;
    watcher = new DockerEventWatcher({
      open: daemon.open,
      onSignal: (signal) => signals.push(signal),
      backoff: { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0 },
      stableAfterMs: 5000,
      now: () => clock,
    });
  });

  afterEach(() => {
    watcher.stop();
    vi.useRealTimers();
  });

  it('forwards changes, split across chunks, and skips noise', async () => {
    watcher.start();
    await settle();
    const line = JSON.stringify(dockerEvent('start', twinlab));
    daemon.current.write(line.slice(0, 50));
    daemon.current.write(`${line.slice(50)}\n${JSON.stringify(dockerEvent('exec_die'))}\n`);
    daemon.send('die');
    await settle();
    expect(summary()).toEqual(['up', 'change:started', 'change:stopped']);
  });

  it('reconnects with growing delays while the daemon is away, and resets once it is back', async () => {
    watcher.start();
    await settle();
    expect(summary()).toEqual(['up']);

    // dockerd stops: the stream ends and the socket refuses new connections.
    daemon.down = true;
    daemon.current.end();
    await settle();
    expect(summary()).toEqual(['up', 'down:100']);
    await vi.advanceTimersByTimeAsync(100);
    await vi.advanceTimersByTimeAsync(200);
    await vi.advanceTimersByTimeAsync(400);
    expect(summary()).toEqual(['up', 'down:100', 'down:200', 'down:400', 'down:800']);
    expect(signals.at(-1)).toMatchObject({ reason: 'connect ECONNREFUSED /var/run/docker.sock' });

    // dockerd is back: the next attempt connects and consumers are told to list again.
    daemon.down = false;
    await vi.advanceTimersByTimeAsync(800);
    expect(summary().at(-1)).toBe('up');
    daemon.send('create');
    await settle();
    expect(summary().at(-1)).toBe('change:created');

    // It stays up long enough to count as healthy: the next failure starts from the first delay.
    clock += 6000;
    daemon.current.destroy(new Error('socket hang up'));
    await settle();
    expect(signals.at(-1)).toEqual({ type: 'disconnected', reason: 'socket hang up', retryInMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(summary().at(-1)).toBe('up');
    expect(daemon.opens).toBe(6);
  });

  it('keeps backing off when the stream opens and closes at once (flapping daemon)', async () => {
    watcher.start();
    await settle();
    daemon.current.end();
    await settle();
    await vi.advanceTimersByTimeAsync(100);
    daemon.current.end();
    await settle();
    expect(summary()).toEqual(['up', 'down:100', 'up', 'down:200']);
  });

  it('stops for good: no reconnect after stop, and the open stream is closed', async () => {
    watcher.start();
    await settle();
    const stream = daemon.current;
    watcher.stop();
    await settle();
    expect(stream.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(daemon.opens).toBe(1);
    expect(summary()).toEqual(['up']);
    expect(watcher.running).toBe(false);
  });

  it('stops while waiting to reconnect', async () => {
    daemon.down = true;
    watcher.start();
    await settle();
    expect(summary()).toEqual(['down:100']);
    watcher.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(daemon.opens).toBe(1);
  });
});
