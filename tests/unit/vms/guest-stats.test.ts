import { describe, expect, it } from 'vitest';
import { isNetworkActiveOutputForTest } from './support';
import { parseNetActive, qemuPidFile } from '../../../src/main/lab/engines/libvirt/virsh-queries';
import { DomainStates } from '../../../src/main/lab/engines/libvirt/domain-states';
import { guestStateOf, runtimeOf, toGuest } from '../../../src/main/lab/vms/guest-mapping';
import { cpuPercentBetween, parseDomMemStat, parseVmRss } from '../../../src/main/lab/vms/vm-stats';

describe('domain → guest', () => {
  it('maps libvirt states without inventing transitions', () => {
    expect(guestStateOf(DomainStates.RUNNING)).toBe('running');
    expect(guestStateOf(DomainStates.BLOCKED)).toBe('running');
    expect(guestStateOf(DomainStates.SHUTDOWN)).toBe('running');
    expect(guestStateOf(DomainStates.PAUSED)).toBe('paused');
    expect(guestStateOf(DomainStates.PMSUSPENDED)).toBe('paused');
    expect(guestStateOf(DomainStates.SHUTOFF)).toBe('stopped');
    expect(guestStateOf(DomainStates.CRASHED)).toBe('error');
    expect(guestStateOf(DomainStates.NOSTATE)).toBe('unknown');
  });

  it('takes the runtime from the domain type', () => {
    expect(runtimeOf('kvm')).toBe('qemu-kvm');
    expect(runtimeOf('qemu')).toBe('qemu-tcg');
  });

  it("says whether a Twinlab VM has the probe channel; a foreign VM's ports are none of its business", () => {
    const facts = { uuid: 'u', name: 'n', state: DomainStates.RUNNING, domainType: 'qemu' };
    const metadata = { templateId: 't', createdAt: '2026-01-01T00:00:00.000Z', files: [] };
    expect(toGuest({ ...facts, metadata, probeChannel: false }).probeChannel).toBe(false);
    expect(toGuest({ ...facts, metadata, probeChannel: true }).probeChannel).toBe(true);
    expect(toGuest({ ...facts, metadata: undefined, probeChannel: true })).not.toHaveProperty('probeChannel');
  });

  it('maps a Twinlab domain and a foreign one', () => {
    const base = {
      uuid: 'u',
      name: 'n',
      state: DomainStates.RUNNING,
      domainType: 'qemu',
      startedAt: '2026-01-01T00:00:01.000Z',
    };
    expect(
      toGuest({
        ...base,
        metadata: { templateId: 't', twinId: 'tw', createdAt: '2026-01-01T00:00:00.000Z', files: [] },
      }),
    ).toEqual({
      id: 'u',
      name: 'n',
      kind: 'vm',
      engine: 'libvirt',
      runtime: 'qemu-tcg',
      state: 'running',
      templateId: 't',
      twinId: 'tw',
      createdAt: '2026-01-01T00:00:00.000Z',
      startedAt: '2026-01-01T00:00:01.000Z',
      managed: true,
    });
    expect(toGuest({ ...base, domainType: 'kvm', state: DomainStates.SHUTOFF, metadata: undefined })).toEqual(
      {
        id: 'u',
        name: 'n',
        kind: 'vm',
        engine: 'libvirt',
        runtime: 'qemu-kvm',
        state: 'stopped',
        templateId: '',
        createdAt: '',
        managed: false,
      },
    );
  });

  it('shows creating/removing while an operation runs', () => {
    const facts = {
      uuid: 'u',
      name: 'n',
      state: DomainStates.SHUTOFF,
      domainType: 'qemu',
      metadata: undefined,
    };
    expect(toGuest(facts, 'creating').state).toBe('creating');
  });
});

describe('stats parsing', () => {
  it('computes CPU % from cpuTime deltas (100 = one core)', () => {
    expect(cpuPercentBetween({ cpuTimeNs: 0, atMs: 0 }, { cpuTimeNs: 500_000_000, atMs: 1000 })).toBe(50);
    expect(cpuPercentBetween({ cpuTimeNs: 0, atMs: 0 }, { cpuTimeNs: 2_000_000_000, atMs: 1000 })).toBe(200);
    expect(cpuPercentBetween({ cpuTimeNs: 9, atMs: 0 }, { cpuTimeNs: 1, atMs: 1000 })).toBeNull();
    expect(cpuPercentBetween({ cpuTimeNs: 0, atMs: 5 }, { cpuTimeNs: 1, atMs: 5 })).toBeNull();
  });

  it('reads virsh dommemstat output', () => {
    expect(parseDomMemStat('actual 262144\nlast_update 0\nrss 219228\n\n')).toEqual({
      actual: 262144,
      last_update: 0,
      rss: 219228,
    });
  });

  it('reads VmRSS from /proc/<pid>/status', () => {
    expect(parseVmRss('Name:\tqemu-system-x86\nVmRSS:\t  219480 kB\nRssAnon:\t1 kB\n')).toBe(219480 * 1024);
    expect(parseVmRss('Name: x\n')).toBeUndefined();
  });

  it('reads whether a libvirt network is active', () => {
    expect(parseNetActive(isNetworkActiveOutputForTest('no'))).toBe(false);
    expect(parseNetActive(isNetworkActiveOutputForTest('yes'))).toBe(true);
  });

  it('knows where libvirt keeps the QEMU pid file', () => {
    expect(qemuPidFile('qemu:///system', 'vm1')).toBe('/run/libvirt/qemu/vm1.pid');
    expect(qemuPidFile('qemu:///session', 'vm1', { XDG_RUNTIME_DIR: '/run/user/1000' })).toBe(
      '/run/user/1000/libvirt/qemu/run/vm1.pid',
    );
    expect(qemuPidFile('qemu+ssh://host/system', 'vm1')).toBeUndefined();
  });
});
