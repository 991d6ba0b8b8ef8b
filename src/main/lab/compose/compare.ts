import type { Accelerator } from '@shared/host';
import { CompareService } from '../compare/compare-service';
import { LiveSampler } from '../compare/live-sampler';
import { ReadyTimes } from '../compare/ready-times';
import type { ConsoleLab } from '../consoles/console-lab';
import type { ContainerService } from '../containers';
import { ContainerFootprint } from '../containers/container-footprint';
import { ContainerCgroupUsage } from '../containers/container-cgroup-usage';
import type { LabEngines } from '../engines/lab-engines';
import type { GuestDirectory } from '../guests/directory';
import { createLogger } from '../log';
import type { SystemContainerService } from '../system-containers/system-container-service';
import type { VmService } from '../vms';
import { VmFootprint } from '../vms/vm-footprint';
import { VmLiveUsage } from '../vms/vm-live-usage';

/** The Compare page's two services, each engine's side read through that engine's own service. */
export function compareServices(lab: {
  engines: LabEngines;
  guests: GuestDirectory;
  containers: ContainerService;
  vms: VmService;
  systems: SystemContainerService;
  consoles: ConsoleLab;
  accelerator: () => Promise<Accelerator>;
}) {
  const { docker, libvirt } = lab.engines;
  const live = new LiveSampler({
    // Containers from their cgroup files: no Docker stats stream per container (issue #14 item 7).
    sources: [new ContainerCgroupUsage(() => docker.client), new VmLiveUsage(libvirt)],
    log: createLogger('live'),
  });
  const compare = new CompareService({
    guests: lab.guests,
    containers: lab.containers,
    containerFootprint: new ContainerFootprint(() => docker.client),
    vms: lab.vms,
    vmFootprint: new VmFootprint(() => libvirt.endpoint()),
    ready: new ReadyTimes(lab.consoles.prompts, lab.consoles.boots),
    accelerator: lab.accelerator,
    engines: () => lab.engines.status(),
    runtimes: () => docker.runtimes(),
    systems: lab.systems,
  });
  return { live, compare };
}
