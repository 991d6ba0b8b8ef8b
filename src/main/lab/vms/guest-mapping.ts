import type { Guest, GuestRuntime, GuestState } from '@shared/guest';
import type { TwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { DomainStates } from '../engines/libvirt/domain-states';

export function guestStateOf(libvirtState: number): GuestState {
  switch (libvirtState) {
    case DomainStates.RUNNING:
    case DomainStates.BLOCKED: // idle vCPUs: still running
    case DomainStates.SHUTDOWN: // asked to shut down, still running until it does
      return 'running';
    case DomainStates.PAUSED:
    case DomainStates.PMSUSPENDED:
      return 'paused';
    case DomainStates.SHUTOFF:
      return 'stopped';
    case DomainStates.CRASHED:
      return 'error';
    default:
      return 'unknown';
  }
}

/** <domain type='kvm'> runs on hardware virtualization; 'qemu' is TCG, software emulation. */
export function runtimeOf(domainType: string | undefined): GuestRuntime {
  return domainType === 'kvm' ? 'qemu-kvm' : 'qemu-tcg';
}

export interface DomainFacts {
  uuid: string;
  name: string;
  state: number;
  domainType: string | undefined;
  metadata: TwinlabMetadata | undefined;
  startedAt?: string;
  /** The domain has Twinlab's probe serial port (hasProbeSerial). */
  probeChannel?: boolean;
}

/**
 * One domain as the shared guest model. Without Twinlab metadata it is someone else's VM:
 * managed false, no template, and no creation time (libvirt does not record one).
 */
export function toGuest(facts: DomainFacts, busy?: 'creating' | 'removing'): Guest {
  const running =
    facts.state === DomainStates.RUNNING ||
    facts.state === DomainStates.BLOCKED ||
    facts.state === DomainStates.PAUSED;
  return {
    id: facts.uuid,
    name: facts.name,
    kind: 'vm',
    engine: 'libvirt',
    runtime: runtimeOf(facts.domainType),
    state: busy ?? guestStateOf(facts.state),
    templateId: facts.metadata?.templateId ?? '',
    ...(facts.metadata?.twinId !== undefined && { twinId: facts.metadata.twinId }),
    createdAt: facts.metadata?.createdAt ?? '',
    ...(running && facts.startedAt !== undefined && { startedAt: facts.startedAt }),
    managed: facts.metadata !== undefined,
    ...(facts.metadata !== undefined &&
      facts.probeChannel !== undefined && { probeChannel: facts.probeChannel }),
  };
}
