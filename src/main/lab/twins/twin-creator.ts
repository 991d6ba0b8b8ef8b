import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { TwinCreated } from '@shared/compare';
import type { TwinRole } from '@shared/twin-roles';
import type { ContainerCreateSpec } from '@shared/containers';
import { ApiError } from '@shared/errors';
import type { Guest } from '@shared/guest';
import type { OperationProgress } from '@shared/operations';
import type { Catalog, VmSide } from '@shared/template';
import type { ContainerService } from '../containers';
import { problemError } from '../containers/container-create';
import type { Logger } from '../log';
import type {
  SystemContainerService,
  SystemCreateRequest,
} from '../system-containers/system-container-service';
import { vmError, type HostCapacity, type VmService } from '../vms';
import { userlandSource } from '../userland/userland-source';
import { templateById } from '../catalog/catalog';
import { twinError } from './errors';
import { pickSandboxRuntime, twinContainerSpec, twinGuestName, twinSides } from './twin-spec';

export interface TwinCreatorDeps {
  catalog: () => Promise<Catalog>;
  containers: ContainerService;
  vms: VmService;
  /** Runtimes registered with Docker. */
  runtimes: () => Promise<string[]>;
  host: Pick<HostCapacity, 'memAvailableBytes'>;
  /**
   * Attaches the container's console before it starts (so its first prompt is on screen) and arms
   * its ready timer; returns the arm function, called right before the start call.
   */
  attachContainerConsole: (containerId: string) => Promise<() => void>;
  /** Opens the VM's serial console, arms its boot timer and lets its paused vCPUs run. */
  bootVm: (guest: Guest, readyPattern: string) => Promise<Guest>;
  /** System containers (LXD/Incus), for templates with a system side. */
  systems?: {
    /** Why none can be made now (absent, not initialised, no access), or undefined. */
    unavailableReason: () => Promise<string | undefined>;
    service: Pick<SystemContainerService, 'validate' | 'create' | 'action'>;
    /** Opens the running instance's console and times its first prompt from `startedAtMs`. */
    attachConsole: (id: string, startedAtMs: number) => Promise<void>;
  };
  log?: Logger;
}

export interface TwinRequest {
  templateId: string;
  name: string;
  sandbox: 'auto' | 'off';
}

type Progress = (update: Omit<OperationProgress, 'operationId'>) => void;

const MiB = 1024 * 1024;

/**
 * One template becomes a container, a VM and, when a sandbox runtime is registered, a sandboxed
 * container, and when the template has a system side and LXD/Incus answers, a system container,
 * made in parallel under one twin id. A system column LXD cannot make is left out with the reason. Everything is validated before anything is made;
 * a part that fails (or a cancel) removes the parts already made and reports the first failure.
 */
export async function createTwin(
  deps: TwinCreatorDeps,
  request: TwinRequest,
  signal: AbortSignal,
  progress: Progress,
): Promise<TwinCreated> {
  progress({ step: 'validating' });
  const template = templateById(await deps.catalog(), request.templateId);
  const sides = twinSides(template);
  const sandboxRuntime =
    request.sandbox === 'auto' ? pickSandboxRuntime(await deps.runtimes().catch(() => [])) : undefined;
  const twinId = randomUUID();
  const columns: { role: 'container' | 'sandbox'; runtime: string }[] = [
    { role: 'container', runtime: 'runc' },
    ...(sandboxRuntime ? [{ role: 'sandbox' as const, runtime: sandboxRuntime }] : []),
  ];
  const containerSpecs = columns.map(({ role, runtime }) => ({
    role,
    spec: twinContainerSpec({ template, side: sides.container, name: request.name, role, twinId, runtime }),
  }));
  const vmName = twinGuestName(request.name, 'vm');
  const leftOut: NonNullable<TwinCreated['leftOut']> = [];
  let systemRequest: SystemCreateRequest | undefined;
  if (template.system) {
    const reason = deps.systems
      ? await deps.systems.unavailableReason()
      : 'LXD/Incus is not set up in this app';
    if (reason === undefined)
      systemRequest = {
        name: twinGuestName(request.name, 'system'),
        templateId: template.id,
        system: template.system,
        twinId,
      };
    else leftOut.push(systemLeftOut(reason));
  }
  await Promise.all([
    ...containerSpecs.map(({ spec }) => validateContainer(deps.containers, spec)),
    ...(systemRequest && deps.systems ? [deps.systems.service.validate(systemRequest)] : []),
    validateVm(deps, vmName, sides.vm),
  ]);
  const userland = userlandSource(template);
  const vmRequest = {
    templateId: template.id,
    name: vmName,
    vm: sides.vm,
    ...(userland && { userland }),
    startPaused: true,
    twinId,
  };
  // The image is packed (and the kernel fetched) before any part is made: an image that cannot
  // boot as a VM (no shell, another CPU) is refused with nothing to roll back.
  if (sides.vm.userland)
    await deps.vms.prepareUserland(vmRequest, {
      signal,
      onProgress: ({ step, download }) => progress({ step, part: 'vm', ...(download && { download }) }),
    });
  signal.throwIfAborted();

  // One controller for the parts: the first failure stops the others' downloads and pulls too.
  const parts = new AbortController();
  const stopParts = () => parts.abort();
  signal.addEventListener('abort', stopParts, { once: true });
  const made: { role: TwinRole; guest: Guest }[] = [];
  const failures: unknown[] = [];
  const part = async (role: TwinRole, work: () => Promise<Guest>) => {
    try {
      return await work();
    } catch (error) {
      failures.push(error);
      parts.abort();
      return undefined;
    }
  };

  const containerPart = (role: 'container' | 'sandbox', spec: ContainerCreateSpec) =>
    part(role, async () => {
      let armReadyTimer: (() => void) | undefined;
      const guest = await deps.containers.create(spec, {
        signal: parts.signal,
        beforeStart: async (id) => {
          armReadyTimer = await deps.attachContainerConsole(id);
        },
        onStep: (step) => {
          if (step === 'starting') armReadyTimer?.();
          progress({ step, part: role });
        },
        onPullProgress: (pull) => progress({ step: 'pulling', part: role, pull }),
      });
      made.push({ role, guest });
      return guest;
    });

  const systemPart = (systemRequest: SystemCreateRequest, systems: NonNullable<TwinCreatorDeps['systems']>) =>
    part('system', async () => {
      let startedAtMs = performance.now();
      const guest = await systems.service.create(systemRequest, {
        signal: parts.signal,
        onStep: (step) => {
          if (step === 'starting') startedAtMs = performance.now();
          progress({ step, part: 'system' });
        },
      });
      made.push({ role: 'system', guest });
      // Its console opens once it runs (an exec needs a running instance); the timer ran from the start call.
      await systems.attachConsole(guest.id, startedAtMs).catch(() => undefined);
      return guest;
    });

  const vmPart = () =>
    part('vm', async () => {
      const created = await deps.vms.create(vmRequest, {
        signal: parts.signal,
        onProgress: ({ step, download }) => progress({ step, part: 'vm', ...(download && { download }) }),
      });
      made.push({ role: 'vm', guest: created });
      parts.signal.throwIfAborted();
      progress({ step: 'booting', part: 'vm' });
      return deps.bootVm(created, sides.vm.readyPattern);
    });

  try {
    const guests = await Promise.all([
      ...containerSpecs.map(({ role, spec }) => containerPart(role, spec)),
      ...(systemRequest && deps.systems ? [systemPart(systemRequest, deps.systems)] : []),
      vmPart(),
    ]);
    if (failures.length === 0 && !signal.aborted)
      return { twinId, guests: guests.filter(isGuest), ...(leftOut.length > 0 && { leftOut }) };
  } finally {
    signal.removeEventListener('abort', stopParts);
  }

  await removeParts(deps, made);
  if (signal.aborted) throw twinError('cancelled', { name: request.name });
  throw failures[0] instanceof Error ? failures[0] : new Error(String(failures[0]));
}

function isGuest(guest: Guest | undefined): guest is Guest {
  return guest !== undefined;
}

async function removeParts(deps: TwinCreatorDeps, made: { role: TwinRole; guest: Guest }[]): Promise<void> {
  await Promise.all(
    made.map(({ role, guest }) =>
      removePart(deps, role, guest.id).catch((error: unknown) =>
        deps.log?.warn(`twin rollback: could not remove ${guest.name}`, error),
      ),
    ),
  );
}

function removePart(deps: TwinCreatorDeps, role: TwinRole, id: string): Promise<unknown> {
  if (role === 'vm') return deps.vms.remove(id);
  if (role === 'system') return deps.systems ? deps.systems.service.action(id, 'remove') : Promise.resolve();
  return deps.containers.remove(id);
}

/** The system column left out, with why: never an error, the other columns are made anyway. */
function systemLeftOut(reason: string): NonNullable<TwinCreated['leftOut']>[number] {
  return {
    role: 'system',
    key: 'twins.leftOut.system',
    message: `The system container column is left out because LXD/Incus is not ready: ${reason}. The Host page says how to install and initialise it.`,
    params: { reason },
  };
}

/** The container service's own checks (name free, image present or pullable, ports, runtime). */
async function validateContainer(containers: ContainerService, spec: ContainerCreateSpec): Promise<void> {
  const first = (await containers.validate(spec))[0];
  if (first) throw problemError(first);
}

/**
 * What VmService.create would refuse, checked before any part is made: the name, the memory and
 * the boot files. The service checks again when it creates.
 */
async function validateVm(deps: TwinCreatorDeps, name: string, vm: VmSide): Promise<void> {
  const existing = await deps.vms.get(name).then(
    () => true,
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'not-found') return false;
      throw error;
    },
  );
  if (existing) throw vmError('nameTaken', { name });
  const available = await deps.host.memAvailableBytes();
  if (vm.memoryMiB * MiB > available)
    throw vmError('notEnoughMemory', { neededMiB: vm.memoryMiB, availableMiB: Math.floor(available / MiB) });
  for (const file of [vm.boot?.kernel, vm.boot?.initrd]) {
    if (
      file !== undefined &&
      !(await stat(file).then(
        () => true,
        () => false,
      ))
    )
      throw vmError('kernelMissing', { file });
  }
}
