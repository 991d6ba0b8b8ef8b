import { describe, expect, it } from 'vitest';
import { prettyName } from '../../../src/main/lab/compare/compare-service';
import {
  containerDisk,
  containerMeasurement,
  topProcesses,
  vmMeasurement,
} from '../../../src/main/lab/compare/measurement';
import { bootFiles, commandName } from '../../../src/main/lab/vms/vm-footprint';
import type { Guest } from '../../../src/shared/guest';
import type { VmStats } from '../../../src/shared/vms';

const guest = (kind: Guest['kind'], runtime: Guest['runtime']): Guest => ({
  id: `${kind}-1`,
  name: kind,
  kind,
  engine: kind === 'vm' ? 'libvirt' : 'docker',
  runtime,
  state: 'running',
  templateId: 't',
  createdAt: '2026-01-01T00:00:00Z',
  managed: true,
});

const vmStats = (cpuPercent: number | null): VmStats => ({
  id: 'vm-1',
  at: '2026-01-01T00:00:01Z',
  cpuPercent,
  vcpus: 1,
  memory: {
    hostRssBytes: cpuPercent === null ? 0 : 200_000_000,
    hostRssSource: 'dommemstat',
    ...(cpuPercent !== null && { procStatusRssBytes: 210_000_000 }),
    guestAssignedBytes: 256 * 1024 * 1024,
  },
  disk: { hostBytes: 4096 },
});

describe('measurement mapping', () => {
  it('reads docker top: the command column, one row per process', () => {
    expect(
      topProcesses({
        Titles: ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'],
        Processes: [
          ['root', '10', '1', '0', '10:00', 'pts/0', '00:00:00', '/bin/sh'],
          ['root', '11', '10', '0', '10:00', 'pts/0', '00:00:00', 'sleep 100'],
        ],
      }),
    ).toEqual({ count: 2, commands: ['/bin/sh', 'sleep 100'] });
    expect(topProcesses({})).toEqual({ count: 0, commands: [] });
  });

  it('splits a container disk into the image (shared) and the writable layer (own)', () => {
    expect(containerDisk({ SizeRw: 100, SizeRootFs: 2_000_100 })).toEqual({
      sharedBytes: 2_000_000,
      ownBytes: 100,
    });
    expect(containerDisk({})).toBeUndefined();
  });

  it('maps a running container: memory without cache, its limit, CPU rounded, disk and processes', () => {
    const m = containerMeasurement({
      guest: guest('container', 'runc'),
      at: 'now',
      readyMs: 250,
      stats: {
        at: 'x',
        cpuPercent: 12.345,
        memoryBytes: 700_000,
        memoryLimitBytes: 64 * 1024 * 1024,
        pids: 1,
        netRx: 0,
        netTx: 0,
        blockRead: 0,
        blockWrite: 0,
      },
      sizes: { SizeRw: 0, SizeRootFs: 1_500_000 },
      top: { Titles: ['PID', 'CMD'], Processes: [['1', '/bin/sh']] },
    });
    expect(m).toEqual({
      guestId: 'container-1',
      kind: 'container',
      runtime: 'runc',
      at: 'now',
      readyMs: 250,
      hostMemoryBytes: 700_000,
      memoryLimitBytes: 64 * 1024 * 1024,
      cpuPercent: 12.3,
      disk: { sharedBytes: 1_500_000, ownBytes: 0 },
      hostProcesses: { count: 1, commands: ['/bin/sh'] },
    });
  });

  it('maps a stopped container to its disk only', () => {
    const m = containerMeasurement({
      guest: guest('container', 'runsc'),
      at: 'now',
      sizes: { SizeRootFs: 5 },
    });
    expect(m).toEqual({
      guestId: 'container-1',
      kind: 'container',
      runtime: 'runsc',
      at: 'now',
      disk: { sharedBytes: 5, ownBytes: 0 },
    });
  });

  it('maps a VM: QEMU RSS (the /proc figure when read), RAM as the limit, one QEMU process', () => {
    const m = vmMeasurement({
      guest: guest('vm', 'qemu-tcg'),
      stats: vmStats(3.5),
      sharedDiskBytes: 30_000_000,
      readyMs: 2900,
      qemuCommand: 'qemu-system-x86_64',
    });
    expect(m).toEqual({
      guestId: 'vm-1',
      kind: 'vm',
      runtime: 'qemu-tcg',
      at: '2026-01-01T00:00:01Z',
      readyMs: 2900,
      hostMemoryBytes: 210_000_000,
      memoryLimitBytes: 256 * 1024 * 1024,
      cpuPercent: 3.5,
      disk: { sharedBytes: 30_000_000, ownBytes: 4096 },
      hostProcesses: { count: 1, commands: ['qemu-system-x86_64'] },
    });
  });

  it('maps a stopped VM without memory, CPU or process', () => {
    const m = vmMeasurement({ guest: guest('vm', 'qemu-kvm'), stats: vmStats(null), sharedDiskBytes: 1 });
    expect(m).not.toHaveProperty('hostMemoryBytes');
    expect(m).not.toHaveProperty('cpuPercent');
    expect(m).not.toHaveProperty('hostProcesses');
  });

  it('reads boot files, the program name and the OS name', () => {
    expect(
      bootFiles('<os><type>hvm</type><kernel>/f/vmlinuz</kernel><initrd>/f/initrd.img</initrd></os>'),
    ).toEqual(['/f/vmlinuz', '/f/initrd.img']);
    expect(commandName('/usr/bin/qemu-system-x86_64\0-name\0guest=x\0')).toBe('qemu-system-x86_64');
    expect(commandName('')).toBeUndefined();
    expect(prettyName('NAME="Debian"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')).toBe(
      'Debian GNU/Linux 12 (bookworm)',
    );
    expect(prettyName('ID=x')).toBe('Linux');
  });
});
