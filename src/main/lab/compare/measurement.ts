import type { GuestMeasurement } from '@shared/compare';
import type { ContainerStatsSample } from '@shared/containers';
import type { Guest } from '@shared/guest';
import type { VmStats } from '@shared/vms';
import type { DockerTop } from '../containers/container-footprint';

/** Pure mapping of what the engines answered into the Compare page's one yardstick. */

export function topProcesses(top: DockerTop): { count: number; commands: string[] } {
  const titles = top.Titles ?? [];
  const column = titles.findIndex((title) => title === 'CMD' || title === 'COMMAND');
  const rows = top.Processes ?? [];
  return {
    count: rows.length,
    commands: rows.map((row) => (column === -1 ? row.at(-1) : row[column]) ?? '').filter(Boolean),
  };
}

/** inspect({size:true}): SizeRootFs is image + writable layer; SizeRw the writable layer alone. */
export function containerDisk(sizes: { SizeRw?: number; SizeRootFs?: number }): GuestMeasurement['disk'] {
  if (sizes.SizeRootFs === undefined) return undefined;
  const own = sizes.SizeRw ?? 0;
  return { sharedBytes: Math.max(0, sizes.SizeRootFs - own), ownBytes: own };
}

export function containerMeasurement(input: {
  guest: Guest;
  at: string;
  readyMs?: number;
  stats?: ContainerStatsSample;
  sizes: { SizeRw?: number; SizeRootFs?: number };
  /** From the host's process table; `top` (Docker's answer) only where that table was not readable. */
  hostProcesses?: { count: number; commands: string[] };
  top?: DockerTop;
}): GuestMeasurement {
  const { guest, stats } = input;
  const disk = containerDisk(input.sizes);
  return {
    guestId: guest.id,
    kind: guest.kind,
    runtime: guest.runtime,
    at: input.at,
    ...(input.readyMs !== undefined && { readyMs: input.readyMs }),
    ...(stats && {
      hostMemoryBytes: stats.memoryBytes,
      cpuPercent: Math.round(stats.cpuPercent * 10) / 10,
      // Without a limit Docker reports the host's memory as the limit: the container may use it all.
      memoryLimitBytes: stats.memoryLimitBytes,
    }),
    ...(disk && { disk }),
    ...(input.hostProcesses
      ? { hostProcesses: input.hostProcesses }
      : input.top && { hostProcesses: topProcesses(input.top) }),
  };
}

export function vmMeasurement(input: {
  guest: Guest;
  readyMs?: number;
  stats: VmStats;
  sharedDiskBytes: number;
  /** The QEMU process's command name, when it runs. */
  qemuCommand?: string;
}): GuestMeasurement {
  const { guest, stats } = input;
  const running = stats.cpuPercent !== null;
  const rss = stats.memory.procStatusRssBytes ?? stats.memory.hostRssBytes;
  return {
    guestId: guest.id,
    kind: guest.kind,
    runtime: guest.runtime,
    at: stats.at,
    ...(input.readyMs !== undefined && { readyMs: input.readyMs }),
    ...(running && rss > 0 && { hostMemoryBytes: rss }),
    memoryLimitBytes: stats.memory.guestAssignedBytes,
    ...(stats.cpuPercent !== null && { cpuPercent: stats.cpuPercent }),
    disk: { sharedBytes: input.sharedDiskBytes, ownBytes: stats.disk.hostBytes },
    ...(input.qemuCommand !== undefined && { hostProcesses: { count: 1, commands: [input.qemuCommand] } }),
  };
}
