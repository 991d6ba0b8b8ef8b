import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readTwinlabMetadata } from '../engines/libvirt/domain-metadata';
import { imageInfo } from '../engines/libvirt/qemu-img';
import { virsh } from '../engines/libvirt/virsh';
import { qemuPidFile } from '../engines/libvirt/virsh-queries';

const run = promisify(execFile);

/**
 * What a VM costs the host beyond VmService.stats, read where libvirt and QEMU keep it: the QEMU
 * process, the read-only files VMs of one template share, and QEMU's version. The Compare page's
 * VM side; it knows libvirt's pid files and virsh so that compare/ does not.
 */
export class VmFootprint {
  #qemuVersion: Promise<string | undefined> | undefined;

  constructor(private readonly libvirtUri: () => string) {}

  /** The QEMU process's program name, through the pid libvirt writes to its pid file. */
  async qemuCommand(name: string): Promise<string | undefined> {
    const pidFile = qemuPidFile(this.libvirtUri(), name);
    if (!pidFile) return undefined;
    try {
      const pid = (await readFile(pidFile, 'utf8')).trim();
      return commandName(await readFile(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return undefined; // stopped meanwhile, or another user's session daemon
    }
  }

  /** Read-only files other VMs share: kernel and initrd, or the cloud image under the overlay. */
  async sharedDiskBytes(domainXml: string): Promise<number> {
    const overlay = readTwinlabMetadata(domainXml)?.files.find((file) => file.role === 'overlay');
    const base = overlay
      ? await imageInfo(overlay.path, 'qcow2').then(
          (info) => info.backingFile,
          () => undefined,
        )
      : undefined;
    const files = [...bootFiles(domainXml), ...(base ? [base] : [])];
    const sizes = await Promise.all(
      files.map((file) =>
        stat(file).then(
          (s) => s.blocks * 512,
          () => 0,
        ),
      ),
    );
    return sizes.reduce((sum, size) => sum + size, 0);
  }

  /** QEMU's version, read once; a failed read is tried again next time. */
  qemuVersion(): Promise<string | undefined> {
    return (this.#qemuVersion ??= this.#readQemuVersion());
  }

  /** "Running hypervisor: QEMU 7.2.22" from the daemon; else the binary's own --version. */
  async #readQemuVersion(): Promise<string | undefined> {
    try {
      const output = await virsh(this.libvirtUri(), ['version', '--daemon']);
      const version = /Running hypervisor:\s*QEMU\s+(\S+)/.exec(output)?.[1];
      if (version) return version;
    } catch {
      // libvirt down: ask the binary
    }
    try {
      const { stdout } = await run('qemu-system-x86_64', ['--version'], { timeout: 10_000 });
      return /version\s+(\S+)/.exec(stdout)?.[1];
    } catch {
      this.#qemuVersion = undefined;
      return undefined;
    }
  }
}

/** The read-only files a domain boots from, shared with every VM of the template: kernel and initrd. */
export function bootFiles(domainXml: string): string[] {
  return [...domainXml.matchAll(/<(kernel|initrd)>([^<]+)<\/\1>/g)].map((match) => match[2] ?? '');
}

/** `/proc/<pid>/cmdline` (NUL-separated) → the program's name, e.g. qemu-system-x86_64. */
export function commandName(cmdline: string): string | undefined {
  const program = cmdline.split('\0')[0];
  return program ? program.split('/').at(-1) : undefined;
}
