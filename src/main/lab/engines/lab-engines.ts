import type { EngineName, EngineStatus } from '@shared/engines';
import type { Logger } from '../log';
import { DockerConnection } from './docker/connection';
import { HealthMonitor } from './health-monitor';
import { LibvirtConnection } from './libvirt/connection';

/**
 * The two engines every lab has, Docker and libvirt, each with its health monitor. Monitors start
 * at once but are not awaited: the first libvirt check runs `virsh version`, which takes seconds;
 * until then the engines show as "connecting".
 */
export class LabEngines {
  readonly docker: DockerConnection;
  readonly libvirt: LibvirtConnection;
  readonly dockerHealth: HealthMonitor;
  readonly libvirtHealth: HealthMonitor;

  constructor(
    env: Record<string, string | undefined>,
    intervalMs: number,
    log: Logger,
    onChange: (status: Record<EngineName, EngineStatus>) => void,
  ) {
    this.docker = new DockerConnection(env);
    this.libvirt = new LibvirtConnection(env['TWINLAB_LIBVIRT_URI']);
    const changed = () => {
      const status = this.status();
      log.info(`engines: docker ${status.docker.state}, libvirt ${status.libvirt.state}`);
      onChange(status);
    };
    this.dockerHealth = new HealthMonitor(this.docker, intervalMs, changed);
    this.libvirtHealth = new HealthMonitor(this.libvirt, intervalMs, changed);
    void this.dockerHealth.start();
    void this.libvirtHealth.start();
  }

  status(): Record<EngineName, EngineStatus> {
    return { docker: this.dockerHealth.status, libvirt: this.libvirtHealth.status };
  }

  async dispose(): Promise<void> {
    this.dockerHealth.stop();
    this.libvirtHealth.stop();
    await this.libvirt.close();
  }
}
