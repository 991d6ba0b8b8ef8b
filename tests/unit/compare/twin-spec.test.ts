import { describe, expect, it } from 'vitest';
import { templateSchema } from '../../../src/shared/template';
import {
  pickSandboxRuntime,
  sandboxRuntimes,
  twinContainerSpec,
  twinSides,
} from '../../../src/main/lab/twins/twin-spec';

const template = templateSchema.parse({
  id: 'twin-t',
  name: 'Twin',
  container: { image: 'busybox:1', shell: '/bin/sh', memoryMiB: 64, runtime: 'runsc' },
  vm: { memoryMiB: 256, boot: { kernel: '/k' } },
});

describe('twin specs', () => {
  it('builds each container column from the template side, with its own name and runtime', () => {
    const sides = twinSides(template);
    const spec = twinContainerSpec({
      template,
      side: sides.container,
      name: 'lab',
      role: 'container',
      twinId: 'T1',
      runtime: 'runc',
    });
    expect(spec).toEqual({
      image: 'busybox:1',
      shell: '/bin/sh',
      memoryMiB: 64,
      runtime: 'runc', // the container column is runc even when the template says otherwise
      name: 'lab-container',
      templateId: 'twin-t',
      twinId: 'T1',
      pull: 'if-missing',
    });
    const sandbox = twinContainerSpec({
      template,
      side: sides.container,
      name: 'lab',
      role: 'sandbox',
      twinId: 'T1',
      runtime: 'kata-qemu',
    });
    expect(sandbox).toMatchObject({ name: 'lab-sandbox', runtime: 'kata-qemu' });
  });

  it('names the missing side', () => {
    const containerOnly = templateSchema.parse({ id: 'c', name: 'C', container: { image: 'busybox:1' } });
    const vmOnly = templateSchema.parse({
      id: 'v',
      name: 'V',
      vm: { memoryMiB: 128, boot: { kernel: '/k' } },
    });
    expect(() => twinSides(containerOnly)).toThrow(/no VM side/);
    expect(() => twinSides(vmOnly)).toThrow(/no container side/);
  });

  it('prefers gVisor, then a Kata runtime, and ignores plain runtimes', () => {
    expect(pickSandboxRuntime(['io.containerd.runc.v2', 'kata-qemu', 'runc', 'runsc'])).toBe('runsc');
    expect(pickSandboxRuntime(['runc', 'kata-qemu', 'kata-clh'])).toBe('kata-clh');
    expect(pickSandboxRuntime(['runc', 'crun'])).toBeUndefined();
    expect(sandboxRuntimes(['runsc', 'runc', 'kata', 'katana'])).toEqual(['kata', 'runsc']);
  });
});
