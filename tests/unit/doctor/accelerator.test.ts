import { describe, expect, it } from 'vitest';
import {
  decideAccelerator,
  type AcceleratorDecision,
  type AcceleratorFacts,
} from '../../../src/main/lab/doctor/index';
import { parseCpuFlags } from '../../../src/main/lab/doctor/cpuinfo';
import { AMD_CPUINFO, INTEL_CPUINFO, NESTED_CPUINFO } from './fake-host';

const accessible = { exists: true, readable: true, writable: true };
const intel = { vmx: true, svm: false, hypervisor: false };
const amd = { vmx: false, svm: true, hypervisor: false };
const noFlags = { vmx: false, svm: false, hypervisor: true };

describe('decideAccelerator', () => {
  const table: Array<[string, AcceleratorFacts, AcceleratorDecision]> = [
    [
      'Intel host with usable /dev/kvm',
      { device: accessible, cpu: intel, pvm: false },
      { accelerator: 'kvm' },
    ],
    ['AMD host with usable /dev/kvm', { device: accessible, cpu: amd, pvm: false }, { accelerator: 'kvm' }],
    [
      'the CI host: /dev/kvm from kvm_pvm, no vmx/svm',
      { device: accessible, cpu: noFlags, pvm: true },
      { accelerator: 'tcg', reason: 'pvm' },
    ],
    [
      'kvm_pvm even with vmx present',
      { device: accessible, cpu: intel, pvm: true },
      { accelerator: 'tcg', reason: 'pvm' },
    ],
    [
      'kvm_pvm and no access: pvm is the root cause',
      { device: { exists: true, readable: false, writable: false }, cpu: noFlags, pvm: true },
      { accelerator: 'tcg', reason: 'pvm' },
    ],
    [
      'device but no flags',
      { device: accessible, cpu: noFlags, pvm: false },
      { accelerator: 'tcg', reason: 'noFlags' },
    ],
    [
      'plain VM without nesting: no flags, no device',
      { device: { exists: false, readable: false, writable: false }, cpu: noFlags, pvm: false },
      { accelerator: 'tcg', reason: 'noFlags' },
    ],
    [
      'flags but module not loaded',
      { device: { exists: false, readable: false, writable: false }, cpu: intel, pvm: false },
      { accelerator: 'tcg', reason: 'noDevice' },
    ],
    [
      'device not writable',
      { device: { exists: true, readable: true, writable: false }, cpu: amd, pvm: false },
      { accelerator: 'tcg', reason: 'noAccess' },
    ],
    [
      'device not readable',
      { device: { exists: true, readable: false, writable: true }, cpu: intel, pvm: false },
      { accelerator: 'tcg', reason: 'noAccess' },
    ],
  ];

  it.each(table)('%s', (_name, facts, expected) => {
    expect(decideAccelerator(facts)).toEqual(expected);
  });
});

describe('parseCpuFlags', () => {
  it('finds vmx on Intel', () => {
    expect(parseCpuFlags(INTEL_CPUINFO)).toEqual({ vmx: true, svm: false, hypervisor: false });
  });

  it('finds svm on AMD', () => {
    expect(parseCpuFlags(AMD_CPUINFO)).toEqual({ vmx: false, svm: true, hypervisor: false });
  });

  it('sees a guest CPU without nested virtualization', () => {
    expect(parseCpuFlags(NESTED_CPUINFO)).toEqual({ vmx: false, svm: false, hypervisor: true });
  });

  it('does not match flags by substring', () => {
    expect(parseCpuFlags('flags\t: vmxx svm2 nohypervisor\n')).toEqual({
      vmx: false,
      svm: false,
      hypervisor: false,
    });
  });

  it('treats text without a flags line as no support', () => {
    expect(parseCpuFlags('')).toEqual({ vmx: false, svm: false, hypervisor: false });
  });
});
