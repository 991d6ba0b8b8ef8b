import { join } from 'node:path';
import type { LabEngines } from '../engines/lab-engines';
import type { LabPaths } from '../paths';
import type { SystemLab } from '../system-containers/system-lab';
import { realHostCapacity } from '../vms';
import { DensityService } from './density-service';
import { DensityStore } from './density-store';
import { kindAvailability } from './kind-availability';

/** The density experiment's service from the lab's parts (the composition root calls this). */
export function createDensityService(lab: {
  paths: LabPaths;
  engines: LabEngines;
  systems: SystemLab;
}): DensityService {
  return new DensityService({
    memAvailableBytes: () => realHostCapacity.memAvailableBytes(),
    unavailableReason: kindAvailability({
      engines: () => lab.engines.status(),
      runtimes: () => lab.engines.docker.runtimes(),
      systemsUnavailable: () => lab.systems.unavailableReason(),
    }),
    store: new DensityStore(join(lab.paths.data, 'density-last.json')),
  });
}
