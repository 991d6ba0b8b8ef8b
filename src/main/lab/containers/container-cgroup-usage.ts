import { readFile } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { GuestLiveSample } from '@shared/compare';
import {
  cgroupCpuPercent,
  cgroupDirs,
  CgroupCounters,
  parseCgroupMounts,
  type CgroupMounts,
} from '../engines/docker/cgroup-usage';
import { MANAGED_FILTER } from '../engines/docker/labels';
import { streamStats } from '../engines/docker/stats';
import type { Logger } from '../log';

interface Watch {
  /** Its cgroup's counter files; absent while a Docker stats stream stands in (not readable here). */
  counters?: CgroupCounters;
  last?: { cpuNs: number; atNs: bigint };
  stream?: AbortController;
}

/**
 * CPU and memory of every running Twinlab container for the live sampler, read once a tick from
 * the containers' cgroup files: three small reads per container, where a Docker stats stream per
 * container costs main a JSON parse a second each and dockerd a sampling goroutine each. A
 * container whose cgroup this process cannot read (a remote or rootless daemon) gets a stats stream.
 */
export class ContainerCgroupUsage {
  readonly #watched = new Map<string, Watch>();
  readonly #samples = new Map<string, GuestLiveSample>();
  #mounts: Promise<CgroupMounts | undefined> | undefined;

  constructor(
    private readonly docker: () => Docker,
    private readonly log?: Logger,
  ) {}

  /** Finds the running containers; `wanted` is asked before each one is set up (stop may come meanwhile). */
  async relist(wanted: () => boolean): Promise<void> {
    const docker = this.docker();
    const running = await docker
      .listContainers({ filters: { label: [MANAGED_FILTER], status: ['running'] } })
      .catch(() => undefined);
    if (!running) return;
    const ids = new Set(running.map((container) => container.Id));
    for (const id of this.#watched.keys()) if (!ids.has(id)) this.#forget(id);
    await Promise.all(
      [...ids].map(async (id) => {
        if (this.#watched.has(id) || !wanted()) return;
        const watch: Watch = {};
        this.#watched.set(id, watch);
        const counters = await this.#countersOf(id).catch(() => undefined);
        if (this.#watched.get(id) !== watch) return counters?.close(); // stopped or forgotten meanwhile
        if (counters) watch.counters = counters;
        else this.#stream(id, watch);
      }),
    );
  }

  /** This tick's reading of every container with readable cgroup files. */
  sampleNow(): Promise<void> {
    const atNs = process.hrtime.bigint();
    const at = new Date().toISOString();
    for (const [id, watch] of this.#watched) {
      if (!watch.counters) continue;
      try {
        const reading = watch.counters.read();
        const cpuPercent = watch.last
          ? cgroupCpuPercent(watch.last, { cpuNs: reading.cpuNs, atNs })
          : undefined;
        watch.last = { cpuNs: reading.cpuNs, atNs };
        this.#samples.set(id, {
          guestId: id,
          at,
          ...(cpuPercent !== undefined && { cpuPercent: Math.round(cpuPercent * 10) / 10 }),
          hostMemoryBytes: reading.memoryBytes,
        });
      } catch {
        this.#forget(id); // its cgroup went away: stopped; the next listing finds it if it runs again
      }
    }
    return Promise.resolve();
  }

  samples(): GuestLiveSample[] {
    return [...this.#samples.values()];
  }

  stop(): void {
    for (const id of [...this.#watched.keys()]) this.#forget(id);
  }

  #forget(id: string): void {
    const watch = this.#watched.get(id);
    watch?.stream?.abort();
    watch?.counters?.close();
    this.#watched.delete(id);
    this.#samples.delete(id);
  }

  async #countersOf(id: string): Promise<CgroupCounters | undefined> {
    const mounts = await (this.#mounts ??= readFile('/proc/self/mountinfo', 'utf8').then(
      parseCgroupMounts,
      () => undefined,
    ));
    if (!mounts) return undefined;
    const inspect = await this.docker().getContainer(id).inspect();
    const pid = inspect.State.Pid;
    if (!pid) return undefined;
    const dirs = cgroupDirs(await readFile(`/proc/${pid}/cgroup`, 'utf8'), mounts);
    // The directory must name the container: else that pid is another process (a daemon elsewhere).
    if (!dirs?.memory.includes(id)) return undefined;
    const counters = new CgroupCounters(dirs); // throws where this process may not read them
    try {
      counters.read();
      return counters;
    } catch (error) {
      counters.close();
      throw error;
    }
  }

  #stream(id: string, watch: Watch): void {
    const controller = new AbortController();
    watch.stream = controller;
    streamStats(
      this.docker().getContainer(id),
      ({ at, cpuPercent, memoryBytes }) =>
        this.#samples.set(id, {
          guestId: id,
          at,
          cpuPercent: Math.round(cpuPercent * 10) / 10,
          hostMemoryBytes: memoryBytes,
        }),
      controller.signal,
    )
      .catch((error: unknown) => this.log?.debug(`stats stream of ${id}: ${String(error)}`))
      .finally(() => {
        // Ended (stopped container): the next listing sets it up again if it runs again.
        if (this.#watched.get(id) === watch) this.#watched.delete(id);
      });
  }
}
