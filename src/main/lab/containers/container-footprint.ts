import type Docker from 'dockerode';
import { containerApiError } from '../engines/docker/docker-errors';
import { containerHostProcesses } from '../engines/docker/host-processes';

/** `docker top`'s answer: a title row and one row per process. */
export interface DockerTop {
  Titles?: string[];
  Processes?: string[][];
}

/** inspect({size:true}): SizeRootFs is image + writable layer; SizeRw the writable layer alone. */
export interface ContainerSizes {
  SizeRw?: number;
  SizeRootFs?: number;
}

export interface ContainerFootprintReading {
  sizes: ContainerSizes;
  /** From the host's process table, when it could be read. */
  hostProcesses?: { count: number; commands: string[] };
  /** Docker's own answer, only where the host's table was not readable. */
  top?: DockerTop;
}

type InspectWithSizes = ContainerSizes & { State?: { Pid?: number } };

/** Docker's `?size=1` (SizeRw, SizeRootFs), which @types/dockerode does not list. */
const withSizes: Docker.ContainerInspectOptions & { size: boolean } = { size: true };

/**
 * What a container costs the host beyond ContainerService.stats: its disk layers and, while it
 * runs, its processes as the host sees them. The Compare page's container side.
 */
export class ContainerFootprint {
  constructor(private readonly docker: () => Docker) {}

  /** Processes only of a running (or paused) container. */
  async read(guest: { id: string; name: string }, running: boolean): Promise<ContainerFootprintReading> {
    const container = this.docker().getContainer(guest.id);
    try {
      const sizes = (await container.inspect(withSizes)) as InspectWithSizes;
      const reading: ContainerFootprintReading = { sizes };
      if (!running) return reading;
      // The host's own process table: `docker top` of a gVisor container lists the sandbox's view.
      const onHost = await containerHostProcesses(sizes.State?.Pid ?? 0, guest.id);
      if (onHost)
        return {
          ...reading,
          hostProcesses: { count: onHost.length, commands: onHost.map((process) => process.command) },
        };
      const top = await (container.top() as Promise<DockerTop>).catch(() => undefined);
      return { ...reading, ...(top && { top }) };
    } catch (error) {
      throw containerApiError(error, guest.name);
    }
  }
}
