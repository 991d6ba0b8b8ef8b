import { describe, expect, it } from 'vitest';
import { vmSideSchema } from '@shared/template';
import { buildDomainXml } from '../../../src/main/lab/engines/libvirt/domain-xml';
import { readTwinlabMetadata } from '../../../src/main/lab/engines/libvirt/domain-metadata';
import { twinFacts } from '../../../src/main/lab/lessons/twin-facts';
import { planVm } from '../../../src/main/lab/vms/vm-plan';

const uuid = '2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b';
const vmDir = `/data/vms/${uuid}`;
const basics = {
  name: 'devices',
  uuid,
  templateId: 't',
  createdAt: '2026-01-02T03:04:05.000Z',
  vmDir,
  accelerator: 'tcg' as const,
};
const boot = { kernel: '/f/vmlinuz', initrd: '/f/initrd.img', cmdline: 'console=ttyS0' };

/** The <disk> and <interface> elements of a domain XML, whitespace folded and quotes doubled, in document order. */
function devices(xml: string, element: 'disk' | 'interface'): string[] {
  return [...xml.matchAll(new RegExp(`<${element}[\\s>][\\s\\S]*?</${element}>`, 'g'))].map((match) =>
    match[0].replace(/>\s+</g, '><').replaceAll("'", '"'),
  );
}

describe('VM device options: scratch disks on a bus, NIC models', () => {
  const vm = vmSideSchema.parse({
    memoryMiB: 256,
    boot,
    scratchDisks: [
      { bus: 'virtio', sizeMiB: 64 },
      { bus: 'ide', sizeMiB: 64 },
      { bus: 'ide', sizeMiB: 8 },
      { bus: 'sata', sizeMiB: 8 },
    ],
    nicModels: ['virtio', 'e1000'],
  });
  const plan = planVm({ ...basics, vm, natNetwork: 'default' });
  const xml = buildDomainXml(plan.spec);

  it('plans one sparse file per scratch disk in the VM folder, recorded for removal with the VM', () => {
    expect(plan.scratch).toEqual([
      { path: `${vmDir}/scratch-0-virtio.raw`, sizeBytes: 64 * 1024 ** 2 },
      { path: `${vmDir}/scratch-1-ide.raw`, sizeBytes: 64 * 1024 ** 2 },
      { path: `${vmDir}/scratch-2-ide.raw`, sizeBytes: 8 * 1024 ** 2 },
      { path: `${vmDir}/scratch-3-sata.raw`, sizeBytes: 8 * 1024 ** 2 },
    ]);
    expect(readTwinlabMetadata(xml)?.files).toEqual(
      plan.scratch.map((disk) => ({ role: 'scratch', path: disk.path })),
    );
  });

  it('puts each disk on its bus, IDE skipping hdc (the seed CD-ROM position)', () => {
    const raw = (file: string, dev: string, bus: string) =>
      `<disk type="file" device="disk"><driver name="qemu" type="raw"/><source file="${vmDir}/${file}"/><target dev="${dev}" bus="${bus}"/></disk>`;
    expect(devices(xml, 'disk')).toEqual([
      raw('scratch-0-virtio.raw', 'vdb', 'virtio'),
      raw('scratch-1-ide.raw', 'hda', 'ide'),
      raw('scratch-2-ide.raw', 'hdb', 'ide'),
      raw('scratch-3-sata.raw', 'sda', 'sata'),
    ]);
  });

  it('gives one NIC per model, in order, on the VM network', () => {
    expect(devices(xml, 'interface')).toEqual([
      '<interface type="network"><source network="default"/><model type="virtio"/></interface>',
      '<interface type="network"><source network="default"/><model type="e1000"/></interface>',
    ]);
  });

  it('keeps one virtio NIC and no scratch disk when the template asks for neither', () => {
    const plain = planVm({ ...basics, vm: vmSideSchema.parse({ memoryMiB: 256, boot }) });
    expect(plain.scratch).toEqual([]);
    const plainXml = buildDomainXml(plain.spec);
    expect(devices(plainXml, 'disk')).toEqual([]);
    expect(devices(plainXml, 'interface')).toEqual([
      '<interface type="user"><model type="virtio"/></interface>',
    ]);
  });

  it('refuses a fourth IDE disk (the pc machine has four IDE positions and the seed owns one)', () => {
    const four = vmSideSchema.parse({
      memoryMiB: 256,
      boot,
      scratchDisks: [1, 2, 3, 4].map(() => ({ bus: 'ide', sizeMiB: 1 })),
    });
    expect(() => buildDomainXml(planVm({ ...basics, vm: four }).spec)).toThrow(
      /too many scratch disks on the ide bus/,
    );
  });

  it('refuses NIC models together with port forwards, and unknown buses or models', () => {
    const base = { memoryMiB: 256, boot };
    expect(
      vmSideSchema.safeParse({ ...base, nicModels: ['e1000'], portForwards: [{ guest: 22, host: 2222 }] })
        .success,
    ).toBe(false);
    expect(vmSideSchema.safeParse({ ...base, nicModels: ['rtl8139'] }).success).toBe(false);
    expect(vmSideSchema.safeParse({ ...base, scratchDisks: [{ bus: 'scsi', sizeMiB: 8 }] }).success).toBe(
      false,
    );
  });

  it('tells lessons the twin has vm-disk-buses only with a virtio and an emulated scratch disk', () => {
    const features = (scratchDisks: unknown) =>
      twinFacts([{ kind: 'vm', runtime: 'qemu-tcg' }], {
        vm: vmSideSchema.parse({ memoryMiB: 256, boot, scratchDisks }),
      }).features;
    expect(
      features([
        { bus: 'virtio', sizeMiB: 8 },
        { bus: 'sata', sizeMiB: 8 },
      ]),
    ).toContain('vm-disk-buses');
    expect(features([{ bus: 'virtio', sizeMiB: 8 }])).not.toContain('vm-disk-buses');
    expect(features(undefined)).not.toContain('vm-disk-buses');
  });
});
