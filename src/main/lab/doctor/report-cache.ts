import type { EngineStatus } from '@shared/engines';
import type { HostReport } from '@shared/host';
import type { MirrorStatus } from '@shared/mirrors';
import type { LabEngines } from '../engines/lab-engines';
import { virsh } from '../engines/libvirt/virsh';
import { runHostChecks } from './index';

/**
 * The host report, checked once and kept until an engine changes state or a refresh is asked for:
 * its checks spawn virsh and read files, and every page that shows the host asks for it.
 */
export class HostReportCache {
  #report: Promise<HostReport> | undefined;

  constructor(
    private readonly check: () => Promise<HostReport>,
    /** Asks every engine's health monitor again, so a refreshed report sees them as they are now. */
    private readonly recheckEngines: () => Promise<unknown>,
  ) {}

  /** An engine changed state: the engine checks in the report are stale now. */
  invalidate(): void {
    this.#report = undefined;
  }

  async get(refresh: boolean): Promise<HostReport> {
    if (refresh) {
      await this.recheckEngines();
      this.#report = undefined;
    }
    return (this.#report ??= this.check().catch((error: unknown) => {
      this.#report = undefined; // do not cache a failure; the next call tries again
      throw error;
    }));
  }
}

/** The lab's host report: every host check, with the engines' own health monitors as their source. */
export function labHostReport(lab: {
  engines: LabEngines;
  /** LXD's health monitor, which the lab makes after this report. */
  lxd: () => { status: EngineStatus; checkNow(): Promise<unknown> };
  mirrors: { status(): Promise<MirrorStatus> };
  cacheDir: string;
}): HostReportCache {
  const { docker, libvirt, dockerHealth, libvirtHealth } = lab.engines;
  return new HostReportCache(
    () =>
      runHostChecks({
        docker: { status: () => dockerHealth.status, runtimes: () => docker.runtimes() },
        libvirt: {
          status: () => libvirtHealth.status,
          uri: () => libvirt.endpoint(),
          virsh: (args) => virsh(libvirt.endpoint(), args),
        },
        cacheDir: lab.cacheDir,
        lxd: { status: () => lab.lxd().status },
        mirrors: () => lab.mirrors.status(),
      }),
    () => Promise.all([dockerHealth.checkNow(), libvirtHealth.checkNow(), lab.lxd().checkNow()]),
  );
}
