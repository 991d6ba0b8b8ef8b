import { yesNo, type CheckDefinition, type CheckOutcome } from '../check-kit';
import type { CpuVirtFlags } from '../cpuinfo';
import { joinGroupFix, loadKvmModuleFix, type CpuVendor } from '../fixes';
import { KVM_DEVICE } from '../host-facts';

function cpuVendor(cpu: CpuVirtFlags): CpuVendor | null {
  if (cpu.vmx) return 'intel';
  if (cpu.svm) return 'amd';
  return null;
}

/** Missing flags is only a warning: VMs still run under software emulation (TCG), just slower. */
export const cpuVirtFlagsCheck: CheckDefinition = {
  id: 'cpu-virt-flags',
  group: 'virtualization',
  statusOnError: 'warn',
  async run({ facts }): Promise<CheckOutcome> {
    const cpu = await facts.cpu();
    const vendor = cpuVendor(cpu);
    const details = { vmx: yesNo(cpu.vmx), svm: yesNo(cpu.svm), hypervisor: yesNo(cpu.hypervisor) };
    if (vendor) {
      return {
        status: 'ok',
        outcome: 'ok',
        params: { feature: vendor === 'intel' ? 'Intel VT-x' : 'AMD-V' },
        details,
      };
    }
    // The hypervisor flag means this machine is itself a VM that does not pass virtualization on.
    return { status: 'warn', outcome: cpu.hypervisor ? 'missingNested' : 'missing', details };
  },
};

export const kvmDeviceCheck: CheckDefinition = {
  id: 'kvm-device',
  group: 'virtualization',
  statusOnError: 'warn',
  async run({ facts }): Promise<CheckOutcome> {
    const device = await facts.kvmDevice();
    const details = {
      path: KVM_DEVICE,
      exists: yesNo(device.exists),
      readable: yesNo(device.readable),
      writable: yesNo(device.writable),
    };
    if (device.exists && device.readable && device.writable) return { status: 'ok', outcome: 'ok', details };
    if (device.exists) return { status: 'warn', outcome: 'noAccess', details, fix: joinGroupFix('kvm') };
    // Loading the module only helps when the CPU has vmx/svm; without them say so instead of a dead-end fix.
    const cpu = await facts.cpu().catch(() => null);
    const vendor = cpu && cpuVendor(cpu);
    if (vendor) return { status: 'warn', outcome: 'missing', details, fix: loadKvmModuleFix(vendor) };
    if (cpu) return { status: 'info', outcome: 'missingNoCpuSupport', details };
    return { status: 'warn', outcome: 'missing', details };
  },
};

/**
 * Whether a stock guest kernel really runs under KVM; the report's accelerator comes from the same
 * decision. Falling back to TCG is not an error, so it is 'info' unless the learner can fix it.
 */
export const kvmUsableCheck: CheckDefinition = {
  id: 'kvm-usable',
  group: 'virtualization',
  statusOnError: 'warn',
  async run({ facts }): Promise<CheckOutcome> {
    const decision = await facts.accelerator();
    const [cpu, pvm] = await Promise.all([facts.cpu(), facts.pvm()]);
    const details: Record<string, string> = {
      accelerator: decision.accelerator,
      vmx: yesNo(cpu.vmx),
      svm: yesNo(cpu.svm),
      kvmPvmModule: yesNo(pvm),
    };
    if (decision.accelerator === 'kvm') return { status: 'ok', outcome: 'kvm', details };
    const { reason } = decision;
    details.reason = reason;
    // `context` makes i18next pick host.check.kvmUsable.tcg_<reason>, falling back to .tcg.
    const tcg = { outcome: 'tcg', params: { reason, context: reason }, details };
    const vendor = cpuVendor(cpu);
    if (reason === 'noAccess') return { ...tcg, status: 'warn', fix: joinGroupFix('kvm') };
    if (reason === 'noDevice' && vendor) return { ...tcg, status: 'warn', fix: loadKvmModuleFix(vendor) };
    return { ...tcg, status: 'info' };
  },
};
