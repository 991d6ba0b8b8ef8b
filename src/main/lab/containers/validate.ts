import type { SpecProblem } from '@shared/containers';

export type { SpecProblem };
import type { ErrorParams } from '@shared/errors';
import { MIB, type ContainerCreateSpec } from '../engines/docker/container-spec';
import { isValidImageReference } from '@shared/image-reference';
import { formatMessage, type ContainerMessageKey } from '../engines/docker/messages';

export type PortAvailability = 'free' | 'in-use' | 'denied';

/** What the host looks like right now; collected by collectContainerHostFacts, faked in unit tests. */
export interface ContainerHostFacts {
  /** Names of all containers on the daemon, Twinlab's or not (Docker names are unique). */
  takenNames: readonly string[];
  /** Result of trying to listen on 0.0.0.0 for each host port of the spec, keyed "8080/tcp". */
  hostPorts: Readonly<Record<string, PortAvailability>>;
  isRoot: boolean;
  totalMemoryBytes: number;
  cpuCount: number;
  /** Runtimes registered with Docker (docker info). */
  runtimes: readonly string[];
  /** Runtimes that only run without a network on this host. */
  networkNoneRuntimes: readonly string[];
  imagePresent: boolean;
  /** Whether the image's registry answered; only asked when the image is missing. */
  registryReachable: boolean;
  /** Bind mount sources that do not exist. */
  missingPaths: readonly string[];
}

/** Docker's rule for container and local volume names. */
const DOCKER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
/** Docker refuses memory limits below 6 MiB. */
export const MIN_MEMORY_MIB = 6;
/** Docker refuses fewer than 0.01 CPUs (NanoCpus below 1e7). */
export const MIN_CPUS = 0.01;
const PORT_MAX = 65535;
const PRIVILEGED_BELOW = 1024;

const inPortRange = (port: number) => Number.isInteger(port) && port >= 1 && port <= PORT_MAX;

/**
 * Everything that would make create fail or surprise, found before anything is created. Pure over
 * the spec and the host facts, so every rule is unit-tested; each problem says what to do next.
 */
export function validateContainerSpec(spec: ContainerCreateSpec, facts: ContainerHostFacts): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (field: string, key: ContainerMessageKey, params: ErrorParams = {}) =>
    problems.push({ field, key, params, message: formatMessage(key, params) });

  if (spec.name.length === 0) add('name', 'containers.validate.nameRequired');
  else if (!DOCKER_NAME.test(spec.name)) add('name', 'containers.validate.nameInvalid', { name: spec.name });
  else if (facts.takenNames.includes(spec.name))
    add('name', 'containers.validate.nameTaken', { name: spec.name });

  if (!isValidImageReference(spec.image))
    add('image', 'containers.validate.imageInvalid', { image: spec.image });
  else if (!facts.imagePresent) {
    if (spec.pull === 'never') add('image', 'containers.validate.imageMissingNoPull', { image: spec.image });
    else if (!facts.registryReachable)
      add('image', 'containers.validate.imageMissingOffline', { image: spec.image });
  }

  const runtime = spec.runtime;
  if (runtime !== undefined && !facts.runtimes.includes(runtime)) {
    if (runtime === 'runsc') add('runtime', 'containers.validate.runtimeUnavailableRunsc');
    else {
      const available = facts.runtimes.filter((name) => !name.startsWith('io.containerd.')).join(', ') || '—';
      add('runtime', 'containers.validate.runtimeUnavailable', { runtime, available });
    }
  }

  validatePorts(spec, facts, add);

  if (spec.memoryMiB !== undefined) {
    const totalMiB = Math.floor(facts.totalMemoryBytes / MIB);
    if (spec.memoryMiB < MIN_MEMORY_MIB) {
      add('memoryMiB', 'containers.validate.memoryTooLow', {
        memoryMiB: spec.memoryMiB,
        minimumMiB: MIN_MEMORY_MIB,
      });
    } else if (spec.memoryMiB > totalMiB) {
      add('memoryMiB', 'containers.validate.memoryTooHigh', { memoryMiB: spec.memoryMiB, totalMiB });
    }
  }
  if (spec.cpus !== undefined) {
    if (spec.cpus < MIN_CPUS)
      add('cpus', 'containers.validate.cpusTooLow', { cpus: spec.cpus, minimum: MIN_CPUS });
    else if (spec.cpus > facts.cpuCount) {
      add('cpus', 'containers.validate.cpusTooHigh', { cpus: spec.cpus, available: facts.cpuCount });
    }
  }

  const targets = new Set<string>();
  const checkTarget = (field: string, target: string) => {
    if (!target.startsWith('/')) add(field, 'containers.validate.mountTargetInvalid', { target });
    else if (targets.has(target)) add(field, 'containers.validate.mountTargetDuplicate', { target });
    targets.add(target);
  };
  (spec.volumes ?? []).forEach((volume, index) => {
    if (volume.name !== undefined && !DOCKER_NAME.test(volume.name)) {
      add(`volumes.${index}.name`, 'containers.validate.volumeNameInvalid', { name: volume.name });
    }
    // Docker refuses it: an anonymous volume starts empty, so read-only would make it useless.
    if (volume.name === undefined && volume.readOnly) {
      add(`volumes.${index}.readOnly`, 'containers.validate.anonymousVolumeReadOnly', {
        target: volume.target,
      });
    }
    checkTarget(`volumes.${index}.target`, volume.target);
  });
  (spec.binds ?? []).forEach((bind, index) => {
    if (!bind.source.startsWith('/')) {
      add(`binds.${index}.source`, 'containers.validate.bindSourceNotAbsolute', { source: bind.source });
    } else if (facts.missingPaths.includes(bind.source)) {
      add(`binds.${index}.source`, 'containers.validate.bindSourceMissing', { source: bind.source });
    }
    checkTarget(`binds.${index}.target`, bind.target);
  });

  for (const name of Object.keys(spec.env ?? {})) {
    if (name.length === 0 || /[=\s\0]/.test(name))
      add(`env.${name}`, 'containers.validate.envNameInvalid', { name });
  }
  return problems;
}

function validatePorts(
  spec: ContainerCreateSpec,
  facts: ContainerHostFacts,
  add: (field: string, key: ContainerMessageKey, params?: ErrorParams) => void,
): void {
  const ports = spec.ports ?? [];
  if (ports.length > 0 && spec.runtime !== undefined && facts.networkNoneRuntimes.includes(spec.runtime)) {
    add('ports', 'containers.validate.portsNeedNetwork', { runtime: spec.runtime });
  }
  const published = new Set<string>();
  ports.forEach((port, index) => {
    if (!inPortRange(port.container)) {
      add(`ports.${index}.container`, 'containers.validate.containerPortOutOfRange', {
        port: port.container,
      });
    }
    if (port.host === undefined) return;
    const field = `ports.${index}.host`;
    const { host, protocol } = port;
    const key = `${host}/${protocol}`;
    if (!inPortRange(host)) add(field, 'containers.validate.hostPortOutOfRange', { port: host });
    else if (published.has(key))
      add(field, 'containers.validate.hostPortDuplicate', { port: host, protocol });
    else if (host < PRIVILEGED_BELOW && !facts.isRoot) {
      add(field, 'containers.validate.hostPortPrivileged', {
        port: host,
        suggestion: unprivilegedSuggestion(host),
      });
    } else if (facts.hostPorts[key] === 'in-use' || facts.hostPorts[key] === 'denied') {
      // 'denied' at 1024 and above means a security policy holds it: as good as taken.
      add(field, 'containers.validate.hostPortInUse', { port: host, protocol });
    }
    published.add(key);
  });
}

/** 80 → 8080, 443 → 8443: the usual unprivileged stand-ins. */
function unprivilegedSuggestion(port: number): number {
  return port + 8000;
}
