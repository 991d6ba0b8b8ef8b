/**
 * The guest model: one shape for containers, system containers and VMs so that lists, cards and
 * compare views share code.
 */
export type GuestKind = 'container' | 'system' | 'vm';
export type GuestEngine = 'docker' | 'lxd' | 'libvirt';
/**
 * runc/runsc/kata for containers; lxc for system containers (LXD and Incus run them with liblxc);
 * qemu-kvm (hardware) or qemu-tcg (software emulation) for VMs.
 */
export type GuestRuntime = 'runc' | 'runsc' | 'kata' | 'lxc' | 'qemu-kvm' | 'qemu-tcg';
export type GuestState = 'creating' | 'running' | 'paused' | 'stopped' | 'error' | 'removing' | 'unknown';

export interface Guest {
  /** Engine id: container id, LXD instance name or libvirt domain UUID. */
  id: string;
  name: string;
  kind: GuestKind;
  engine: GuestEngine;
  runtime: GuestRuntime;
  state: GuestState;
  templateId: string;
  /** Shared by the container and VM created together from one template. */
  twinId?: string;
  createdAt: string;
  startedAt?: string;
  /** False for guests Twinlab did not create: shown read-only, never changed. */
  managed: boolean;
  /**
   * A VM Twinlab made: whether it has the probe channel (a second serial port). One made by an older
   * Twinlab has not: its console cannot be sized or redrawn, and the page says so.
   */
  probeChannel?: boolean;
}
