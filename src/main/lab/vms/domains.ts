import { stat } from 'node:fs/promises';
import type { Domain, Hypervisor } from '@unraid/libvirt';
import type { Guest } from '@shared/guest';
import {
  readDomainType,
  readTwinlabMetadata,
  type TwinlabMetadata,
} from '../engines/libvirt/domain-metadata';
import { DomainStates } from '../engines/libvirt/domain-states';
import { hasProbeSerial } from '../engines/libvirt/domain-xml';
import { translateLibvirtError } from '../engines/libvirt/libvirt-errors';
import { qemuPidFile } from '../engines/libvirt/virsh-queries';
import { vmError } from './errors';
import { toGuest, type DomainFacts } from './guest-mapping';

/** The libvirt connection as the VM parts need it (LibvirtConnection provides this). */
export interface LibvirtAccess {
  hypervisor(): Promise<Hypervisor>;
  endpoint(): string;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ManagedDomain {
  domain: Domain;
  name: string;
  uuid: string;
  metadata: TwinlabMetadata;
}

/**
 * The domains on one libvirt connection, as every part of the VM service reads them: lookups by
 * UUID or name, libvirt failures as sentences, and which domains are Twinlab's and not busy.
 */
export class Domains {
  /** Domains being created or deleted right now: listed with that state, refused for anything else. */
  readonly busy = new Map<string, 'creating' | 'removing'>();

  constructor(private readonly libvirt: LibvirtAccess) {}

  uri(): string {
    return this.libvirt.endpoint();
  }

  async hypervisor(): Promise<Hypervisor> {
    try {
      return await this.libvirt.hypervisor();
    } catch (error) {
      throw vmError('libvirtUnavailable', { detail: error instanceof Error ? error.message : String(error) });
    }
  }

  /** A libvirt call whose failure becomes the sentence for the domain `name`. */
  async call<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw translateLibvirtError(error, name);
    }
  }

  async all(): Promise<Domain[]> {
    const hypervisor = await this.hypervisor();
    return this.call('', () => hypervisor.connectListAllDomains());
  }

  async list(): Promise<Guest[]> {
    // A domain undefined between the listing and its lookups simply drops out of this round.
    const facts = await Promise.all(
      (await this.all()).map((domain) => this.facts(domain).catch(() => undefined)),
    );
    return facts
      .filter((fact): fact is DomainFacts => fact !== undefined)
      .map((fact) => toGuest(fact, this.busy.get(fact.uuid)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Guest> {
    const facts = await this.facts(await this.lookup(id));
    return toGuest(facts, this.busy.get(facts.uuid));
  }

  /** By UUID (the Guest id) or, for convenience, by name. */
  async lookup(id: string): Promise<Domain> {
    const hypervisor = await this.hypervisor();
    return this.call(id, () =>
      UUID_PATTERN.test(id) ? hypervisor.domainLookupByUUIDString(id) : hypervisor.domainLookupByName(id),
    );
  }

  async exists(name: string): Promise<boolean> {
    const hypervisor = await this.hypervisor();
    try {
      await hypervisor.domainLookupByName(name);
      return true;
    } catch (error) {
      const translated = translateLibvirtError(error, name);
      if (translated.code === 'not-found') return false;
      throw translated;
    }
  }

  /** The domain, if Twinlab made it; otherwise the 'forbidden' refusal. Also refuses while it is being created or deleted. */
  async managed(id: string): Promise<ManagedDomain> {
    const domain = await this.lookup(id);
    const name = await this.call(id, () => domain.getName());
    const uuid = await this.call(name, () => domain.getUUIDString());
    const metadata = readTwinlabMetadata(await this.call(name, () => domain.getXMLDesc()));
    if (!metadata) throw vmError('notManaged', { name });
    if (this.busy.has(uuid)) throw vmError('busy', { name });
    return { domain, name, uuid, metadata };
  }

  async facts(domain: Domain): Promise<DomainFacts> {
    const [uuid, name, info, xml] = await Promise.all([
      domain.getUUIDString(),
      domain.getName(),
      domain.getInfo(),
      domain.getXMLDesc(),
    ]);
    const startedAt = info.state === DomainStates.SHUTOFF ? undefined : await this.#startedAt(name);
    return {
      uuid,
      name,
      state: info.state,
      domainType: readDomainType(xml),
      metadata: readTwinlabMetadata(xml),
      ...(startedAt !== undefined && { startedAt }),
      probeChannel: hasProbeSerial(xml),
    };
  }

  /** libvirt writes the pid file as it starts QEMU, so its time is the start time. */
  async #startedAt(name: string): Promise<string | undefined> {
    const pidFile = qemuPidFile(this.uri(), name);
    if (!pidFile) return undefined;
    try {
      return (await stat(pidFile)).mtime.toISOString();
    } catch {
      return undefined;
    }
  }
}
