/** CPU facts that decide whether hardware virtualization (KVM) can be used. */
export interface CpuVirtFlags {
  vmx: boolean;
  svm: boolean;
  /** Set when this machine is itself a guest; then vmx/svm exist only if the host passes them on. */
  hypervisor: boolean;
}

/** Reads the first `flags` line of /proc/cpuinfo; all cores of a machine report the same set. */
export function parseCpuFlags(cpuinfo: string): CpuVirtFlags {
  const line = cpuinfo.split('\n').find((candidate) => /^flags\s*:/.test(candidate)) ?? '';
  const flags = new Set(
    line
      .slice(line.indexOf(':') + 1)
      .trim()
      .split(/\s+/),
  );
  return { vmx: flags.has('vmx'), svm: flags.has('svm'), hypervisor: flags.has('hypervisor') };
}
