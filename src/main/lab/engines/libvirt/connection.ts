import { Hypervisor } from '@unraid/libvirt';
import type { HealthProbe } from '../health-monitor';
import { parseDaemonVersion, virsh } from './virsh';

/**
 * The lab's libvirt connection. An explicit URI (TWINLAB_LIBVIRT_URI) is used as given; otherwise
 * qemu:///system, and for a non-root user qemu:///session when the system daemon cannot be reached.
 * A failed check drops the connection so the next check opens a fresh one: the binding has no
 * close-callback to tell us libvirtd went away.
 */
export class LibvirtConnection implements HealthProbe {
  #hypervisor: Hypervisor | undefined;
  #uri: string;
  #version = '';

  constructor(
    private readonly configuredUri: string | undefined,
    private readonly isRoot: boolean = process.getuid?.() === 0,
  ) {
    this.#uri = configuredUri ?? 'qemu:///system';
  }

  endpoint(): string {
    return this.#uri;
  }

  /** The open connection; throws when libvirt cannot be reached. */
  async hypervisor(): Promise<Hypervisor> {
    if (this.#hypervisor) return this.#hypervisor;
    const uris = this.configuredUri || this.isRoot ? [this.#uri] : ['qemu:///system', 'qemu:///session'];
    let lastError: unknown;
    for (const uri of uris) {
      try {
        const hypervisor = new Hypervisor({ uri });
        await hypervisor.connectOpen();
        this.#uri = uri;
        this.#hypervisor = hypervisor;
        this.#version = parseDaemonVersion(await virsh(uri, ['version', '--daemon'])) ?? 'unknown';
        return hypervisor;
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  async check(): Promise<string> {
    try {
      const hypervisor = await this.hypervisor();
      await hypervisor.connectGetHostname();
      return this.#version;
    } catch (error) {
      await this.#drop();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.#drop();
  }

  async #drop(): Promise<void> {
    const hypervisor = this.#hypervisor;
    this.#hypervisor = undefined;
    await hypervisor?.connectClose().catch(() => undefined);
  }
}
