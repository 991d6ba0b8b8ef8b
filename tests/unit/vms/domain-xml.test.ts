import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDomainType, readTwinlabMetadata } from '../../../src/main/lab/engines/libvirt/domain-metadata';
import {
  buildDomainXml,
  hasProbeSerial,
  type DomainSpec,
} from '../../../src/main/lab/engines/libvirt/domain-xml';
import { escapeAttr, escapeText } from '../../../src/main/lab/engines/libvirt/xml-writer';

/** UPDATE_GOLDEN=1 rewrites the golden files; review the diff like code. */
function expectGolden(name: string, xml: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env['UPDATE_GOLDEN']) writeFileSync(file, xml);
  expect(xml).toBe(readFileSync(file, 'utf8'));
}

const microvm: DomainSpec = {
  name: 'demo-vm',
  uuid: '7d3c1a52-9b1e-4c57-8d2a-0f4c5e6a7b81',
  accelerator: 'tcg',
  vcpus: 1,
  memoryMiB: 256,
  os: {
    kind: 'kernel',
    kernel: '/var/lib/twinlab/fixtures/microvm/vmlinuz',
    initrd: '/var/lib/twinlab/fixtures/microvm/initrd.img',
    cmdline: 'console=ttyS0 panic=-1 quiet',
  },
  disks: [],
  network: { kind: 'user', portForwards: [] },
  metadata: {
    templateId: 'fixture-microvm',
    twinId: 'twin-1',
    createdAt: '2026-01-02T03:04:05.000Z',
    files: [],
  },
};

const vmDir = '/home/ada/.local/share/twinlab/vms/2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b';
const cloud: DomainSpec = {
  name: 'debian-vm',
  uuid: '2f0e9c1d-4b3a-4e6f-9a8b-1c2d3e4f5a6b',
  accelerator: 'tcg',
  vcpus: 2,
  memoryMiB: 1024,
  os: { kind: 'disk' },
  disks: [
    { kind: 'overlay', file: `${vmDir}/disk.qcow2`, format: 'qcow2' },
    { kind: 'seed', file: `${vmDir}/seed.iso` },
  ],
  network: {
    kind: 'user',
    portForwards: [
      { guest: 22, host: 2222, protocol: 'tcp' },
      { guest: 80, host: 8080, protocol: 'tcp' },
    ],
  },
  metadata: {
    templateId: 'debian-12',
    createdAt: '2026-01-02T03:04:05.000Z',
    files: [
      { role: 'overlay', path: `${vmDir}/disk.qcow2` },
      { role: 'seed', path: `${vmDir}/seed.iso` },
    ],
  },
};

describe('buildDomainXml', () => {
  it('direct-kernel microVM, software emulation (TCG), user networking', () => {
    expectGolden('microvm-tcg-user.xml', buildDomainXml(microvm));
  });

  it('direct-kernel microVM with KVM', () => {
    const xml = buildDomainXml({ ...microvm, accelerator: 'kvm' });
    expectGolden('microvm-kvm-user.xml', xml);
    expect(readDomainType(xml)).toBe('kvm');
  });

  it('cloud image with seed, user networking and port forwards (qemu:commandline)', () => {
    expectGolden('cloud-seed-tcg-forwards.xml', buildDomainXml(cloud));
  });

  it('cloud image with seed on the libvirt default NAT network', () => {
    expectGolden(
      'cloud-seed-tcg-nat.xml',
      buildDomainXml({ ...cloud, network: { kind: 'nat', network: 'default' } }),
    );
  });

  it('cloud image with KVM and NAT', () => {
    expectGolden(
      'cloud-seed-kvm-nat.xml',
      buildDomainXml({ ...cloud, accelerator: 'kvm', network: { kind: 'nat', network: 'default' } }),
    );
  });

  it('has no qemu namespace without forwards, and no NIC with network none', () => {
    const xml = buildDomainXml({ ...microvm, network: { kind: 'none' } });
    expect(xml).not.toContain('xmlns:qemu');
    expect(xml).not.toContain('<interface');
  });

  it('gives every VM a second serial port for probes, beside the console on the first', () => {
    const xml = buildDomainXml(microvm);
    const serials = [...xml.matchAll(/<serial type='pty'>\s*<target port='(\d)'\/>\s*<\/serial>/g)];
    expect(serials.map((serial) => serial[1])).toEqual(['0', '1']);
    expect(xml).toMatch(/<console type='pty'>\s*<target type='serial' port='0'\/>/);
    expect(hasProbeSerial(xml)).toBe(true);
  });

  it('finds the probe port in the live XML libvirt returns, and not in an older domain', () => {
    const live = (ports: number[]) =>
      `<domain type='qemu'><devices>${ports
        .map(
          (port) =>
            `<serial type='pty'><source path='/dev/pts/${port + 3}'/><target type='isa-serial' port='${port}'>` +
            `<model name='isa-serial'/></target><alias name='serial${port}'/></serial>`,
        )
        .join(
          '',
        )}<console type='pty' tty='/dev/pts/3'><target type='serial' port='0'/></console></devices></domain>`;
    expect(hasProbeSerial(live([0, 1]))).toBe(true);
    expect(hasProbeSerial(live([0]))).toBe(false);
    // The console's own <target port='0'> is no serial port, and a parallel port 1 is not ours.
    expect(hasProbeSerial(`${live([0])}<parallel type='pty'><target port='1'/></parallel>`)).toBe(false);
  });

  it('escapes every value, so a name or path can never add markup', () => {
    const hostile = `a'b"c<d>&e`;
    const xml = buildDomainXml({
      ...microvm,
      name: 'x',
      os: { kind: 'kernel', kernel: `/k/${hostile}`, cmdline: `console=ttyS0 x="</cmdline><evil/>"` },
      metadata: {
        ...microvm.metadata,
        templateId: hostile,
        files: [{ role: 'overlay', path: `/d/${hostile}` }],
      },
    });
    expect(xml).not.toContain('<evil/>');
    expect(xml).toContain('<kernel>/k/a\'b"c&lt;d&gt;&amp;e</kernel>');
    expect(xml).toContain('&lt;/cmdline&gt;&lt;evil/&gt;');
    // …and reads back exactly.
    expect(readTwinlabMetadata(xml)).toEqual({
      templateId: hostile,
      twinId: 'twin-1',
      createdAt: '2026-01-02T03:04:05.000Z',
      files: [{ role: 'overlay', path: `/d/${hostile}` }],
    });
  });

  it('refuses characters XML cannot carry', () => {
    expect(() => buildDomainXml({ ...microvm, name: 'bad\u0007name' })).toThrow(/XML cannot carry/);
    expect(() => escapeText('\uD800')).toThrow();
    expect(escapeText('emoji 🖥 ok')).toBe('emoji 🖥 ok');
    expect(escapeAttr('it\'s\n"q"\t')).toBe('it&apos;s&#10;&quot;q&quot;&#9;');
  });
});
