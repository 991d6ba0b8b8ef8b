import { describe, expect, it } from 'vitest';
import {
  containerCreateSpecSchema,
  type ContainerCreateSpecInput,
} from '../../../src/main/lab/engines/docker/container-spec';
import { validateContainerSpec, type ContainerHostFacts } from '../../../src/main/lab/containers/validate';

const GiB = 1024 ** 3;

/** The CI host, as measured: root, 24 GiB, 2 CPUs, runc and runsc (no network), fixture image. */
const host: ContainerHostFacts = {
  takenNames: ['existing', 'users-db'],
  hostPorts: {},
  isRoot: true,
  totalMemoryBytes: 24 * GiB,
  cpuCount: 2,
  runtimes: ['io.containerd.runc.v2', 'runc', 'runsc'],
  networkNoneRuntimes: ['runsc'],
  imagePresent: true,
  registryReachable: false,
  missingPaths: [],
};

const spec = (input: Partial<ContainerCreateSpecInput> = {}) =>
  containerCreateSpecSchema.parse({
    name: 'demo',
    image: 'twinlab-fixture/busybox:1',
    templateId: 'fixture-busybox',
    ...input,
  });

const problemsOf = (input: Partial<ContainerCreateSpecInput>, facts: Partial<ContainerHostFacts> = {}) =>
  validateContainerSpec(spec(input), { ...host, ...facts }).map(({ field, key, params }) => ({
    field,
    key,
    params,
  }));

describe('validateContainerSpec', () => {
  it('accepts a good spec', () => {
    expect(
      problemsOf(
        { memoryMiB: 64, ports: [{ container: 80, host: 8080 }] },
        { hostPorts: { '8080/tcp': 'free' } },
      ),
    ).toEqual([]);
  });

  it.each([
    ['', 'containers.validate.nameRequired', {}],
    ['a', 'containers.validate.nameInvalid', { name: 'a' }],
    ['-lead', 'containers.validate.nameInvalid', { name: '-lead' }],
    ['has space', 'containers.validate.nameInvalid', { name: 'has space' }],
    ['slash/name', 'containers.validate.nameInvalid', { name: 'slash/name' }],
    ['existing', 'containers.validate.nameTaken', { name: 'existing' }],
  ])('name %j → %s', (name, key, params) => {
    expect(problemsOf({ name })).toEqual([{ field: 'name', key, params }]);
  });

  it('accepts names by Docker’s rule', () => {
    for (const name of ['ab', 'A1', 'web_1.test-2', '9lives']) expect(problemsOf({ name })).toEqual([]);
  });

  it('offers import when the image is missing and no registry answers', () => {
    expect(problemsOf({}, { imagePresent: false, registryReachable: false })).toEqual([
      {
        field: 'image',
        key: 'containers.validate.imageMissingOffline',
        params: { image: 'twinlab-fixture/busybox:1' },
      },
    ]);
    expect(problemsOf({}, { imagePresent: false, registryReachable: true })).toEqual([]);
    expect(problemsOf({ pull: 'never' }, { imagePresent: false, registryReachable: true })).toEqual([
      {
        field: 'image',
        key: 'containers.validate.imageMissingNoPull',
        params: { image: 'twinlab-fixture/busybox:1' },
      },
    ]);
  });

  it('rejects image names Docker cannot parse', () => {
    for (const image of ['Busybox', 'busybox:', 'a//b', 'busy box', 'x:tag with space']) {
      expect(problemsOf({ image }).map((problem) => problem.key)).toEqual([
        'containers.validate.imageInvalid',
      ]);
    }
    for (const image of [
      'busybox',
      'library/busybox:1.36',
      'localhost:5000/lab/img:v1',
      'ghcr.io/o/r@sha256:' + 'a'.repeat(64),
    ]) {
      expect(problemsOf({ image })).toEqual([]);
    }
  });

  it('checks host ports: range, privileged, in use, duplicate', () => {
    expect(
      problemsOf(
        {
          ports: [
            { container: 0, host: 70000 },
            { container: 80, host: 80 },
            { container: 81, host: 8080 },
            { container: 82, host: 8081 },
            { container: 83, host: 8081 },
            { container: 84, host: 8081, protocol: 'udp' },
            { container: 85 },
          ],
        },
        { isRoot: false, hostPorts: { '8080/tcp': 'in-use', '8081/tcp': 'free', '8081/udp': 'free' } },
      ),
    ).toEqual([
      { field: 'ports.0.container', key: 'containers.validate.containerPortOutOfRange', params: { port: 0 } },
      { field: 'ports.0.host', key: 'containers.validate.hostPortOutOfRange', params: { port: 70000 } },
      {
        field: 'ports.1.host',
        key: 'containers.validate.hostPortPrivileged',
        params: { port: 80, suggestion: 8080 },
      },
      {
        field: 'ports.2.host',
        key: 'containers.validate.hostPortInUse',
        params: { port: 8080, protocol: 'tcp' },
      },
      {
        field: 'ports.4.host',
        key: 'containers.validate.hostPortDuplicate',
        params: { port: 8081, protocol: 'tcp' },
      },
    ]);
  });

  it('lets root publish ports below 1024', () => {
    expect(
      problemsOf({ ports: [{ container: 80, host: 80 }] }, { isRoot: true, hostPorts: { '80/tcp': 'free' } }),
    ).toEqual([]);
  });

  it('refuses ports for a runtime that has no network on this host', () => {
    expect(problemsOf({ runtime: 'runsc', ports: [{ container: 80 }] })).toEqual([
      { field: 'ports', key: 'containers.validate.portsNeedNetwork', params: { runtime: 'runsc' } },
    ]);
    expect(problemsOf({ runtime: 'runsc', ports: [{ container: 80 }] }, { networkNoneRuntimes: [] })).toEqual(
      [],
    );
  });

  it('bounds memory by Docker’s minimum and the host’s RAM', () => {
    expect(problemsOf({ memoryMiB: 5 })).toEqual([
      {
        field: 'memoryMiB',
        key: 'containers.validate.memoryTooLow',
        params: { memoryMiB: 5, minimumMiB: 6 },
      },
    ]);
    expect(problemsOf({ memoryMiB: 6 })).toEqual([]);
    expect(problemsOf({ memoryMiB: 24 * 1024 })).toEqual([]);
    expect(problemsOf({ memoryMiB: 24 * 1024 + 1 })).toEqual([
      {
        field: 'memoryMiB',
        key: 'containers.validate.memoryTooHigh',
        params: { memoryMiB: 24 * 1024 + 1, totalMiB: 24 * 1024 },
      },
    ]);
  });

  it('bounds CPUs by Docker’s minimum and the host’s CPUs', () => {
    expect(problemsOf({ cpus: 0.005 })).toEqual([
      { field: 'cpus', key: 'containers.validate.cpusTooLow', params: { cpus: 0.005, minimum: 0.01 } },
    ]);
    expect(problemsOf({ cpus: 2 })).toEqual([]);
    expect(problemsOf({ cpus: 2.5 })).toEqual([
      { field: 'cpus', key: 'containers.validate.cpusTooHigh', params: { cpus: 2.5, available: 2 } },
    ]);
  });

  it('names the missing runtime and what is available', () => {
    expect(problemsOf({ runtime: 'kata-qemu' })).toEqual([
      {
        field: 'runtime',
        key: 'containers.validate.runtimeUnavailable',
        params: { runtime: 'kata-qemu', available: 'runc, runsc' },
      },
    ]);
    expect(problemsOf({ runtime: 'runsc' }, { runtimes: ['runc'] })).toEqual([
      { field: 'runtime', key: 'containers.validate.runtimeUnavailableRunsc', params: {} },
    ]);
  });

  it('checks volumes and bind mounts', () => {
    expect(
      problemsOf(
        {
          volumes: [
            { name: 'ok-data', target: '/data', readOnly: true },
            { name: 'x', target: 'relative' },
            { target: '/data', readOnly: true },
          ],
          binds: [
            { source: 'here', target: '/a' },
            { source: '/gone', target: '/b' },
            { source: '/etc', target: '/data' },
          ],
        },
        { missingPaths: ['/gone'] },
      ),
    ).toEqual([
      { field: 'volumes.1.name', key: 'containers.validate.volumeNameInvalid', params: { name: 'x' } },
      {
        field: 'volumes.1.target',
        key: 'containers.validate.mountTargetInvalid',
        params: { target: 'relative' },
      },
      {
        field: 'volumes.2.readOnly',
        key: 'containers.validate.anonymousVolumeReadOnly',
        params: { target: '/data' },
      },
      {
        field: 'volumes.2.target',
        key: 'containers.validate.mountTargetDuplicate',
        params: { target: '/data' },
      },
      {
        field: 'binds.0.source',
        key: 'containers.validate.bindSourceNotAbsolute',
        params: { source: 'here' },
      },
      { field: 'binds.1.source', key: 'containers.validate.bindSourceMissing', params: { source: '/gone' } },
      {
        field: 'binds.2.target',
        key: 'containers.validate.mountTargetDuplicate',
        params: { target: '/data' },
      },
    ]);
  });

  it('checks environment variable names', () => {
    expect(problemsOf({ env: { GOOD_1: 'x', 'A=B': 'y', 'with space': 'z' } })).toEqual([
      { field: 'env.A=B', key: 'containers.validate.envNameInvalid', params: { name: 'A=B' } },
      { field: 'env.with space', key: 'containers.validate.envNameInvalid', params: { name: 'with space' } },
    ]);
  });

  it('writes every message as a sentence with its values filled in', () => {
    const [problem] = validateContainerSpec(spec({ name: 'existing' }), host);
    expect(problem?.message).toBe(
      'A container named “existing” already exists. Choose another name, or remove the old container first.',
    );
  });
});
