import { describe, expect, it } from 'vitest';
import { cpuPercent, statsSample } from '../../../src/main/lab/engines/docker/stats';

/** Trimmed from `GET /containers/ID/stats?stream=false` on the CI host (cgroup v1, runc, -m 64m, busy loop). */
const runcSample = {
  read: '2026-11-23T13:53:18.325341752Z',
  preread: '2026-11-23T13:53:17.319546902Z',
  pids_stats: { current: 1 },
  blkio_stats: {
    io_service_bytes_recursive: [
      { major: 8, minor: 0, op: 'Read', value: 4096 },
      { major: 8, minor: 0, op: 'Write', value: 8192 },
      { major: 8, minor: 0, op: 'Sync', value: 12288 },
      { major: 8, minor: 0, op: 'Total', value: 12288 },
      { major: 8, minor: 16, op: 'Read', value: 1000 },
    ],
  },
  cpu_stats: {
    cpu_usage: { total_usage: 2102679995, percpu_usage: [1864303850, 238376145] },
    system_cpu_usage: 3345730000000,
    online_cpus: 2,
  },
  precpu_stats: {
    cpu_usage: { total_usage: 1760349521, percpu_usage: [1566624005, 193725516] },
    system_cpu_usage: 3343730000000,
    online_cpus: 2,
  },
  memory_stats: {
    usage: 458752,
    max_usage: 4341760,
    stats: { cache: 0, total_inactive_file: 65536, inactive_file: 0, rss: 65536 },
    limit: 67108864,
  },
  networks: {
    eth0: { rx_bytes: 736, rx_packets: 8, tx_bytes: 10, tx_packets: 1 },
    eth1: { rx_bytes: 64, rx_packets: 1, tx_bytes: 20, tx_packets: 1 },
  },
};

describe('cpuPercent', () => {
  it('is cpu_delta / system_delta × online CPUs × 100', () => {
    // 0.5 s of CPU while the 2-CPU host ran 2 s of CPU time (1 s wall): one core half busy.
    expect(
      cpuPercent(
        { totalUsage: 1_500_000_000, systemUsage: 12_000_000_000, onlineCpus: 2 },
        { totalUsage: 1_000_000_000, systemUsage: 10_000_000_000, onlineCpus: 2 },
      ),
    ).toBe(50);
  });

  it('reads 0 without a previous sample or without progress', () => {
    const now = { totalUsage: 5, systemUsage: 10, onlineCpus: 1 };
    expect(cpuPercent(now, { totalUsage: 0, systemUsage: undefined, onlineCpus: 1 })).toBe(0);
    expect(cpuPercent(now, now)).toBe(0);
    expect(cpuPercent(now, { totalUsage: 6, systemUsage: 5, onlineCpus: 1 })).toBe(0);
  });

  it('can exceed 100 when several cores are busy', () => {
    expect(
      cpuPercent(
        { totalUsage: 2e9, systemUsage: 4e9, onlineCpus: 4 },
        { totalUsage: 0, systemUsage: 0, onlineCpus: 4 },
      ),
    ).toBe(200);
  });
});

describe('statsSample', () => {
  it('reads a runc sample like docker stats does', () => {
    expect(statsSample(runcSample)).toEqual({
      at: '2026-11-23T13:53:18.325341752Z',
      cpuPercent: ((2102679995 - 1760349521) / (3345730000000 - 3343730000000)) * 2 * 100,
      memoryBytes: 458752 - 65536,
      memoryLimitBytes: 64 * 1024 * 1024,
      pids: 1,
      netRx: 800,
      netTx: 30,
      blockRead: 5096,
      blockWrite: 8192,
    });
  });

  it('reads a sample with no network, no block I/O and no previous CPU reading (gVisor, first sample)', () => {
    const sample = statsSample({
      read: '2026-11-23T13:52:27.690854383Z',
      pids_stats: { current: 43 },
      blkio_stats: { io_service_bytes_recursive: null },
      cpu_stats: { cpu_usage: { total_usage: 123456 }, system_cpu_usage: 999, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 0 } },
      memory_stats: { usage: 13287424, limit: 25276063744, stats: {} },
    });
    expect(sample).toEqual({
      at: '2026-11-23T13:52:27.690854383Z',
      cpuPercent: 0,
      memoryBytes: 13287424,
      memoryLimitBytes: 25276063744,
      pids: 43,
      netRx: 0,
      netTx: 0,
      blockRead: 0,
      blockWrite: 0,
    });
  });

  it('uses percpu_usage length when online_cpus is missing (older daemons)', () => {
    const cpu = { ...runcSample.cpu_stats, online_cpus: undefined };
    const precpu = { ...runcSample.precpu_stats, online_cpus: undefined };
    expect(statsSample({ ...runcSample, cpu_stats: cpu, precpu_stats: precpu }).cpuPercent).toBeCloseTo(
      34.23,
      2,
    );
  });

  it('reads a stopped container’s empty sample as zeros', () => {
    expect(
      statsSample({ read: '0001-01-01T00:00:00Z', cpu_stats: {}, precpu_stats: {}, memory_stats: {} }),
    ).toMatchObject({
      cpuPercent: 0,
      memoryBytes: 0,
      memoryLimitBytes: 0,
      pids: 0,
    });
  });
});
