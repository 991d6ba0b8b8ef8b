import { describe, expect, it } from 'vitest';
import { templateSchema, type Template } from '../../../../src/shared/template';
import {
  defaultTwinName,
  isTwinTemplate,
  sandboxRuntimeOf,
  twinContainerSpec,
  twinGuestNames,
  twinNameProblem,
} from '../../../../src/renderer/src/wizards/twin/twin-values';

const twin: Template = templateSchema.parse({
  id: 'fixture-twin',
  name: 'BusyBox twin',
  container: { image: 'twinlab-fixture/busybox:1', shell: '/bin/sh', memoryMiB: 64 },
  vm: {
    vcpus: 1,
    memoryMiB: 256,
    boot: { kernel: '/k', initrd: '/i', cmdline: 'console=ttyS0' },
    readyPattern: 'TWINLAB-READY',
  },
});

describe('New twin values', () => {
  it('offers only templates with both sides', () => {
    expect(isTwinTemplate(twin)).toBe(true);
    expect(isTwinTemplate({ ...twin, vm: undefined })).toBe(false);
  });

  it('names the twin after its template, within the contract’s rule', () => {
    expect(defaultTwinName('fixture-twin', '1a2b')).toBe('twin-1a2b');
    expect(defaultTwinName('Ubuntu_24.04', '00ff')).toBe('ubuntu-24-04-00ff');
    expect(twinNameProblem(defaultTwinName('fixture-twin', '1a2b'))).toBeUndefined();
    expect(twinNameProblem('')).toBe('twinWizard.problem.nameRequired');
    expect(twinNameProblem('Web')).toBe('twinWizard.problem.nameInvalid');
    expect(twinNameProblem('-web')).toBe('twinWizard.problem.nameInvalid');
    expect(twinNameProblem('a'.repeat(42))).toBe('twinWizard.problem.nameInvalid');
  });

  it('lists the guests main will make, in column order', () => {
    expect(twinGuestNames('lab', true).map((each) => each.name)).toEqual([
      'lab-container',
      'lab-sandbox',
      'lab-vm',
    ]);
    expect(twinGuestNames('lab', false).map((each) => each.role)).toEqual(['container', 'vm']);
  });

  it('previews the container side under the guest’s name, the sandbox with its runtime', () => {
    const spec = twinContainerSpec(twin, 'lab-sandbox', 'runsc');
    expect(spec).toMatchObject({
      name: 'lab-sandbox',
      image: 'twinlab-fixture/busybox:1',
      memoryMiB: 64,
      runtime: 'runsc',
    });
    expect(twinContainerSpec(twin, 'lab-container').runtime).toBeUndefined();
    expect(sandboxRuntimeOf(['kata-qemu', 'runsc'])).toBe('runsc');
    expect(sandboxRuntimeOf(['kata-fc'])).toBe('kata-fc');
    expect(sandboxRuntimeOf([])).toBeUndefined();
  });
});
