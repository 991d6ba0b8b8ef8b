import type { EnginesStatus } from '@shared/engines';
import type { HealthMonitor } from './health-monitor';
import type { LabEngines } from './lab-engines';

/** What the status bar shows: Docker and libvirt, and LXD/Incus from the system containers' own monitor. */
export function enginesStatus(
  engines: Pick<LabEngines, 'status'>,
  lxd: Pick<HealthMonitor, 'status'>,
): EnginesStatus {
  return { ...engines.status(), lxd: lxd.status };
}
