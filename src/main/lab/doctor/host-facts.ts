import { decideAccelerator, type AcceleratorDecision } from './accelerator';
import { parseCpuFlags, type CpuVirtFlags } from './cpuinfo';
import type { DeviceAccess, HostProbe, UserIdentity } from './probe';

export const KVM_DEVICE = '/dev/kvm';

/**
 * Host facts that several checks share (the KVM checks, the accelerator, the group checks). Each is
 * read at most once per report; a fact that fails to load fails only the checks that ask for it.
 */
export interface HostFacts {
  cpu(): Promise<CpuVirtFlags>;
  kvmDevice(): Promise<DeviceAccess>;
  /** kvm_pvm loaded: /dev/kvm is a nested paravirtual hypervisor. */
  pvm(): Promise<boolean>;
  accelerator(): Promise<AcceleratorDecision>;
  user(): Promise<UserIdentity>;
  processGroups(): Promise<string[]>;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

export function collectHostFacts(probe: HostProbe): HostFacts {
  const cpu = once(async () => parseCpuFlags(await probe.readFile('/proc/cpuinfo')));
  const kvmDevice = once(() => probe.deviceAccess(KVM_DEVICE));
  const pvm = once(async () => (await probe.listModules()).includes('kvm_pvm'));
  const accelerator = once(async () => {
    const [device, flags, isPvm] = await Promise.all([kvmDevice(), cpu(), pvm()]);
    return decideAccelerator({ device, cpu: flags, pvm: isPvm });
  });
  return {
    cpu,
    kvmDevice,
    pvm,
    accelerator,
    user: once(() => probe.user()),
    processGroups: once(() => probe.processGroups()),
  };
}
