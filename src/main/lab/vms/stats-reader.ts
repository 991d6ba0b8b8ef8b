import { readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { imageInfo } from '../engines/libvirt/qemu-img';
import { domMemStat, qemuPidFile } from '../engines/libvirt/virsh-queries';
import type { Domains } from './domains';
import { DomainStates } from '../engines/libvirt/domain-states';
import { cpuPercentBetween, parseDomMemStat, parseVmRss, type CpuSample, type VmStats } from './vm-stats';

/**
 * A VM's numbers for the compare view. Works for every domain, Twinlab's or not: CPU from cpuTime
 * deltas (the first call samples twice, 250 ms apart), host memory as QEMU's RSS from
 * `virsh dommemstat` (cross-checked against /proc/<pid>/status when readable), guest memory from
 * the domain, disk as the host space the overlay and seed take.
 */
export class VmStatsReader {
  readonly #cpuSamples = new Map<string, CpuSample>();

  constructor(
    private readonly domains: Domains,
    private readonly now: () => Date,
  ) {}

  /** Drops the CPU sample of a domain that is gone. */
  forget(uuid: string): void {
    this.#cpuSamples.delete(uuid);
  }

  async stats(id: string): Promise<VmStats> {
    const { domains } = this;
    const domain = await domains.lookup(id);
    const name = await domains.call(id, () => domain.getName());
    const uuid = await domains.call(name, () => domain.getUUIDString());
    const xml = await domains.call(name, () => domain.getXMLDesc());
    let info = await domains.call(name, () => domain.getInfo());
    const active =
      info.state !== DomainStates.SHUTOFF &&
      info.state !== DomainStates.CRASHED &&
      info.state !== DomainStates.NOSTATE;

    let cpuPercent: number | null = null;
    if (active) {
      let previous = this.#cpuSamples.get(uuid);
      if (!previous) {
        previous = { cpuTimeNs: info.cpuTime, atMs: performance.now() };
        await sleep(250);
        info = await domains.call(name, () => domain.getInfo());
      }
      const current = { cpuTimeNs: info.cpuTime, atMs: performance.now() };
      cpuPercent = cpuPercentBetween(previous, current);
      this.#cpuSamples.set(uuid, current);
    } else {
      this.#cpuSamples.delete(uuid);
    }

    const memStat = active ? parseDomMemStat(await domMemStat(domains.uri(), name).catch(() => '')) : {};
    const procStatusRssBytes = active ? await this.#procStatusRss(name) : undefined;
    const files = readTwinlabMetadata(xml)?.files ?? [];
    const overlay = files.find((file) => file.role === 'overlay');
    return {
      id: uuid,
      at: this.now().toISOString(),
      cpuPercent,
      vcpus: info.nrVirtCpu,
      memory: {
        hostRssBytes: (memStat['rss'] ?? 0) * 1024,
        hostRssSource: 'dommemstat',
        ...(procStatusRssBytes !== undefined && { procStatusRssBytes }),
        guestAssignedBytes: (memStat['actual'] ?? info.memory) * 1024,
        ...(memStat['usable'] !== undefined && { guestUsableBytes: memStat['usable'] * 1024 }),
        ...(memStat['unused'] !== undefined && { guestUnusedBytes: memStat['unused'] * 1024 }),
      },
      disk: {
        hostBytes: await allocatedBytes(files.map((file) => file.path)),
        ...(overlay && {
          guestBytes: await imageInfo(overlay.path, 'qcow2').then(
            (i) => i.virtualSizeBytes,
            () => undefined,
          ),
        }),
      },
    };
  }

  async #procStatusRss(name: string): Promise<number | undefined> {
    const pidFile = qemuPidFile(this.domains.uri(), name);
    if (!pidFile) return undefined;
    try {
      const pid = (await readFile(pidFile, 'utf8')).trim();
      return parseVmRss(await readFile(`/proc/${pid}/status`, 'utf8'));
    } catch {
      return undefined; // not ours to read (session daemon of another user, or just stopped)
    }
  }
}

/** Host space the files take (allocated blocks, so a sparse overlay counts what it really uses). */
async function allocatedBytes(files: string[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    try {
      total += (await stat(file)).blocks * 512;
    } catch {
      // a missing file takes no space
    }
  }
  return total;
}
