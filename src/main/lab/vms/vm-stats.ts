import type { VmStats } from '@shared/vms';

export type { VmStats };
/** One sample of a VM's numbers, as the compare view shows them next to a container's. */

export interface CpuSample {
  cpuTimeNs: number;
  atMs: number;
}

/** CPU use between two samples of libvirt's cumulative cpuTime; 100 = one host core. */
export function cpuPercentBetween(previous: CpuSample, current: CpuSample): number | null {
  const wallNs = (current.atMs - previous.atMs) * 1e6;
  if (wallNs <= 0 || current.cpuTimeNs < previous.cpuTimeNs) return null; // restarted in between
  return Math.round(((current.cpuTimeNs - previous.cpuTimeNs) / wallNs) * 1000) / 10;
}

/** `virsh dommemstat` output: "rss 219228" lines, values in KiB. */
export function parseDomMemStat(output: string): Record<string, number> {
  const stats: Record<string, number> = {};
  for (const line of output.split('\n')) {
    const match = /^(\w+)\s+(\d+)\s*$/.exec(line.trim());
    if (match?.[1] && match[2]) stats[match[1]] = Number(match[2]);
  }
  return stats;
}

/** "VmRSS:	  219480 kB" from /proc/<pid>/status, in bytes. */
export function parseVmRss(status: string): number | undefined {
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}
