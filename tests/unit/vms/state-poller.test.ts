import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Guest, GuestState } from '@shared/guest';
import { StatePoller, diffGuests, type GuestChanges } from '../../../src/main/lab/vms/state-poller';

const guest = (id: string, state: GuestState, name = id): Guest => ({
  id,
  name,
  kind: 'vm',
  engine: 'libvirt',
  runtime: 'qemu-tcg',
  state,
  templateId: 't',
  createdAt: '2026-01-01T00:00:00.000Z',
  managed: true,
});

describe('diffGuests', () => {
  it('reports added, changed and removed guests, sorted by name', () => {
    const before = new Map([
      ['a', guest('a', 'running')],
      ['b', guest('b', 'stopped')],
    ]);
    const changes = diffGuests(before, [guest('c', 'creating'), guest('a', 'paused')]);
    expect(changes).toEqual({
      guests: [guest('a', 'paused'), guest('c', 'creating')],
      added: [guest('c', 'creating')],
      changed: [guest('a', 'paused')],
      removed: ['b'],
    });
  });

  it('reports nothing when nothing visible changed (order does not matter)', () => {
    const before = new Map([
      ['a', guest('a', 'running')],
      ['b', guest('b', 'stopped')],
    ]);
    expect(diffGuests(before, [guest('b', 'stopped'), guest('a', 'running')])).toBeUndefined();
  });
});

describe('StatePoller', () => {
  afterEach(() => vi.useRealTimers());

  it('emits the first list, then only changes, and keeps the last list when a poll fails', async () => {
    vi.useFakeTimers();
    const lists: (Guest[] | Error)[] = [
      [guest('a', 'running')],
      [guest('a', 'running')],
      new Error('libvirt went away'),
      [guest('a', 'running')],
      [guest('a', 'stopped')],
    ];
    const emitted: GuestChanges[] = [];
    const errors: unknown[] = [];
    const poller = new StatePoller({
      list: async () => {
        const next = lists.shift() ?? [guest('a', 'stopped')];
        if (next instanceof Error) throw next;
        return next;
      },
      onChange: (changes) => emitted.push(changes),
      onError: (error) => errors.push(error),
      intervalMs: 1000,
    });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(1000);
    poller.stop();
    expect(emitted.map((changes) => changes.guests.map((g) => g.state))).toEqual([['running'], ['stopped']]);
    expect(errors).toHaveLength(1);
    expect(poller.current()).toEqual([guest('a', 'stopped')]);
  });

  it('never reports an older list after a newer one', async () => {
    let call = 0;
    const emitted: GuestState[] = [];
    const poller = new StatePoller({
      // The first poll is slow and sees the old state; the second is fast and sees the new one.
      list: async () => {
        call++;
        if (call === 1) {
          await new Promise((resolve) => setTimeout(resolve, 30));
          return [guest('a', 'running')];
        }
        return [guest('a', 'stopped')];
      },
      onChange: (changes) => emitted.push(...changes.guests.map((g) => g.state)),
    });
    await Promise.all([poller.pollNow(), poller.pollNow()]);
    expect(emitted).toEqual(['running', 'stopped']);
  });
});
