/** One sample of a VM's numbers, as the compare view shows them next to a container's. */
export interface VmStats {
  id: string;
  /** ISO time of the sample. */
  at: string;
  /** 100 = one host core busy (like top and docker stats); null while stopped. */
  cpuPercent: number | null;
  vcpus: number;
  memory: {
    /** What the QEMU process holds on the host: `virsh dommemstat` rss. 0 while stopped. */
    hostRssBytes: number;
    hostRssSource: 'dommemstat';
    /** The same figure read from /proc/<qemu pid>/status VmRSS, when Twinlab may read it (a cross-check). */
    procStatusRssBytes?: number;
    /** Memory the guest was given (its "RAM"). */
    guestAssignedBytes: number;
    /** From the balloon driver, when the guest has one: what the guest itself sees as usable/unused. */
    guestUsableBytes?: number;
    guestUnusedBytes?: number;
  };
  disk: {
    /** Space the VM's own files (overlay, seed) take on the host; a shared base image is not counted. */
    hostBytes: number;
    /** Size of the disk as the guest sees it, for VMs with a disk. */
    guestBytes?: number;
  };
}

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
