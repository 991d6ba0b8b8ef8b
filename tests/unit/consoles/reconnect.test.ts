import { describe, expect, it, vi } from 'vitest';
import type { ConsoleManager, SessionInfo } from '../../../src/main/lab/consoles';
import { ConsoleReconnects } from '../../../src/main/lab/consoles/reconnect';
import { createLogger } from '../../../src/main/lab/log';

/** Sessions as ConsoleManager lists them; reconnect() records which ones were asked to try again. */
function lab(sessions: Pick<SessionInfo, 'id' | 'owner' | 'state'>[]) {
  const asked: string[] = [];
  const consoles = {
    list: () => sessions as SessionInfo[],
    reconnect: async (id: string) => {
      asked.push(id);
      if (id === 'refuses') throw new Error('the container is not running');
      return sessions.find((session) => session.id === id) as SessionInfo;
    },
  } as unknown as ConsoleManager;
  return { reconnects: new ConsoleReconnects(consoles, createLogger('test')), asked };
}

describe('ConsoleReconnects', () => {
  const sessions = [
    { id: 'shell', owner: 'container:c1', state: 'disconnected' },
    { id: 'log', owner: 'container-logs:c1', state: 'disconnected' },
    { id: 'other', owner: 'container:c2', state: 'disconnected' },
    { id: 'open', owner: 'container:c1', state: 'open' },
    { id: 'vm', owner: 'vm:u1', state: 'disconnected' },
  ] as const;

  it("reconnects a started container's disconnected shell and log, and nothing else", () => {
    const { reconnects, asked } = lab([...sessions]);
    reconnects.onContainerSignal({
      type: 'change',
      change: { id: 'c1', kind: 'started', name: 'web', managed: true, at: '2026-12-04T00:00:00Z' },
    });
    expect(asked).toEqual(['shell', 'log']);
  });

  it("reconnects every disconnected console when Docker's event stream is back", () => {
    const { reconnects, asked } = lab([...sessions]);
    reconnects.onContainerSignal({ type: 'connected' });
    expect(asked).toEqual(['shell', 'log', 'other', 'vm']);
  });

  it('tries a container session lost to a restart at once, and leaves one that ended otherwise', () => {
    const { reconnects, asked } = lab([...sessions]);
    reconnects.onState('shell', 'disconnected', { reason: 'lost', message: 'container restarted' });
    reconnects.onState('other', 'disconnected', { reason: 'exited', exitCode: 0 });
    expect(asked).toEqual(['shell']);
  });

  it("leaves a lost VM console for its domain's start: virsh console on a stopped domain ends at once", () => {
    const { reconnects, asked } = lab([...sessions]);
    reconnects.onState('vm', 'disconnected', { reason: 'lost', message: 'virsh exit 1' });
    expect(asked).toEqual([]);
  });

  it("reconnects a started VM's console, and again a second later while it keeps dropping", () => {
    vi.useFakeTimers();
    try {
      const { reconnects, asked } = lab([...sessions]);
      reconnects.vmStarted('u1');
      expect(asked).toEqual(['vm']);
      vi.advanceTimersByTime(1000);
      expect(asked).toEqual(['vm', 'vm']);
      vi.advanceTimersByTime(10_000);
      expect(asked).toHaveLength(5); // bounded
    } finally {
      vi.useRealTimers();
    }
  });

  it("tries a started VM's console no more once stopped, as the lab's dispose does", () => {
    vi.useFakeTimers();
    try {
      const { reconnects, asked } = lab([...sessions]);
      reconnects.vmStarted('u1');
      vi.advanceTimersByTime(1000);
      reconnects.stop();
      vi.advanceTimersByTime(10_000);
      expect(asked).toEqual(['vm', 'vm']);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a refusal to itself: the session stays disconnected until the next start', async () => {
    const { reconnects, asked } = lab([{ id: 'refuses', owner: 'container:c3', state: 'disconnected' }]);
    reconnects.containerStarted('c3');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(asked).toEqual(['refuses']);
  });
});
