import type { Accelerator } from '@shared/host';
import type { VmNicModel, VmPortForward, VmScratchDisk } from '@shared/template';
import { metadataElement, type TwinlabMetadata } from './domain-metadata';
import { el, renderXml, type XmlElement } from './xml-writer';

export const QEMU_XMLNS = 'http://libvirt.org/schemas/domain/qemu/1.0';

export type DomainOs =
  | { kind: 'kernel'; kernel: string; initrd?: string; cmdline: string }
  /** Firmware boots the first disk (a cloud image overlay). */
  | { kind: 'disk' };

export type DomainDisk =
  /** The VM's own copy-on-write layer over a cached base image. */
  | { kind: 'overlay'; file: string; format: 'qcow2' }
  /** The cloud-init NoCloud ISO (volume label cidata). */
  | { kind: 'seed'; file: string }
  /** A blank raw disk for experiments, on the bus the template names. */
  | { kind: 'scratch'; file: string; bus: VmScratchDisk['bus'] };

export type DomainNetwork =
  /** A libvirt virtual network (NAT), used when it is active. */
  | { kind: 'nat'; network: string }
  /** QEMU user-mode networking: works without root or bridges; host ports forwarded on 127.0.0.1. */
  | { kind: 'user'; portForwards: VmPortForward[] }
  | { kind: 'none' };

export interface DomainSpec {
  name: string;
  uuid: string;
  /** From the host checks: 'tcg' unless a stock guest kernel really runs under KVM. */
  accelerator: Accelerator;
  vcpus: number;
  memoryMiB: number;
  os: DomainOs;
  disks: DomainDisk[];
  network: DomainNetwork;
  /** One NIC per model on the network (nat, or user without forwards); one virtio NIC if absent. */
  nicModels?: VmNicModel[];
  metadata: TwinlabMetadata;
}

/** libvirt only places devices it knows; our forwarding NIC gets a fixed slot far from its automatic ones. */
const FORWARDING_NIC_PCI_SLOT = '0x1e';
const FORWARDING_NETDEV_ID = 'twinlab-net0';

/**
 * The probe channel: a second 16550 serial port (ttyS1 in the guest), where the guest runs a root
 * shell for Twinlab's probes and nobody types. A UART rather than a virtio console or the QEMU guest
 * agent because every x86 distribution kernel has the 8250 driver built in (Debian's cloud kernel
 * builds virtio_console as a module), it exists from the first instruction of init, systemd starts
 * no login prompt on it by itself (it does on hvc0), and cloud images ship no guest agent.
 * libvirt names it serial1, which `virsh console --devname` takes.
 */
export const PROBE_SERIAL_ALIAS = 'serial1';
const PROBE_SERIAL_PORT = 1;

/** The libvirt domain XML for a Twinlab VM. Pure: the same spec always gives the same text. */
export function buildDomainXml(spec: DomainSpec): string {
  const forwards = spec.network.kind === 'user' ? spec.network.portForwards : [];
  return renderXml(
    el(
      'domain',
      {
        type: spec.accelerator === 'kvm' ? 'kvm' : 'qemu',
        ...(forwards.length > 0 && { 'xmlns:qemu': QEMU_XMLNS }),
      },
      el('name', {}, spec.name),
      el('uuid', {}, spec.uuid),
      el('metadata', {}, metadataElement(spec.metadata)),
      el('memory', { unit: 'MiB' }, String(spec.memoryMiB)),
      el('vcpu', {}, String(spec.vcpus)),
      osElement(spec.os),
      // ACPI lets "shut down" reach the guest as a power-button press.
      el('features', {}, el('acpi'), el('apic')),
      // KVM: the real CPU. TCG: QEMU's richest emulated CPU, since newer distributions need x86-64-v2.
      spec.accelerator === 'kvm' ? el('cpu', { mode: 'host-passthrough' }) : el('cpu', { mode: 'maximum' }),
      el('clock', { offset: 'utc' }),
      el('on_poweroff', {}, 'destroy'),
      el('on_reboot', {}, 'restart'),
      el('on_crash', {}, 'destroy'),
      el(
        'devices',
        {},
        spec.disks.map((disk) => diskElement(disk, spec.disks)),
        (spec.nicModels ?? ['virtio']).flatMap((model) => networkElement(spec.network, model) ?? []),
        el('serial', { type: 'pty' }, el('target', { port: 0 })),
        el('serial', { type: 'pty' }, el('target', { port: PROBE_SERIAL_PORT })),
        el('console', { type: 'pty' }, el('target', { type: 'serial', port: 0 })),
        el('rng', { model: 'virtio' }, el('backend', { model: 'random' }, '/dev/urandom')),
        // Balloon statistics let a guest with the virtio_balloon driver report its own view of memory.
        el('memballoon', { model: 'virtio' }, el('stats', { period: 2 })),
      ),
      forwards.length > 0 && forwardingCommandline(forwards),
    ),
  );
}

/**
 * Whether a domain's XML (as libvirt returns it) has the probe serial port: domains Twinlab made
 * before it existed have only the console's.
 */
export function hasProbeSerial(domainXml: string): boolean {
  return [...domainXml.matchAll(/<serial\b[^>]*>([\s\S]*?)<\/serial>/g)].some((serial) =>
    new RegExp(`<target\\b[^>]*\\bport=(["'])${PROBE_SERIAL_PORT}\\1`).test(serial[1] ?? ''),
  );
}

function osElement(os: DomainOs): XmlElement {
  const type = el('type', { arch: 'x86_64', machine: 'pc' }, 'hvm');
  if (os.kind === 'disk') return el('os', {}, type, el('boot', { dev: 'hd' }));
  return el(
    'os',
    {},
    type,
    el('kernel', {}, os.kernel),
    os.initrd !== undefined && el('initrd', {}, os.initrd),
    el('cmdline', {}, os.cmdline),
  );
}

/** Target names per bus, in the order the guest's controllers list them; hdc is the seed's. */
const SCRATCH_TARGETS: Record<VmScratchDisk['bus'], readonly string[]> = {
  virtio: ['vdb', 'vdc', 'vdd', 'vde'],
  ide: ['hda', 'hdb', 'hdd'],
  sata: ['sda', 'sdb', 'sdc', 'sdd'],
};

function diskElement(disk: DomainDisk, all: DomainDisk[]): XmlElement {
  if (disk.kind === 'scratch') {
    const sameBus = all.filter((other) => other.kind === 'scratch' && other.bus === disk.bus);
    const dev = SCRATCH_TARGETS[disk.bus][sameBus.indexOf(disk)];
    if (dev === undefined) throw new Error(`too many scratch disks on the ${disk.bus} bus`);
    return el(
      'disk',
      { type: 'file', device: 'disk' },
      el('driver', { name: 'qemu', type: 'raw' }),
      el('source', { file: disk.file }),
      el('target', { dev, bus: disk.bus }),
    );
  }
  if (disk.kind === 'overlay') {
    return el(
      'disk',
      { type: 'file', device: 'disk' },
      el('driver', { name: 'qemu', type: disk.format, discard: 'unmap' }),
      el('source', { file: disk.file }),
      el('target', { dev: 'vda', bus: 'virtio' }),
    );
  }
  // The 'pc' machine has IDE, not SATA; hdc is the classic CD-ROM position.
  return el(
    'disk',
    { type: 'file', device: 'cdrom' },
    el('driver', { name: 'qemu', type: 'raw' }),
    el('source', { file: disk.file }),
    el('target', { dev: 'hdc', bus: 'ide' }),
    el('readonly'),
  );
}

function networkElement(network: DomainNetwork, model: VmNicModel): XmlElement | undefined {
  if (network.kind === 'nat') {
    return el(
      'interface',
      { type: 'network' },
      el('source', { network: network.network }),
      el('model', { type: model }),
    );
  }
  if (network.kind === 'user' && network.portForwards.length === 0) {
    return el('interface', { type: 'user' }, el('model', { type: model }));
  }
  return undefined; // none, or user networking with forwards (see forwardingCommandline)
}

/**
 * Port forwarding with user-mode networking. libvirt 9.0 accepts <portForward> only with the passt
 * backend (<backend type='passt'/>), which needs the separate passt program; with QEMU's built-in
 * slirp it has no forwarding element at all. So the NIC is added through the QEMU namespace as
 * `-netdev user,hostfwd=…` + `-device virtio-net-pci` (libvirt marks such a domain "custom-argv").
 * Forwards bind to 127.0.0.1 so a lab VM is never reachable from the network.
 */
function forwardingCommandline(forwards: VmPortForward[]): XmlElement {
  const hostfwd = forwards.map((f) => `,hostfwd=${f.protocol}:127.0.0.1:${f.host}-:${f.guest}`).join('');
  const args = [
    '-netdev',
    `user,id=${FORWARDING_NETDEV_ID}${hostfwd}`,
    '-device',
    `virtio-net-pci,netdev=${FORWARDING_NETDEV_ID},bus=pci.0,addr=${FORWARDING_NIC_PCI_SLOT}`,
  ];
  return el('qemu:commandline', {}, ...args.map((value) => el('qemu:arg', { value })));
}
