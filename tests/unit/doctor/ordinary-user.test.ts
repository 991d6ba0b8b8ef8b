import { describe, expect, it } from 'vitest';
import type { HostCheck } from '../../../src/shared/host';
import { runHostChecks } from '../../../src/main/lab/doctor/index';
import { fakeDeps, fakeProbe, libvirtUp } from './fake-host';

/** ada (uid 1000) after a fresh install: in none of the groups, or added but not yet logged in again. */
const outsider = fakeProbe({ processGroups: async () => ['ada'] });
const onSession = { ...libvirtUp, endpoint: 'qemu:///session' };

async function check(id: string, ...args: Parameters<typeof runHostChecks>): Promise<HostCheck | undefined> {
  return (await runHostChecks(...args)).checks.find((entry) => entry.id === id);
}

describe('the Host page for an ordinary user', () => {
  it('names each missing group with the exact command, and says a new login is needed', async () => {
    const probe = fakeProbe({
      processGroups: async () => ['ada'],
      lookupGroup: async (name) => ({ name, gid: 200, members: [] }),
    });
    const deps = fakeDeps({
      docker: { state: 'down', endpoint: '/var/run/docker.sock', reason: 'connect EACCES', since: '' },
      libvirt: onSession,
    });
    for (const group of ['docker', 'libvirt']) {
      const entry = await check(`group-${group}`, deps, probe);
      expect(entry).toMatchObject({ status: 'warn', params: { group, user: 'ada' } });
      expect(entry?.fix).toMatchObject({ key: 'host.fix.joinGroup', params: { group } });
      expect(entry?.fix?.commands.debian).toEqual([`sudo usermod -aG ${group} $USER`]);
    }
  });

  it('after usermod, before a new login, says to log in again instead of repeating the command', async () => {
    const entry = await check('group-libvirt', fakeDeps({ libvirt: onSession }), outsider);
    expect(entry).toMatchObject({ status: 'warn', summaryKey: 'host.check.groupLibvirt.reloginNeeded' });
    expect(entry?.fix).toBeUndefined();
  });

  it('does not count libvirt answering on the session connection as group access', async () => {
    const system = await check('group-libvirt', fakeDeps(), outsider);
    expect(system?.summaryKey).toBe('host.check.groupLibvirt.notNeeded');
    const session = await check('group-libvirt', fakeDeps({ libvirt: onSession }), outsider);
    expect(session?.summaryKey).toBe('host.check.groupLibvirt.reloginNeeded');
  });

  it("shows a session connection's limits, with the group as the way to the system connection", async () => {
    const entry = await check('libvirt-reachable', fakeDeps({ libvirt: onSession }), fakeProbe());
    expect(entry).toMatchObject({ status: 'warn', summaryKey: 'host.check.libvirtReachable.session' });
    expect(entry?.fix?.commands.fedora).toEqual(['sudo usermod -aG libvirt $USER']);
    const system = await check('libvirt-reachable', fakeDeps(), fakeProbe());
    expect(system).toMatchObject({ status: 'ok', summaryKey: 'host.check.libvirtReachable.ok' });
  });
});
