import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleManager } from '../../../src/main/lab/consoles/console-manager';
import type { SessionState, StateDetail } from '../../../src/main/lab/consoles/console-session';
import { ConsoleError, isConsoleError } from '../../../src/main/lab/consoles/errors';
import { englishNotices } from '../../../src/main/lab/consoles/notices';
import { FakeBackend } from './fake-backend';

interface Recorded {
  data: Array<{ id: string; data: string; offset: number }>;
  states: Array<{ id: string; state: SessionState; detail?: StateDetail }>;
}

function setup(limits?: ConstructorParameters<typeof ConsoleManager>[0]['limits']) {
  const recorded: Recorded = { data: [], states: [] };
  const manager = new ConsoleManager({
    onData: (id, data, offset) => recorded.data.push({ id, data, offset }),
    onState: (id, state, detail) => recorded.states.push({ id, state, ...(detail && { detail }) }),
    limits,
    notices: { lost: () => '\r\n[getrennt]\r\n' },
  });
  const backends: FakeBackend[] = [];
  const connect = vi.fn(async () => {
    const backend = new FakeBackend();
    backends.push(backend);
    return backend;
  });
  return { manager, recorded, backends, connect };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ConsoleManager', () => {
  it('opens a session: connecting, then open, with the requested size', async () => {
    const { manager, recorded, connect } = setup();
    const info = await manager.open({ connect, title: 'web', owner: 'container:abc', cols: 120, rows: 40 });
    expect(connect).toHaveBeenCalledWith({ cols: 120, rows: 40 });
    expect(info).toMatchObject({
      title: 'web',
      owner: 'container:abc',
      state: 'open',
      cols: 120,
      rows: 40,
      attached: false,
    });
    expect(recorded.states.map((entry) => entry.state)).toEqual(['connecting', 'open']);
    expect(manager.list({ owner: 'container:abc' })).toHaveLength(1);
    expect(manager.list({ owner: 'vm:x' })).toHaveLength(0);
  });

  it('validates sizes: 1..1000 whole numbers', async () => {
    const { manager, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    for (const [cols, rows] of [
      [0, 24],
      [80, 1001],
      [80.5, 24],
      [Number.NaN, 24],
      [-1, -1],
    ] as const) {
      expect(
        isConsoleError(
          thrown(() => manager.resize(id, cols, rows)),
          'bad-size',
        ),
      ).toBe(true);
    }
    manager.resize(id, 1000, 1);
    manager.resize(id, 1000, 1); // unchanged: not sent again
    expect(backends[0]?.sizes).toEqual([[1000, 1]]);
    await expect(manager.open({ connect, title: 't', cols: 0, rows: 24 })).rejects.toMatchObject({
      kind: 'bad-size',
      code: 'bad-input',
    });
  });

  it('caps the number of sessions with a clear error', async () => {
    const { manager, connect } = setup({ maxSessions: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await manager.open({ connect, title: `s${i}`, cols: 80, rows: 24 })).id);
    const error = await manager
      .open({ connect, title: 'one too many', cols: 80, rows: 24 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({
      kind: 'session-limit',
      code: 'conflict',
      key: 'console.sessionLimit',
      params: { limit: 3 },
    });
    expect((error as Error).message).toMatch(/Close a console/);
    await manager.close(ids[0] ?? '');
    await expect(manager.open({ connect, title: 'fits again', cols: 80, rows: 24 })).resolves.toMatchObject({
      state: 'open',
    });
  });

  it('has the default limits of the design', () => {
    const { manager } = setup();
    expect(manager.limits).toMatchObject({
      maxSessions: 64,
      replayChars: 262_144,
      highWaterChars: 100_000,
      lowWaterChars: 5_000,
    });
  });

  it('sends output only to an attached viewer, and replays it on attach', async () => {
    const { manager, recorded, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    const backend = backends[0] as FakeBackend;
    backend.emit('before attach\r\n');
    vi.advanceTimersByTime(5);
    expect(recorded.data).toEqual([]);
    const first = manager.attach(id);
    expect(first).toMatchObject({ replay: 'before attach\r\n', offset: 15, state: 'open' });
    backend.emit('live');
    vi.advanceTimersByTime(5);
    expect(recorded.data).toEqual([{ id, data: 'live', offset: 15 }]);
    manager.detach(id);
    backend.emit(' while away');
    vi.advanceTimersByTime(5);
    expect(recorded.data).toHaveLength(1);
    const again = manager.attach(id);
    expect(again.replay).toBe('before attach\r\nlive while away');
    expect(again.offset).toBe(again.replay.length);
  });

  it('marks a session disconnected when its backend is lost, and reconnects it under the same id', async () => {
    const { manager, recorded, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    manager.attach(id);
    const first = backends[0] as FakeBackend;
    first.emit('$ ');
    first.end({ kind: 'lost', message: 'The container stopped.' });
    expect(manager.info(id)).toMatchObject({
      state: 'disconnected',
      detail: { reason: 'lost', message: 'The container stopped.' },
    });
    expect(recorded.data.map((entry) => entry.data).join('')).toBe('$ \r\n[getrennt]\r\n');
    expect(first.disposed).toBe(true);
    manager.write(id, 'dropped'); // nobody to type to: refused in the terminal, never kept
    manager.write(id, 'again'); // said once per outage
    vi.advanceTimersByTime(5);
    const refusal = englishNotices.refused();
    expect(recorded.data.map((entry) => entry.data).join('')).toBe(`$ \r\n[getrennt]\r\n${refusal}`);
    manager.resize(id, 100, 30); // remembered for the next backend
    const info = await manager.reconnect(id);
    expect(info).toMatchObject({ id, state: 'open', cols: 100, rows: 30 });
    expect(connect).toHaveBeenLastCalledWith({ cols: 100, rows: 30 });
    const second = backends[1] as FakeBackend;
    manager.write(id, 'echo back\r');
    expect(second.written).toEqual(['echo back\r']);
    second.emit('back');
    vi.advanceTimersByTime(5);
    expect(manager.attach(id).replay).toBe(`$ \r\n[getrennt]\r\n${refusal}back`);
    expect(recorded.states.filter((entry) => entry.id === id).map((entry) => entry.state)).toEqual([
      'connecting',
      'open',
      'disconnected',
      'connecting',
      'open',
    ]);
  });

  it('says a guest is lost once per outage: retries that end before it speaks add no notice', async () => {
    const { manager, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    backends[0]?.emit('$ ');
    backends[0]?.end({ kind: 'lost', message: 'The VM stopped.' });
    await manager.reconnect(id);
    backends[1]?.end({ kind: 'lost', message: 'PTY device is not yet assigned' });
    await manager.reconnect(id);
    backends[2]?.emit('login: ');
    backends[2]?.end({ kind: 'lost', message: 'The VM stopped.' });
    vi.advanceTimersByTime(5);
    expect(manager.attach(id).replay).toBe('$ \r\n[getrennt]\r\nlogin: \r\n[getrennt]\r\n');
  });

  it('writes the default English notice when a program exits by itself', async () => {
    const manager = new ConsoleManager({ onData: () => undefined, onState: () => undefined });
    const backend = new FakeBackend();
    const { id } = await manager.open({ connect: async () => backend, title: 't', cols: 80, rows: 24 });
    backend.end({ kind: 'exited', exitCode: 3 });
    expect(manager.attach(id).replay).toBe('\r\n[the shell ended with exit code 3]\r\n');
    expect(manager.info(id).detail).toEqual({ reason: 'exited', exitCode: 3 });
  });

  it('a reconnect is a no-op while open, and one attempt is shared by concurrent callers', async () => {
    const { manager, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    await manager.reconnect(id);
    expect(connect).toHaveBeenCalledTimes(1);
    backends[0]?.end();
    await Promise.all([manager.reconnect(id), manager.reconnect(id)]);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('stays disconnected, with the reason, when a reconnect fails', async () => {
    const { manager, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    backends[0]?.end();
    connect.mockRejectedValueOnce(
      new ConsoleError('not-running', 'The container web is not running.', { container: 'web' }),
    );
    await expect(manager.reconnect(id)).rejects.toMatchObject({ kind: 'not-running' });
    expect(manager.info(id)).toMatchObject({
      state: 'disconnected',
      detail: {
        reason: 'connect-failed',
        key: 'console.notRunning',
        message: 'The container web is not running.',
      },
    });
  });

  it('forgets a session whose first connect fails and passes the error on', async () => {
    const { manager } = setup();
    const failing = async () => {
      throw new ConsoleError('no-shell', 'This image has no shell (bash or sh).', { image: 'scratch-app' });
    };
    await expect(manager.open({ connect: failing, title: 't', cols: 80, rows: 24 })).rejects.toMatchObject({
      kind: 'no-shell',
      params: { image: 'scratch-app' },
    });
    expect(manager.list()).toEqual([]);
  });

  it('closes: disposes the backend, reports closed, forgets the id', async () => {
    const { manager, recorded, backends, connect } = setup();
    const { id } = await manager.open({ connect, title: 't', cols: 80, rows: 24 });
    await manager.close(id);
    expect(backends[0]?.disposed).toBe(true);
    expect(recorded.states.at(-1)).toEqual({ id, state: 'closed', detail: { reason: 'closed' } });
    expect(
      isConsoleError(
        thrown(() => manager.write(id, 'x')),
        'unknown-session',
      ),
    ).toBe(true);
    await expect(manager.close(id)).resolves.toBeUndefined(); // idempotent
    // A viewer still rendering what was in flight acks after the close: nothing to release, no error.
    expect(() => manager.ack(id, 10)).not.toThrow();
  });

  it('disposes a backend that connects after its session was closed', async () => {
    const { manager } = setup();
    const late = new FakeBackend();
    let finish: (backend: FakeBackend) => void = () => undefined;
    const pending = manager.open({
      connect: () => new Promise<FakeBackend>((resolve) => (finish = resolve)),
      title: 't',
      cols: 80,
      rows: 24,
    });
    const [info] = manager.list();
    await manager.close(info?.id ?? '');
    finish(late);
    await expect(pending).rejects.toMatchObject({ kind: 'session-closed' });
    expect(late.disposed).toBe(true);
  });

  it('closeAll ends every session', async () => {
    const { manager, backends, connect } = setup();
    for (let i = 0; i < 5; i++) await manager.open({ connect, title: `s${i}`, cols: 80, rows: 24 });
    await manager.closeAll();
    expect(manager.list()).toEqual([]);
    expect(backends.every((backend) => backend.disposed)).toBe(true);
  });

  it('keeps working when a listener throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const manager = new ConsoleManager({
      onData: () => {
        throw new Error('listener bug');
      },
      onState: () => undefined,
    });
    const backend = new FakeBackend();
    const { id } = await manager.open({ connect: async () => backend, title: 't', cols: 80, rows: 24 });
    manager.attach(id);
    backend.emit('x');
    expect(() => vi.advanceTimersByTime(5)).not.toThrow();
    expect(manager.attach(id).replay).toBe('x');
  });
});
