import { describe, expect, it } from 'vitest';
import type { Guest } from '../../../src/shared/guest';
import { ContainerListCache } from '../../../src/main/lab/containers/container-list-cache';

const guest: Guest = {
  id: 'c1',
  name: 'web',
  kind: 'container',
  engine: 'docker',
  runtime: 'runsc',
  state: 'running',
  templateId: 't',
  createdAt: '2026-01-01T00:00:00Z',
  startedAt: '2026-01-01T00:00:01Z',
  managed: true,
};
const running = { Id: 'c1', Names: ['/web'], State: 'running' };

function followedWith(entry: Guest, status = 'running'): ContainerListCache {
  const cache = new ContainerListCache();
  cache.followed();
  cache.store(entry, status, cache.epoch);
  return cache;
}

describe('ContainerListCache', () => {
  it('reuses an inspected guest while the status is unchanged, with the summary name', () => {
    const cache = followedWith(guest);
    expect(cache.reuse(running)).toEqual(guest);
    expect(cache.reuse({ ...running, Names: ['/renamed'] })?.name).toBe('renamed');
  });

  it('asks for an inspect when the status changed, an event arrived, or the id is new', () => {
    expect(followedWith(guest).reuse({ ...running, State: 'exited' })).toBeUndefined();
    const cache = followedWith(guest);
    cache.invalidate('c1');
    expect(cache.reuse(running)).toBeUndefined();
    expect(followedWith(guest).reuse({ ...running, Id: 'c2' })).toBeUndefined();
  });

  it('reuses nothing without an open event stream, and forgets all when it closes', () => {
    const unfollowed = new ContainerListCache();
    unfollowed.store(guest, 'running', unfollowed.epoch);
    expect(unfollowed.reuse(running)).toBeUndefined();
    const cache = followedWith(guest);
    cache.unfollowed();
    cache.followed();
    expect(cache.reuse(running)).toBeUndefined();
  });

  it('drops an inspect asked for before an invalidation (it may predate the change)', () => {
    const cache = new ContainerListCache();
    cache.followed();
    const asked = cache.epoch;
    cache.invalidate('other');
    cache.store(guest, 'running', asked);
    expect(cache.reuse(running)).toBeUndefined();
  });

  it('keeps only the listed containers', () => {
    const cache = followedWith(guest);
    cache.keepOnly(new Set(['c2']));
    expect(cache.reuse(running)).toBeUndefined();
  });
});
