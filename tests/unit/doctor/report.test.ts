import { describe, expect, it } from 'vitest';
import type { HostCheck, HostReport } from '../../../src/shared/host';
import { runCheck, PROBE_ERROR_KEY, type CheckDefinition } from '../../../src/main/lab/doctor/check-kit';
import { collectHostFacts } from '../../../src/main/lab/doctor/host-facts';
import { runHostChecks } from '../../../src/main/lab/doctor/index';
import { fakeDeps, fakeProbe } from './fake-host';
import { scenarios, throwingDeps, throwingProbe } from './scenarios';

const CHECK_IDS = [
  'cpu-virt-flags',
  'kvm-device',
  'kvm-usable',
  'libvirt-reachable',
  'libvirt-default-network',
  'docker-reachable',
  'docker-runtimes',
  'lxd-reachable',
  'tool-virsh',
  'tool-qemu-img',
  'tool-iso',
  'disk-free',
  'mirrors',
  'group-docker',
  'group-libvirt',
  'group-kvm',
];

function byId(report: HostReport): Record<string, HostCheck> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check]));
}

async function scenarioReport(name: string): Promise<Record<string, HostCheck>> {
  const scenario = scenarios.find((candidate) => candidate.name.startsWith(name));
  if (!scenario) throw new Error(`no scenario ${name}`);
  return byId(await runHostChecks(scenario.deps, scenario.probe));
}

describe('runHostChecks', () => {
  it('reports every check once, in a stable order, with keys derived from the id', async () => {
    const report = await runHostChecks(fakeDeps(), fakeProbe());
    expect(report.checks.map((check) => check.id)).toEqual(CHECK_IDS);
    for (const check of report.checks) {
      expect(check.titleKey).toMatch(/^host\.check\.[a-z][A-Za-z]+\.title$/);
      expect(check.summaryKey.startsWith(check.titleKey.replace(/title$/, ''))).toBe(true);
    }
    expect(Number.isNaN(Date.parse(report.checkedAt))).toBe(false);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a healthy Intel desktop is all ok and uses KVM', async () => {
    const report = await runHostChecks(fakeDeps(), fakeProbe());
    expect(report.accelerator).toBe('kvm');
    expect(report.checks.filter((check) => check.status !== 'ok')).toEqual([]);
    expect(byId(report)['kvm-usable']?.summaryKey).toBe('host.check.kvmUsable.kvm');
  });

  it('the CI host falls back to TCG because of kvm_pvm, as information', async () => {
    const scenario = scenarios[1];
    if (!scenario) throw new Error('missing scenario');
    const report = await runHostChecks(scenario.deps, scenario.probe);
    const checks = byId(report);
    expect(report.accelerator).toBe('tcg');
    expect(checks['kvm-usable']).toMatchObject({
      status: 'info',
      summaryKey: 'host.check.kvmUsable.tcg',
      params: { reason: 'pvm', context: 'pvm' },
    });
    expect(checks['cpu-virt-flags']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.cpuVirtFlags.missingNested',
      details: { hypervisor: 'yes' },
    });
    expect(checks['kvm-device']?.status).toBe('ok');
    expect(checks['group-docker']).toMatchObject({
      status: 'ok',
      summaryKey: 'host.check.groupDocker.root',
      params: { user: 'root' },
    });
    expect(checks['libvirt-default-network']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.libvirtDefaultNetwork.inactive',
    });
    expect(checks['libvirt-default-network']?.fix?.commands.debian).toEqual([
      'virsh -c qemu:///system net-start default',
      'virsh -c qemu:///system net-autostart default',
    ]);
  });

  it('an unreachable /dev/kvm asks the learner to join the kvm group', async () => {
    const checks = await scenarioReport('AMD');
    expect(checks['kvm-device']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.kvmDevice.noAccess',
    });
    expect(checks['kvm-usable']).toMatchObject({ status: 'warn', params: { reason: 'noAccess' } });
    expect(checks['kvm-usable']?.fix?.commands.fedora).toEqual(['sudo usermod -aG kvm $USER']);
  });

  it('a missing kvm module gets a modprobe fix for the right vendor', async () => {
    const checks = await scenarioReport('Intel without');
    expect(checks['kvm-device']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.kvmDevice.missing',
    });
    expect(checks['kvm-device']?.fix?.commands.arch).toEqual(['sudo modprobe kvm_intel']);
    expect(checks['kvm-usable']).toMatchObject({ status: 'warn', params: { reason: 'noDevice' } });
  });

  it('without vmx/svm there is no dead-end modprobe fix', async () => {
    const checks = await scenarioReport('bare laptop');
    expect(checks['cpu-virt-flags']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.cpuVirtFlags.missing',
    });
    expect(checks['kvm-device']).toMatchObject({
      status: 'info',
      summaryKey: 'host.check.kvmDevice.missingNoCpuSupport',
    });
    expect(checks['kvm-device']?.fix).toBeUndefined();
    expect(checks['kvm-usable']).toMatchObject({ status: 'info', params: { reason: 'noFlags' } });
  });

  it('tells a permission problem on the Docker socket from a missing Docker', async () => {
    const denied = await scenarioReport('AMD');
    expect(denied['docker-reachable']).toMatchObject({
      status: 'fail',
      summaryKey: 'host.check.dockerReachable.noPermission',
    });
    expect(denied['docker-reachable']?.fix?.commands.debian).toEqual(['sudo usermod -aG docker $USER']);
    const missing = await scenarioReport('bare laptop');
    expect(missing['docker-reachable']).toMatchObject({
      status: 'fail',
      summaryKey: 'host.check.dockerReachable.down',
    });
    expect(missing['docker-reachable']?.fix?.commands.fedora).toContain('sudo dnf install -y moby-engine');
  });

  it('lists runtimes and says whether a sandbox runtime exists', async () => {
    const withSandbox = byId(
      await runHostChecks(fakeDeps({ runtimes: async () => ['runc', 'kata-qemu'] }), fakeProbe()),
    );
    expect(withSandbox['docker-runtimes']).toMatchObject({
      status: 'ok',
      params: { runtimes: 'runc, kata-qemu', sandbox: 'kata-qemu' },
    });
    const without = await scenarioReport('libvirt up but');
    expect(without['docker-runtimes']).toMatchObject({
      status: 'info',
      summaryKey: 'host.check.dockerRuntimes.noSandbox',
      params: { runtimes: 'runc' },
    });
    expect(without['docker-runtimes']?.fix?.commands.debian).toEqual([
      'sudo apt-get install -y runsc',
      'sudo runsc install',
      'sudo systemctl restart docker',
    ]);
  });

  it('skips the network and runtime checks while their engine is not up', async () => {
    const checks = await scenarioReport('Intel without');
    expect(checks['libvirt-default-network']).toMatchObject({
      status: 'info',
      summaryKey: 'host.check.libvirtDefaultNetwork.skipped',
    });
    expect(checks['docker-runtimes']).toMatchObject({
      status: 'info',
      summaryKey: 'host.check.dockerRuntimes.skipped',
    });
  });

  it('offers to define the default network when libvirt does not know it', async () => {
    const checks = await scenarioReport('libvirt up but');
    expect(checks['libvirt-default-network']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.libvirtDefaultNetwork.missing',
    });
    expect(checks['libvirt-default-network']?.fix?.commands.debian[0]).toBe(
      'virsh -c qemu:///system net-define /usr/share/libvirt/networks/default.xml',
    );
  });

  it('reports missing tools; only the ISO tool is optional', async () => {
    const checks = await scenarioReport('bare laptop');
    expect(checks['tool-virsh']).toMatchObject({
      status: 'fail',
      summaryKey: 'host.check.toolVirsh.missing',
    });
    expect(checks['tool-qemu-img']?.fix?.commands).toEqual({
      debian: ['sudo apt-get install -y qemu-utils'],
      fedora: ['sudo dnf install -y qemu-img'],
      arch: ['sudo pacman -S --needed qemu-img'],
    });
    expect(checks['tool-iso']).toMatchObject({
      status: 'warn',
      params: { tool: 'xorriso, genisoimage, mkisofs, cloud-localds' },
    });
  });

  it('accepts any ISO tool', async () => {
    const probe = fakeProbe({
      which: async (tool) => (tool === 'cloud-localds' ? '/usr/bin/cloud-localds' : null),
    });
    const checks = byId(await runHostChecks(fakeDeps(), probe));
    expect(checks['tool-iso']).toMatchObject({
      status: 'ok',
      params: { tool: 'cloud-localds', path: '/usr/bin/cloud-localds' },
    });
  });

  it('group checks: not a member, just added, no such group, not needed', async () => {
    const laptop = await scenarioReport('bare laptop');
    expect(laptop['group-libvirt']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.groupLibvirt.notMember',
    });
    expect(laptop['group-libvirt']?.fix?.commands.arch).toEqual(['sudo usermod -aG libvirt $USER']);
    const added = await scenarioReport('AMD');
    expect(added['group-docker']).toMatchObject({
      status: 'warn',
      summaryKey: 'host.check.groupDocker.reloginNeeded',
    });
    const fresh = await scenarioReport('Intel without');
    expect(fresh['group-kvm']).toMatchObject({ status: 'info', summaryKey: 'host.check.groupKvm.noGroup' });
    const open = await scenarioReport('not in any group');
    expect(open['group-kvm']).toMatchObject({ status: 'ok', summaryKey: 'host.check.groupKvm.notNeeded' });
    expect(open['group-docker']).toMatchObject({
      status: 'ok',
      summaryKey: 'host.check.groupDocker.notNeeded',
    });
  });
});

describe('a broken check never breaks the report', () => {
  it('turns every throwing probe and engine into a check', async () => {
    const report = await runHostChecks(throwingDeps(), throwingProbe());
    expect(report.checks.map((check) => check.id)).toEqual(CHECK_IDS);
    expect(report.accelerator).toBe('tcg');
    for (const check of report.checks) {
      expect(check.summaryKey).toBe(PROBE_ERROR_KEY);
      expect(['fail', 'warn']).toContain(check.status);
      expect(check.details?.error).toMatch(/exploded/);
    }
    const checks = byId(report);
    expect(checks['docker-reachable']?.status).toBe('fail');
    expect(checks['libvirt-reachable']?.status).toBe('fail');
    expect(checks['tool-virsh']?.status).toBe('fail');
    expect(checks['tool-iso']?.status).toBe('warn');
  });

  it('a failing fact fails only the checks that need it', async () => {
    const probe = fakeProbe({
      readFile: async () => {
        throw new Error('EACCES: /proc/cpuinfo');
      },
    });
    const checks = byId(await runHostChecks(fakeDeps(), probe));
    expect(checks['cpu-virt-flags']).toMatchObject({
      status: 'warn',
      summaryKey: PROBE_ERROR_KEY,
      params: { error: 'EACCES: /proc/cpuinfo' },
    });
    expect(checks['kvm-usable']?.summaryKey).toBe(PROBE_ERROR_KEY);
    expect(checks['kvm-device']?.status).toBe('ok');
    expect(checks['docker-reachable']?.status).toBe('ok');
  });

  it('an unknown accelerator decision means TCG', async () => {
    const report = await runHostChecks(
      fakeDeps(),
      fakeProbe({ listModules: async () => Promise.reject(new Error('no /sys')) }),
    );
    expect(report.accelerator).toBe('tcg');
  });

  it('a virsh call that fails for another reason becomes an error check', async () => {
    const deps = fakeDeps({
      virsh: async () => Promise.reject(new Error('error: internal error: connection closed')),
    });
    const checks = byId(await runHostChecks(deps, fakeProbe()));
    expect(checks['libvirt-default-network']).toMatchObject({ status: 'warn', summaryKey: PROBE_ERROR_KEY });
  });

  it('a check that never answers times out', async () => {
    const hanging: CheckDefinition = {
      id: 'hanging-check',
      group: 'libvirt',
      statusOnError: 'warn',
      run: () => new Promise(() => undefined),
    };
    const probe = fakeProbe();
    const check = await runCheck(hanging, { deps: fakeDeps(), probe, facts: collectHostFacts(probe) }, 20);
    expect(check).toMatchObject({
      id: 'hanging-check',
      status: 'warn',
      summaryKey: PROBE_ERROR_KEY,
      titleKey: 'host.check.hangingCheck.title',
    });
    expect(check.details?.error).toMatch(/no answer/);
  });
});
