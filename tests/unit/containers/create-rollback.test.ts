import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { ContainerService } from '../../../src/main/lab/containers/container-service';
import type { ContainerHostFacts } from '../../../src/main/lab/containers/validate';
import {
  containerCreateSpecSchema,
  type ContainerCreateSpecInput,
} from '../../../src/main/lab/engines/docker/container-spec';

/**
 * The rollback logic of create against a scripted fake Docker: the failure points that cannot be
 * provoked on demand with the real daemon (after a pull, after making a volume). The real-daemon
 * rollback is covered by the integration tests.
 */
class ScriptedDocker {
  readonly calls: string[] = [];
  readonly volumes = new Set<string>(['existing-data']);
  failAt: 'create' | 'start' | undefined;
  hangPull = false;

  pull = async (image: string) => {
    this.calls.push(`pull ${image}`);
    const stream = new PassThrough();
    if (this.hangPull) {
      stream.write(`${JSON.stringify({ status: 'Pulling fs layer', id: 'l1' })}\n`);
      return stream;
    }
    stream.end(
      [
        { status: 'Pulling fs layer', id: 'l1' },
        { status: 'Downloading', id: 'l1', progressDetail: { current: 5, total: 10 } },
        { status: 'Pull complete', id: 'l1' },
        { status: `Status: Downloaded newer image for ${image}` },
      ]
        .map((event) => JSON.stringify(event))
        .join('\n') + '\n',
    );
    return stream;
  };

  // Twinlab hands dockerode an encoded path segment (Docker decodes it): record the reference.
  getImage = (segment: string) => ({
    remove: async () => void this.calls.push(`remove image ${decodeURIComponent(segment)}`),
  });

  getVolume = (name: string) => ({
    inspect: async () => {
      if (this.volumes.has(name)) return { Name: name };
      throw Object.assign(new Error('no such volume'), { statusCode: 404 });
    },
    remove: async () => {
      this.calls.push(`remove volume ${name}`);
      this.volumes.delete(name);
    },
  });

  createVolume = async (options: { Name: string; Labels: Record<string, string> }) => {
    this.calls.push(`create volume ${options.Name} managed=${options.Labels['io.twinlab.managed']}`);
    this.volumes.add(options.Name);
  };

  createContainer = async (options: { name: string }) => {
    this.calls.push(`create container ${options.name}`);
    if (this.failAt === 'create') {
      throw Object.assign(
        new Error('(HTTP code 409) unexpected - Conflict. The container name is already in use'),
        {
          statusCode: 409,
          json: { message: 'Conflict. The container name "/demo" is already in use' },
        },
      );
    }
    return {
      id: 'c1',
      start: async () => {
        this.calls.push('start c1');
        if (this.failAt === 'start') {
          throw Object.assign(new Error('start failed'), {
            statusCode: 400,
            json: { message: 'exec: "/nope": stat /nope: no such file or directory' },
          });
        }
      },
      remove: async (options: { force?: boolean; v?: boolean }) =>
        void this.calls.push(`remove container c1 force=${options.force} v=${options.v}`),
      inspect: async () => ({
        Id: 'c1',
        Name: '/demo',
        Created: 'x',
        State: { Status: 'running' },
        Config: { Labels: { 'io.twinlab.managed': 'true', 'io.twinlab.template': 't' } },
        HostConfig: {},
      }),
    };
  };
}

const facts: ContainerHostFacts = {
  takenNames: [],
  hostPorts: {},
  isRoot: true,
  totalMemoryBytes: 8 * 1024 ** 3,
  cpuCount: 2,
  runtimes: ['runc'],
  networkNoneRuntimes: [],
  imagePresent: true,
  registryReachable: true,
  missingPaths: [],
};

function setup(overrides: Partial<ContainerHostFacts> = {}) {
  const docker = new ScriptedDocker();
  const service = new ContainerService({
    docker: () => docker as unknown as Docker,
    hostFacts: async () => ({ ...facts, ...overrides }),
  });
  return { docker, service };
}

const spec = (input: Partial<ContainerCreateSpecInput> = {}) =>
  containerCreateSpecSchema.parse({ name: 'demo', image: 'demo:1', templateId: 't', ...input });

describe('ContainerService.create rollback', () => {
  it('undoes container, new volume and pulled image when start fails', async () => {
    const { docker, service } = setup({ imagePresent: false });
    docker.failAt = 'start';
    const progress: number[] = [];
    await expect(
      service.create(
        spec({
          volumes: [
            { name: 'new-data', target: '/data' },
            { name: 'existing-data', target: '/old' },
          ],
        }),
        {
          onPullProgress: (step) => progress.push(step.percent),
        },
      ),
    ).rejects.toMatchObject({ code: 'bad-input', key: 'containers.create.startFailed' });
    expect(docker.calls).toEqual([
      'pull demo:1',
      'create volume new-data managed=true',
      'create container demo',
      'start c1',
      'remove container c1 force=true v=true',
      'remove volume new-data',
      'remove image demo:1',
    ]);
    expect(docker.volumes).toEqual(new Set(['existing-data']));
    expect(progress.at(-1)).toBe(100);
  });

  it('leaves an image it did not pull and a volume it did not make', async () => {
    const { docker, service } = setup();
    docker.failAt = 'create';
    await expect(
      service.create(spec({ volumes: [{ name: 'existing-data', target: '/data' }] })),
    ).rejects.toMatchObject({
      code: 'conflict',
      key: 'containers.validate.nameTaken',
    });
    expect(docker.calls).toEqual(['create container demo']);
  });

  it('creates nothing when validation finds a problem', async () => {
    const { docker, service } = setup({ takenNames: ['demo'] });
    await expect(service.create(spec())).rejects.toMatchObject({
      code: 'conflict',
      key: 'containers.validate.nameTaken',
      params: { name: 'demo', field: 'name' },
    });
    expect(docker.calls).toEqual([]);
  });

  it('cancels a pull half way and removes nothing it did not make', async () => {
    const { docker, service } = setup({ imagePresent: false });
    docker.hangPull = true;
    const controller = new AbortController();
    const created = service.create(spec(), {
      signal: controller.signal,
      onPullProgress: () => controller.abort(),
    });
    await expect(created).rejects.toMatchObject({ key: 'containers.create.cancelled' });
    expect(docker.calls).toEqual(['pull demo:1']);
  });

  it('returns the running guest when all goes well', async () => {
    const { docker, service } = setup();
    await expect(service.create(spec())).resolves.toMatchObject({
      id: 'c1',
      state: 'running',
      managed: true,
    });
    expect(docker.calls).toEqual(['create container demo', 'start c1']);
  });
});
