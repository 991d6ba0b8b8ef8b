import { describe, expect, it } from 'vitest';
import { resolveLxdSocket } from '../../../src/main/lab/engines/lxd/endpoint';
import { instanceEventOf } from '../../../src/main/lab/engines/lxd/events';
import { systemErrorCatalog } from '../../../src/main/lab/system-containers/errors';
import { systemGuestOf } from '../../../src/main/lab/system-containers/guest-mapping';
import { flatten, rendererCatalog } from '../../support/catalogs';

describe('LXD socket', () => {
  it('takes TWINLAB_LXD_SOCKET as given, else the first socket that exists (Incus last)', () => {
    expect(resolveLxdSocket({ TWINLAB_LXD_SOCKET: '/x.sock' }, () => true)).toBe('/x.sock');
    expect(resolveLxdSocket({}, (path) => path.includes('incus'))).toBe('/var/lib/incus/unix.socket');
    expect(resolveLxdSocket({}, (path) => path.includes('snap'))).toBe(
      '/var/snap/lxd/common/lxd/unix.socket',
    );
    expect(resolveLxdSocket({}, () => false)).toBe('/var/lib/lxd/unix.socket');
  });
});

describe('LXD lifecycle events', () => {
  it('names the instance and the action, and ignores everything else', () => {
    const started = JSON.stringify({
      type: 'lifecycle',
      metadata: { action: 'instance-started', source: '/1.0/instances/web-1?project=default' },
    });
    expect(instanceEventOf(started)).toEqual({ action: 'instance-started', name: 'web-1' });
    expect(instanceEventOf(JSON.stringify({ type: 'logging', metadata: { message: 'x' } }))).toBeUndefined();
    expect(
      instanceEventOf(
        JSON.stringify({
          type: 'lifecycle',
          metadata: { action: 'image-created', source: '/1.0/images/ab' },
        }),
      ),
    ).toBeUndefined();
    expect(instanceEventOf('not json')).toBeUndefined();
  });
});

describe('system container guests', () => {
  const instance = {
    name: 'lab-system',
    type: 'container',
    status: 'Running',
    created_at: '2026-12-04T05:00:00Z',
    last_used_at: '2026-12-04T05:00:01Z',
    config: {
      'user.twinlab.managed': 'true',
      'user.twinlab.template': 'fixture-ladder',
      'user.twinlab.twin': 't1',
    },
  };

  it('maps a labelled instance as a managed system guest of its twin', () => {
    expect(systemGuestOf(instance)).toEqual({
      id: 'lab-system',
      name: 'lab-system',
      kind: 'system',
      engine: 'lxd',
      runtime: 'lxc',
      state: 'running',
      templateId: 'fixture-ladder',
      twinId: 't1',
      createdAt: '2026-12-04T05:00:00Z',
      startedAt: '2026-12-04T05:00:01Z',
      managed: true,
    });
  });

  it('shows an unlabelled instance as not Twinlab’s, and an unknown status as unknown', () => {
    const users = systemGuestOf({ ...instance, status: 'Migrating', config: {} });
    expect(users).toMatchObject({ managed: false, state: 'unknown', templateId: '' });
    expect(users).not.toHaveProperty('twinId');
  });
});

describe('system container error catalog', () => {
  it('the English catalog the app ships has the texts the service uses', () => {
    const shipped = Object.fromEntries(
      [...flatten(rendererCatalog('en'))].filter(([key]) => key.startsWith('systems.error.')),
    );
    const used = Object.fromEntries(
      Object.entries(systemErrorCatalog).map(([name, entry]) => [`systems.error.${name}`, entry.text]),
    );
    expect(shipped).toEqual(used);
  });
});
