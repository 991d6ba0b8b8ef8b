import { describe, expect, it } from 'vitest';
import {
  cgroupCpuPercent,
  cgroupDirs,
  cpuNanoseconds,
  memoryInUse,
  parseCgroupMounts,
  statField,
} from '../../../src/main/lab/engines/docker/cgroup-usage';

const id = 'fde97c86fd9a1e441c89d2b3502c00bda56ee76c3addbff1ffe322de3aca05d0';

/** The lab host's own lines (Debian 12, dockerd 20.10, cgroupfs driver, cgroup v1 with an empty v2 tree). */
const hybridMountinfo = [
  '30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
  '31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu',
  '32 30 0:29 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct',
  '34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
  '40 30 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
].join('\n');
const hybridCgroup = `9:name=systemd:/docker/${id}\n4:memory:/docker/${id}\n2:cpuacct:/docker/${id}\n1:cpu:/docker/${id}\n0::/\n`;

describe("where a container's cgroup counters are", () => {
  it('takes the v1 memory and cpuacct hierarchies on a hybrid host (this lab host)', () => {
    expect(cgroupDirs(hybridCgroup, parseCgroupMounts(hybridMountinfo))).toEqual({
      version: 1,
      memory: `/sys/fs/cgroup/memory/docker/${id}`,
      cpu: `/sys/fs/cgroup/cpuacct/docker/${id}`,
    });
  });

  it('finds cpu,cpuacct mounted together (systemd on v1)', () => {
    const mounts = parseCgroupMounts(
      [
        '25 24 0:22 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct',
        '26 24 0:23 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory',
      ].join('\n'),
    );
    const dirs = cgroupDirs(
      `4:memory:/system.slice/docker-${id}.scope\n3:cpu,cpuacct:/system.slice/docker-${id}.scope\n`,
      mounts,
    );
    expect(dirs?.cpu).toBe(`/sys/fs/cgroup/cpu,cpuacct/system.slice/docker-${id}.scope`);
  });

  it('uses the unified tree on a cgroup v2 host (systemd driver)', () => {
    const mounts = parseCgroupMounts('35 24 0:30 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate');
    expect(cgroupDirs(`0::/system.slice/docker-${id}.scope\n`, mounts)).toEqual({
      version: 2,
      memory: `/sys/fs/cgroup/system.slice/docker-${id}.scope`,
      cpu: `/sys/fs/cgroup/system.slice/docker-${id}.scope`,
    });
  });

  it('strips the root of a mount made inside a cgroup namespace', () => {
    const mounts = parseCgroupMounts('35 24 0:30 /docker /sys/fs/cgroup rw - cgroup2 cgroup2 rw');
    expect(cgroupDirs(`0::/docker/${id}\n`, mounts)?.memory).toBe(`/sys/fs/cgroup/${id}`);
  });

  it('has no answer without a cgroup mount', () => {
    expect(cgroupDirs(hybridCgroup, parseCgroupMounts(''))).toBeUndefined();
  });
});

describe('the counters, as docker stats reads them', () => {
  it('leaves the inactive file cache out of memory in use (v1 total_inactive_file, v2 inactive_file)', () => {
    const v1Stat = 'cache 4096\ninactive_file 8192\ntotal_inactive_file 1048576\n';
    expect(memoryInUse(1, '5242880\n', v1Stat)).toBe(5242880 - 1048576);
    expect(memoryInUse(2, '5242880\n', 'anon 4096\ninactive_file 8192\n')).toBe(5242880 - 8192);
    // More inactive cache than usage (the counters are read apart): usage as it is.
    expect(memoryInUse(2, '4096\n', 'inactive_file 8192\n')).toBe(4096);
  });

  it('reads CPU time in ns from cpuacct.usage and cpu.stat usage_usec', () => {
    expect(cpuNanoseconds(1, '69381483\n')).toBe(69381483);
    expect(cpuNanoseconds(2, 'usage_usec 1500\nuser_usec 1000\nsystem_usec 500\n')).toBe(1_500_000);
    expect(statField('nr_periods 0\n', 'usage_usec')).toBeUndefined();
    expect(statField('total_inactive_file 5\ninactive_file 7\n', 'inactive_file')).toBe(7);
    expect(statField('inactive_file 9\ntotal_inactive_file 5', 'total_inactive_file')).toBe(5);
    expect(statField('total_inactive_file 5\n', 'inactive_file')).toBeUndefined();
  });

  it('makes one busy core 100 % and half a core 50 %', () => {
    const second = 1_000_000_000n;
    expect(cgroupCpuPercent({ cpuNs: 0, atNs: 0n }, { cpuNs: 1e9, atNs: second })).toBe(100);
    expect(cgroupCpuPercent({ cpuNs: 1e9, atNs: second }, { cpuNs: 1.5e9, atNs: 2n * second })).toBe(50);
    expect(cgroupCpuPercent({ cpuNs: 5, atNs: second }, { cpuNs: 5, atNs: second })).toBe(0);
  });
});
