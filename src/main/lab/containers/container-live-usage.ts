import type Docker from 'dockerode';
import type { GuestLiveSample } from '@shared/compare';
import { MANAGED_FILTER } from '../engines/docker/labels';
import { streamStats } from '../engines/docker/stats';
import type { Logger } from '../log';

/**
 * CPU and memory of every running Twinlab container, for the live sampler: one Docker stats stream
 * each (Docker samples, main only parses one JSON a second). relist() opens streams for containers
 * that started and closes those of containers that stopped.
 */
export class ContainerLiveUsage {
  readonly #streams = new Map<string, AbortController>();
  readonly #samples = new Map<string, GuestLiveSample>();

  constructor(
    private readonly docker: () => Docker,
    private readonly log?: Logger,
  ) {}

  /** `wanted` is asked before each stream opens: a sampler stopped meanwhile opens none. */
  async relist(wanted: () => boolean): Promise<void> {
    const docker = this.docker();
    const running = await docker
      .listContainers({ filters: { label: [MANAGED_FILTER], status: ['running'] } })
      .catch(() => undefined);
    if (!running) return;
    const ids = new Set(running.map((container) => container.Id));
    for (const [id, controller] of this.#streams) {
      if (ids.has(id)) continue;
      controller.abort();
      this.#streams.delete(id);
      this.#samples.delete(id);
    }
    for (const id of ids) {
      if (this.#streams.has(id) || !wanted()) continue;
      const controller = new AbortController();
      this.#streams.set(id, controller);
      const onSample = ({
        at,
        cpuPercent,
        memoryBytes,
      }: {
        at: string;
        cpuPercent: number;
        memoryBytes: number;
      }) =>
        this.#samples.set(id, {
          guestId: id,
          at,
          cpuPercent: Math.round(cpuPercent * 10) / 10,
          hostMemoryBytes: memoryBytes,
        });
      streamStats(docker.getContainer(id), onSample, controller.signal)
        .catch((error: unknown) => this.log?.debug(`stats stream of ${id}: ${String(error)}`))
        .finally(() => {
          // Ended (stopped container): the next listing starts a new stream if it runs again.
          if (this.#streams.get(id) === controller) this.#streams.delete(id);
        });
    }
  }

  samples(): GuestLiveSample[] {
    return [...this.#samples.values()];
  }

  stop(): void {
    for (const controller of this.#streams.values()) controller.abort();
    this.#streams.clear();
    this.#samples.clear();
  }
}
