import { describe, expect, it } from 'vitest';
import type { Guest } from '../../../src/shared/guest';
import { ApiError } from '../../../src/shared/errors';
import { splitRoleSuffix, twinNameOf } from '../../../src/shared/twin-roles';
import { TwinLifecycle, type TwinPartActions } from '../../../src/main/lab/twins/twin-lifecycle';

const guest = (name: string, extra: Partial<Guest> = {}): Guest => ({
  id: `id-${name}`,
  name,
  kind: name.endsWith('-vm') ? 'vm' : 'container',
  engine: name.endsWith('-vm') ? 'libvirt' : 'docker',
  runtime: name.endsWith('-vm') ? 'qemu-tcg' : name.endsWith('-sandbox') ? 'runsc' : 'runc',
  state: 'running',
  templateId: 'fixture-twin',
  twinId: 'twin-1',
  createdAt: '2026-12-04T00:00:00Z',
  managed: true,
  ...extra,
});

/** A lab of guests whose removals succeed unless the part is named in `failing`. */
function labOf(guests: Guest[], failing: Record<string, string> = {}) {
  const calls: string[] = [];
  const act = (verb: string) => async (part: Guest) => {
    calls.push(`${verb} ${part.name}`);
    if (failing[part.name]) throw new Error(failing[part.name]);
    if (verb === 'remove') guests = guests.filter((each) => each !== part);
  };
  const parts: TwinPartActions = { start: act('start'), stop: act('stop'), remove: act('remove') };
  const closed: string[] = [];
  const forgotten: string[] = [];
  const lifecycle = new TwinLifecycle({
    guests: async () => guests,
    parts,
    closeConsoles: async (id) => void closed.push(id),
    forgetResults: async (twinId) => void forgotten.push(twinId),
    changed: () => undefined,
  });
  return { lifecycle, calls, closed, forgotten };
}

describe('a twin as one thing', () => {
  it('names the twin after what its guests share, and keeps a role suffix apart', () => {
    expect(twinNameOf([guest('web-1a2b-container'), guest('web-1a2b-vm')])).toBe('web-1a2b');
    expect(twinNameOf([guest('renamed'), guest('web-vm')])).toBe('renamed');
    expect(splitRoleSuffix('busybox-twin-1a2b-sandbox')).toEqual({
      head: 'busybox-twin-1a2b',
      suffix: '-sandbox',
    });
    expect(splitRoleSuffix('plain')).toEqual({ head: 'plain', suffix: '' });
    expect(splitRoleSuffix('-vm')).toEqual({ head: '-vm', suffix: '' });
  });

  it('deletes only Twinlab guests of that twin, closing their consoles first', async () => {
    const foreign = guest('x-container', { managed: false });
    const other = guest('y-container', { twinId: 'twin-2' });
    const { lifecycle, calls, closed, forgotten } = labOf([
      guest('t-vm'),
      guest('t-container'),
      guest('t-sandbox'),
      foreign,
      other,
    ]);
    const result = await lifecycle.delete('twin-1');
    expect(result).toEqual({ twinId: 'twin-1', name: 't', guests: [] });
    expect(calls.sort()).toEqual(['remove t-container', 'remove t-sandbox', 'remove t-vm']);
    expect(closed.sort()).toEqual(['id-t-container', 'id-t-sandbox', 'id-t-vm']);
    expect(forgotten).toEqual(['twin-1']);
  });

  it('still removes the other parts when one fails, and names the one that remains and why', async () => {
    const { lifecycle, calls, forgotten } = labOf([guest('t-container'), guest('t-vm')], {
      't-vm': 'libvirt is down.',
    });
    const error = await lifecycle.delete('twin-1').catch((e: unknown) => e);
    expect(calls.sort()).toEqual(['remove t-container', 'remove t-vm']);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'twins.error.deletePartial',
      params: { name: 't', parts: 't-vm (libvirt is down)' },
    });
    // The part still there keeps its twin, and the twin its saved results.
    expect(forgotten).toEqual([]);
  });

  it('starts only what is not running and stops only what is not stopped', async () => {
    const { lifecycle, calls } = labOf([guest('t-container', { state: 'stopped' }), guest('t-vm')]);
    await lifecycle.start('twin-1');
    await lifecycle.stop('twin-1', 5);
    expect(calls).toEqual(['start t-container', 'stop t-vm']);
  });

  it('refuses a twin that has no parts with a not-found sentence', async () => {
    const { lifecycle } = labOf([guest('t-container', { managed: false })]);
    await expect(lifecycle.stop('twin-1', 5)).rejects.toMatchObject({ key: 'twins.error.twinNotFound' });
  });
});
