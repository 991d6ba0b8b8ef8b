/** The guest model: one shape for containers and VMs so that lists, cards and compare views share code. */
export type GuestKind = 'container' | 'vm';
export type GuestEngine = 'docker' | 'libvirt';
/** runc/runsc/kata for containers; qemu-kvm (hardware) or qemu-tcg (software emulation) for VMs. */
export type GuestRuntime = 'runc' | 'runsc' | 'kata' | 'qemu-kvm' | 'qemu-tcg';
export type GuestState = 'creating' | 'running' | 'paused' | 'stopped' | 'error' | 'removing' | 'unknown';

export interface Guest {
  /** Engine id: container id or libvirt domain UUID. */
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
}
