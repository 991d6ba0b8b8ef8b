import { describe, expect, it, vi } from 'vitest';
import type { ContainerService } from '../../../src/main/lab/containers';
import { createTwin, type TwinCreatorDeps } from '../../../src/main/lab/twins/twin-creator';
import type { VmService } from '../../../src/main/lab/vms';
import { ApiError } from '../../../src/shared/errors';
import type { Guest } from '../../../src/shared/guest';
import { templateSchema } from '../../../src/shared/template';

const template = templateSchema.parse({
  id: 'tw',
  name: 'Twin',
  container: { image: 'busybox:1' },
  vm: { memoryMiB: 128, boot: { kernel: '/proc/version' } },
});
const guest = (name: string, kind: Guest['kind']): Guest => ({
  id: `id-${name}`,
  name,
  kind,
  engine: kind === 'vm' ? 'libvirt' : 'docker',
  runtime: kind === 'vm' ? 'qemu-tcg' : 'runc',
  state: 'running',
  templateId: 'tw',
  createdAt: 'now',
  managed: true,
});

/** Fakes of the two services: the orchestration (parallel parts, rollback) is what is under test. */
function fakes(vmCreate: () => Promise<Guest>) {
  const containers = {
    validate: vi.fn(async () => []),
    create: vi.fn(async (spec: { name: string }) => guest(spec.name, 'container')),
    remove: vi.fn(async (_id: string) => undefined),
  };
  const vms = {
    get: vi.fn(async () => {
      throw new ApiError('not-found', 'vms.error.notFound', 'gone');
    }),
    create: vi.fn(vmCreate),
    remove: vi.fn(async () => undefined),
  };
  const deps: TwinCreatorDeps = {
    catalog: async () => ({ entries: [{ template, source: 'extra', file: '/t.yaml' }], problems: [] }),
    containers: containers as unknown as ContainerService,
    vms: vms as unknown as VmService,
    runtimes: async () => ['runc', 'runsc'],
    host: { memAvailableBytes: async () => 8 * 1024 ** 3 },
    attachContainerConsole: async () => () => undefined,
    bootVm: async (created) => created,
  };
  return { deps, containers, vms };
}

describe('createTwin', () => {
  it('makes the three parts under one twin id, with parts on the progress', async () => {
    const { deps } = fakes(async () => guest('lab-vm', 'vm'));
    const progress = vi.fn();
    const twin = await createTwin(
      deps,
      { templateId: 'tw', name: 'lab', sandbox: 'auto' },
      new AbortController().signal,
      progress,
    );
    expect(twin.guests.map((g) => g.name)).toEqual(['lab-container', 'lab-sandbox', 'lab-vm']);
    expect(progress).toHaveBeenCalledWith({ step: 'booting', part: 'vm' });
  });

  it('removes the containers already made when the VM part fails, and reports that failure', async () => {
    const failure = new ApiError('internal', 'vms.error.libvirtFailed', 'libvirt could not do this');
    const { deps, containers, vms } = fakes(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10)); // after the containers are made
      throw failure;
    });
    const creating = createTwin(
      deps,
      { templateId: 'tw', name: 'lab', sandbox: 'auto' },
      new AbortController().signal,
      () => undefined,
    );
    await expect(creating).rejects.toBe(failure);
    expect(containers.remove.mock.calls.map(([id]) => id).sort()).toEqual([
      'id-lab-container',
      'id-lab-sandbox',
    ]);
    expect(vms.remove).not.toHaveBeenCalled();
  });

  it('fails before making anything when a name is taken', async () => {
    const { deps, containers, vms } = fakes(async () => guest('lab-vm', 'vm'));
    vms.get.mockResolvedValueOnce(guest('lab-vm', 'vm') as never);
    await expect(
      createTwin(
        deps,
        { templateId: 'tw', name: 'lab', sandbox: 'off' },
        new AbortController().signal,
        () => undefined,
      ),
    ).rejects.toMatchObject({ key: 'vms.error.nameTaken' });
    expect(containers.create).not.toHaveBeenCalled();
    expect(vms.create).not.toHaveBeenCalled();
  });
});
