import type { EngineStatus } from '../../../shared/engines';
import type { MirrorStatus } from '../../../shared/mirrors';

/** What the doctor needs from the engines; the composition root passes the live engine objects. */
export interface DoctorDeps {
  docker: { status: () => EngineStatus; runtimes: () => Promise<string[]> };
  libvirt: { status: () => EngineStatus; uri: () => string; virsh: (args: string[]) => Promise<string> };
  /** LXD/Incus (system containers), when the lab watches it. */
  lxd?: { status: () => EngineStatus };
  /** Where images and disks are cached; free space is measured on its file system. */
  cacheDir: string;
  /** The mirror setting in use and whether each mirror answers. */
  mirrors?: () => Promise<MirrorStatus>;
}
