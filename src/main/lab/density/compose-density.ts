import { join } from 'node:path';
import { release, totalmem } from 'node:os';
import type { Accelerator } from '@shared/host';
import type { CompareService } from '../compare/compare-service';
import type { ConsoleLab } from '../consoles/console-lab';
import { dockerSideRun } from '../consoles/run/docker-side-run';
import type { ContainerService } from '../containers';
import type { LabEngines } from '../engines/lab-engines';
import type { EventHub } from '../events';
import type { GuestDirectory } from '../guests/directory';
import type { Logger } from '../log';
import type { LabPaths } from '../paths';
import type { SystemLab } from '../system-containers/system-lab';
import type { TemplateCatalog } from '../catalog/catalog';
import { realHostCapacity, type VmService } from '../vms';
import { DensityGuests } from './density-guests';
import { DensityService } from './density-service';
import { DensityStore } from './density-store';
import { kindAvailability } from './kind-availability';

export interface DensityLabParts {
  paths: LabPaths;
  engines: LabEngines;
  systems: SystemLab;
  templates: TemplateCatalog;
  guests: GuestDirectory;
  containers: ContainerService;
  vms: VmService;
  consoles: ConsoleLab;
  compare: CompareService;
  events: Pick<EventHub, 'emit'>;
  accelerator: () => Promise<Accelerator>;
  log: Logger;
}

/** The density experiment's service from the lab's parts (the composition root calls this). */
export function createDensityService(lab: DensityLabParts): DensityService {
  return new DensityService({
    catalog: () => lab.templates.list(),
    memAvailableBytes: () => realHostCapacity.memAvailableBytes(),
    host: async () => ({
      memTotalBytes: totalmem(),
      kernel: release(),
      accelerator: await lab.accelerator(),
    }),
    unavailableReason: kindAvailability({
      engines: () => lab.engines.status(),
      runtimes: () => lab.engines.docker.runtimes(),
      systemsUnavailable: () => lab.systems.unavailableReason(),
    }),
    guests: new DensityGuests({
      containers: lab.containers,
      runtimes: () => lab.engines.docker.runtimes(),
      vms: lab.vms,
      systems: lab.systems.service,
      list: () => lab.guests.listAnswering(),
    }),
    exec: (guest, command, timeoutMs) => {
      if (guest.kind === 'vm') return lab.consoles.vmProbes.sideRun(guest.id, command, timeoutMs);
      if (guest.kind === 'system') return lab.systems.sideRun(guest.id, command, timeoutMs);
      return dockerSideRun(lab.engines.docker.client.getContainer(guest.id), command, timeoutMs);
    },
    releaseProbe: async (guest) => {
      if (guest.kind === 'vm') await lab.consoles.vmProbes.closeChannel(guest.name);
    },
    guestBytes: async (ids) => (await lab.compare.measure(ids)).map((m) => m.hostMemoryBytes ?? 0),
    store: new DensityStore(join(lab.paths.data, 'density-last.json')),
    emit: (progress) => lab.events.emit('density.progress', progress),
    log: lab.log,
  });
}
