import { describe, expect, it } from 'vitest';
import {
  instanceBody,
  instanceYaml,
  launchCommand,
} from '../../../src/main/lab/system-containers/instance-body';
import { connectProblem, serverProblem } from '../../../src/main/lab/system-containers/readiness';
import { idmapOf } from '../../../src/main/lab/system-containers/system-details';

const server = { product: 'LXD' as const, version: '5.0.2', pools: ['default'], auth: 'trusted' };

describe('the instance Twinlab asks LXD for', () => {
  const request = { name: 'box-1', templateId: 'fixture-ladder', system: { memoryMiB: 64, cpus: 1 } };

  it('carries the limits and the labels that make it Twinlab’s', () => {
    expect(instanceBody(request, { alias: 'twinlab-fixture/busybox-system' })).toEqual({
      name: 'box-1',
      type: 'container',
      source: { type: 'image', alias: 'twinlab-fixture/busybox-system' },
      config: {
        'limits.memory': '64MiB',
        'limits.cpu': '1',
        'user.twinlab.managed': 'true',
        'user.twinlab.template': 'fixture-ladder',
      },
    });
  });

  it('labels no template for an image from the store, and sets no limit it was not given', () => {
    const body = instanceBody({ name: 'box-2', templateId: '', system: {} }, { fingerprint: 'a3f5e94119c6' });
    expect(body.config).toEqual({ 'user.twinlab.managed': 'true' });
    expect(body.source).toEqual({ type: 'image', fingerprint: 'a3f5e94119c6' });
  });

  it('reads as the engine’s own launch line, one -c a line, quoted only where the shell needs it', () => {
    const body = instanceBody(request, { alias: 'twinlab-fixture/busybox-system' });
    expect(launchCommand('LXD', body)).toBe(
      [
        'lxc launch twinlab-fixture/busybox-system box-1',
        '  -c limits.memory=64MiB',
        '  -c limits.cpu=1',
        '  -c user.twinlab.managed=true',
        '  -c user.twinlab.template=fixture-ladder',
      ].join(' \\\n'),
    );
    expect(launchCommand('Incus', { ...body, config: { 'user.note': "it's" } })).toBe(
      `incus launch twinlab-fixture/busybox-system box-1 \\\n  -c 'user.note=it'\\''s'`,
    );
  });

  it('is the same body as YAML', () => {
    const yaml = instanceYaml(instanceBody(request, { alias: 'img' }));
    expect(yaml).toContain('name: box-1\ntype: container\nsource:\n  type: image\n  alias: img\n');
    expect(yaml).toContain('limits.memory: 64MiB');
  });
});

describe('whether LXD can make an instance now', () => {
  it('is ready when it trusts us and has a storage pool', () => {
    expect(serverProblem(server, '/var/lib/lxd/unix.socket')).toBeUndefined();
  });

  it('names the group to join when it does not trust this user, LXD’s or Incus’', () => {
    expect(serverProblem({ ...server, auth: 'untrusted' }, '/var/lib/lxd/unix.socket')?.params).toEqual({
      product: 'LXD',
      group: 'lxd',
    });
    const incus = serverProblem(
      { ...server, product: 'Incus', auth: 'untrusted' },
      '/var/lib/incus/unix.socket',
    );
    expect(incus?.key).toBe('systems.error.notTrusted');
    expect(incus?.message).toContain('sudo usermod -aG incus-admin $USER');
    const denied = connectProblem(
      new Error('connect EACCES /var/lib/lxd/unix.socket'),
      '/var/lib/lxd/unix.socket',
    );
    expect(denied.key).toBe('systems.error.notTrusted');
  });

  it('says to initialise it when it has no storage pool, and to install it when nothing answers', () => {
    expect(serverProblem({ ...server, pools: [] }, '/var/lib/lxd/unix.socket')?.key).toBe(
      'systems.error.notInitialised',
    );
    const absent = connectProblem(
      new Error('connect ENOENT /var/lib/lxd/unix.socket'),
      '/var/lib/lxd/unix.socket',
    );
    expect(absent.key).toBe('systems.error.unavailable');
    expect(absent.message).toContain('ENOENT');
  });
});

describe('the uid map of an instance', () => {
  const map = JSON.stringify([
    { Isuid: true, Isgid: false, Hostid: 1000000, Nsid: 0, Maprange: 1000000000 },
    { Isuid: false, Isgid: true, Hostid: 1000000, Nsid: 0, Maprange: 1000000000 },
  ]);

  it('is the map in use, else the last one it ran with', () => {
    expect(idmapOf({ 'volatile.idmap.current': map })).toEqual([
      { kind: 'uid', nsid: 0, hostid: 1000000, range: 1000000000 },
      { kind: 'gid', nsid: 0, hostid: 1000000, range: 1000000000 },
    ]);
    expect(idmapOf({ 'volatile.last_state.idmap': map })).toHaveLength(2);
  });

  it('is empty for a privileged container and for config it cannot read', () => {
    expect(idmapOf({})).toEqual([]);
    expect(idmapOf({ 'volatile.idmap.current': '[]' })).toEqual([]);
    expect(idmapOf({ 'volatile.idmap.current': 'not json' })).toEqual([]);
    expect(idmapOf({ 'volatile.idmap.current': '[{"Isuid":"yes"}]' })).toEqual([]);
  });
});
