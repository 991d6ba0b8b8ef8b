import type { Accelerator } from '../../../shared/host';
import type { CpuVirtFlags } from './cpuinfo';
import type { DeviceAccess } from './probe';

export interface AcceleratorFacts {
  device: DeviceAccess;
  cpu: CpuVirtFlags;
  /** kvm_pvm is loaded: /dev/kvm is a paravirtual (PVM) hypervisor that stock guest kernels crash under. */
  pvm: boolean;
}

/** Why VMs fall back to software emulation. */
export type TcgReason = 'pvm' | 'noFlags' | 'noDevice' | 'noAccess';

export type AcceleratorDecision =
  { accelerator: Extract<Accelerator, 'kvm'> } | { accelerator: 'tcg'; reason: TcgReason };

/**
 * KVM is used only when a stock guest really runs under it. /dev/kvm alone is not enough: nested
 * PVM hosts expose /dev/kvm without vmx/svm, and a normal kernel crashes there at once.
 * Causes are tested root first, so the reason never points at a fix that cannot help (joining the
 * kvm group is pointless when the CPU has no vmx/svm).
 */
export function decideAccelerator(facts: AcceleratorFacts): AcceleratorDecision {
  if (facts.pvm) return { accelerator: 'tcg', reason: 'pvm' };
  if (!facts.cpu.vmx && !facts.cpu.svm) return { accelerator: 'tcg', reason: 'noFlags' };
  if (!facts.device.exists) return { accelerator: 'tcg', reason: 'noDevice' };
  if (!facts.device.readable || !facts.device.writable) return { accelerator: 'tcg', reason: 'noAccess' };
  return { accelerator: 'kvm' };
}
