import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleManager } from '../../../src/main/lab/consoles/console-manager';
import { FlowControl } from '../../../src/main/lab/consoles/flow-control';
import { FakeBackend } from './fake-backend';

const limits = { highWaterChars: 100_000, lowWaterChars: 5_000 };

describe('FlowControl', () => {
  it('pauses above 100k unacknowledged characters and resumes below 5k', () => {
    const target = new FakeBackend();
    const flow = new FlowControl(limits, target);
    flow.sent(100_000);
    expect(target.paused).toBe(false);
    flow.sent(1);
    expect(target.paused).toBe(true);
    flow.sent(50_000); // still arriving while paused: no second pause
    expect(target.pauseCalls).toBe(1);
    flow.acked(145_000); // 6 001 left
    expect(target.paused).toBe(true);
    flow.acked(1_002); // 4 999 left
    expect(target.paused).toBe(false);
    expect(target.resumeCalls).toBe(1);
  });

  it('never counts below zero, whatever a viewer acks', () => {
    const flow = new FlowControl(limits, new FakeBackend());
    flow.sent(10);
    flow.acked(1_000_000);
    expect(flow.unacked).toBe(0);
  });

  it('reset releases a paused producer', () => {
    const target = new FakeBackend();
    const flow = new FlowControl(limits, target);
    flow.sent(200_000);
    flow.reset();
    expect(target.paused).toBe(false);
    expect(flow.unacked).toBe(0);
  });

  it('pauses a new producer that replaces one paused', () => {
    const flow = new FlowControl(limits, new FakeBackend());
    flow.sent(200_000);
    const next = new FakeBackend();
    flow.setTarget(next);
    expect(next.paused).toBe(true);
  });

  it('refuses marks in the wrong order', () => {
    expect(() => new FlowControl({ highWaterChars: 10, lowWaterChars: 10 }, undefined)).toThrow(RangeError);
  });
});

describe('flow control in a session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function openWith(backend: FakeBackend) {
    const received: string[] = [];
    const manager = new ConsoleManager({
      onData: (_id, data) => received.push(data),
      onState: () => undefined,
    });
    const { id } = await manager.open({ connect: async () => backend, title: 't', cols: 80, rows: 24 });
    return { manager, id, received };
  }

  it('pauses the backend for a viewer that does not ack, and resumes when it catches up', async () => {
    const backend = new FakeBackend();
    const { manager, id, received } = await openWith(backend);
    manager.attach(id);
    for (let i = 0; i < 20; i++) backend.emit('z'.repeat(8_000));
    vi.advanceTimersByTime(10);
    expect(received.join('').length).toBe(160_000);
    expect(backend.paused).toBe(true);
    expect(manager.info(id)).toMatchObject({ paused: true, unackedChars: 160_000 });
    manager.ack(id, 150_000);
    expect(backend.paused).toBe(true); // 10 000 left: still above the low mark
    manager.ack(id, 5_001);
    expect(backend.paused).toBe(false);
  });

  it('never pauses while no viewer is attached: output only fills the replay ring', async () => {
    const backend = new FakeBackend();
    const { manager, id, received } = await openWith(backend);
    for (let i = 0; i < 100; i++) backend.emit('q'.repeat(10_000));
    vi.advanceTimersByTime(10);
    expect(backend.pauseCalls).toBe(0);
    expect(received).toEqual([]);
    expect(manager.attach(id).replay.length).toBeLessThanOrEqual(manager.limits.replayChars);
  });

  it('a new viewer starts with nothing owed; detaching releases the backend', async () => {
    const backend = new FakeBackend();
    const { manager, id } = await openWith(backend);
    manager.attach(id);
    backend.emit('w'.repeat(120_000));
    vi.advanceTimersByTime(10);
    expect(backend.paused).toBe(true);
    manager.attach(id);
    expect(backend.paused).toBe(false);
    expect(manager.info(id).unackedChars).toBe(0);
    backend.emit('w'.repeat(120_000));
    vi.advanceTimersByTime(10);
    expect(backend.paused).toBe(true);
    manager.detach(id);
    expect(backend.paused).toBe(false);
    manager.ack(id, 1); // a stale ack from the detached viewer is ignored
    expect(manager.info(id).unackedChars).toBe(0);
  });
});
