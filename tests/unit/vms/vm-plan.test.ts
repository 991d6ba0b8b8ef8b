import { describe, expect, it } from 'vitest';
import { vmSideSchema } from '@shared/template';
import { vmNamePattern as VM_NAME_PATTERN } from '../../../src/shared/vms';
import { DEFAULT_DISK_GIB, networkFor, planVm } from '../../../src/main/lab/vms/vm-plan';

const GiB = 1024 ** 3;
const uuid = '2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b';
const basics = {
  uuid,
  templateId: 't',
  createdAt: '2026-01-02T03:04:05.000Z',
  vmDir: `/data/vms/${uuid}`,
  accelerator: 'tcg' as const,
};

describe('planVm', () => {
  it('plans a microVM: kernel boot, no disks and no files of its own', () => {
    const vm = vmSideSchema.parse({
      memoryMiB: 256,
      boot: { kernel: '/f/vmlinuz', initrd: '/f/initrd.img', cmdline: 'console=ttyS0 quiet' },
    });
    const plan = planVm({ ...basics, name: 'micro', vm });
    expect(plan.overlay).toBeUndefined();
    expect(plan.seed).toBeUndefined();
    expect(plan.spec.os).toEqual({
      kind: 'kernel',
      kernel: '/f/vmlinuz',
      initrd: '/f/initrd.img',
      cmdline: 'console=ttyS0 quiet',
    });
    expect(plan.spec.disks).toEqual([]);
    expect(plan.spec.metadata).toEqual({ templateId: 't', createdAt: basics.createdAt, files: [] });
  });

  it('plans a cloud-image VM: an overlay on the base, a seed, both recorded as its files', () => {
    const vm = vmSideSchema.parse({
      memoryMiB: 1024,
      image: { url: 'https://x.org/debian.qcow2', sha256: 'a'.repeat(64) },
      portForwards: [{ guest: 22, host: 2222 }],
    });
    const plan = planVm({
      ...basics,
      name: 'My_VM',
      twinId: 'twin-7',
      vm,
      natNetwork: 'default',
      baseImage: { path: '/cache/aaa.qcow2', format: 'qcow2', virtualSizeBytes: 3 * GiB },
    });
    expect(plan.overlay).toEqual({
      path: `/data/vms/${uuid}/disk.qcow2`,
      base: '/cache/aaa.qcow2',
      baseFormat: 'qcow2',
      sizeBytes: DEFAULT_DISK_GIB * GiB,
    });
    expect(plan.seed?.settings).toEqual({
      instanceId: `twinlab-${uuid}`,
      hostname: 'my-vm',
      user: 'learner',
      sshAuthorizedKeys: [],
      autologin: true,
    });
    expect(plan.spec.metadata.files.map((file) => file.role)).toEqual(['overlay', 'seed']);
    expect(plan.spec.metadata.twinId).toBe('twin-7');
    expect(plan.spec.os).toEqual({ kind: 'disk' });
    expect(plan.spec.network).toEqual({
      kind: 'user',
      portForwards: [{ guest: 22, host: 2222, protocol: 'tcp' }],
    });
  });

  it('never makes the disk smaller than the image', () => {
    const vm = vmSideSchema.parse({
      memoryMiB: 512,
      image: { url: 'https://x.org/i.img', sha256: 'b'.repeat(64), format: 'raw' },
      diskGiB: 2,
    });
    const plan = planVm({
      ...basics,
      name: 'v',
      vm,
      baseImage: { path: '/c/b.raw', format: 'raw', virtualSizeBytes: 5 * GiB },
    });
    expect(plan.overlay?.sizeBytes).toBe(5 * GiB);
    expect(plan.overlay?.baseFormat).toBe('raw');
  });
});

describe('networkFor', () => {
  it('uses NAT when active, user-mode otherwise, and user-mode whenever ports are forwarded', () => {
    expect(networkFor({ portForwards: [] }, 'default')).toEqual({ kind: 'nat', network: 'default' });
    expect(networkFor({ portForwards: [] }, undefined)).toEqual({ kind: 'user', portForwards: [] });
    const forwards = [{ guest: 22, host: 2222, protocol: 'tcp' as const }];
    expect(networkFor({ portForwards: forwards }, 'default')).toEqual({
      kind: 'user',
      portForwards: forwards,
    });
  });
});

describe('VM names', () => {
  it('accepts libvirt-safe names only', () => {
    expect(VM_NAME_PATTERN.test('twinlab-demo_1.x')).toBe(true);
    for (const bad of ['', '-x', 'a b', 'a/b', 'ä', 'x'.repeat(64)])
      expect(VM_NAME_PATTERN.test(bad)).toBe(false);
  });
});
