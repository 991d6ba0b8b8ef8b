import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/errors';
import { containerApiError, describeDockerError } from '../../../src/main/lab/engines/docker/docker-errors';
import { containerGuest, guestRuntime, guestState } from '../../../src/main/lab/engines/docker/guest-mapper';
import { pullApiError } from '../../../src/main/lab/engines/docker/image-pull';
import { runtimeInfoOf } from '../../../src/main/lab/engines/docker/runtime-info';

/** docker-modem's error for an HTTP answer: message prefix, statusCode and the parsed body. */
function modemError(statusCode: number, message: string): Error {
  return Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${message} `), {
    statusCode,
    reason: 'unexpected',
    json: { message },
  });
}

const inspect = {
  Id: 'abc',
  Name: '/demo',
  Created: '2025-01-01T00:00:00.000000000Z',
  State: { Status: 'running', StartedAt: '2025-01-01T00:00:01.5Z' },
  Config: {
    Labels: {
      'io.twinlab.managed': 'true',
      'io.twinlab.template': 'fixture-busybox',
      'io.twinlab.twin': 'tw-1',
      'io.twinlab.created': '2025-01-01T00:00:00.000Z',
    },
  },
  HostConfig: { Runtime: 'runsc' },
};

describe('containerGuest', () => {
  it('maps Twinlab’s container from inspect', () => {
    expect(containerGuest(inspect)).toEqual({
      id: 'abc',
      name: 'demo',
      kind: 'container',
      engine: 'docker',
      runtime: 'runsc',
      state: 'running',
      templateId: 'fixture-busybox',
      twinId: 'tw-1',
      createdAt: '2025-01-01T00:00:00.000Z',
      startedAt: '2025-01-01T00:00:01.5Z',
      managed: true,
    });
  });

  it('maps someone else’s never-started container as unmanaged', () => {
    expect(
      containerGuest({
        ...inspect,
        State: { Status: 'created', StartedAt: '0001-01-01T00:00:00Z' },
        Config: { Labels: null },
        HostConfig: { Runtime: 'runc' },
      }),
    ).toEqual({
      id: 'abc',
      name: 'demo',
      kind: 'container',
      engine: 'docker',
      runtime: 'runc',
      state: 'stopped',
      templateId: '',
      createdAt: '2025-01-01T00:00:00.000000000Z',
      managed: false,
    });
  });

  it('maps states and runtimes', () => {
    expect(
      ['created', 'running', 'restarting', 'paused', 'exited', 'removing', 'dead', 'weird'].map(guestState),
    ).toEqual(['stopped', 'running', 'running', 'paused', 'stopped', 'removing', 'error', 'unknown']);
    expect(
      [undefined, '', 'runc', 'io.containerd.runc.v2', 'runsc', 'kata-qemu', 'kata-fc'].map(guestRuntime),
    ).toEqual(['runc', 'runc', 'runc', 'runc', 'runsc', 'kata', 'kata']);
  });
});

describe('runtimeInfoOf', () => {
  it('finds runtimes registered without network (docker info on the CI host)', () => {
    expect(
      runtimeInfoOf({
        Runtimes: {
          'io.containerd.runc.v2': { path: 'runc' },
          runc: { path: 'runc' },
          runsc: { path: '/usr/bin/runsc', runtimeArgs: ['--network=none'] },
          'kata-qemu': { path: '/opt/kata/bin/kata-qemu', runtimeArgs: ['--network', 'none'] },
        },
        DefaultRuntime: 'runc',
        NCPU: 2,
        MemTotal: 25276063744,
      }),
    ).toEqual({
      runtimes: ['io.containerd.runc.v2', 'kata-qemu', 'runc', 'runsc'],
      networkNoneRuntimes: ['kata-qemu', 'runsc'],
      defaultRuntime: 'runc',
      cpus: 2,
      memoryBytes: 25276063744,
    });
    expect(runtimeInfoOf({})).toEqual({ runtimes: [], networkNoneRuntimes: [], defaultRuntime: 'runc' });
  });
});

describe('Docker errors as ApiErrors', () => {
  it('reads docker-modem’s error shape', () => {
    expect(describeDockerError(modemError(404, 'No such container: nope'))).toEqual({
      statusCode: 404,
      detail: 'No such container: nope',
    });
    expect(
      describeDockerError(
        Object.assign(new Error('connect ENOENT /var/run/docker.sock'), { code: 'ENOENT' }),
      ),
    ).toEqual({
      errno: 'ENOENT',
      detail: 'connect ENOENT /var/run/docker.sock',
    });
  });

  it.each([
    [modemError(404, 'No such container: nope'), 'not-found', 'containers.notFound'],
    [modemError(409, 'Container abc is not running'), 'conflict', 'containers.stateConflict'],
    [modemError(500, 'Container abc is not paused'), 'conflict', 'containers.stateConflict'],
    [modemError(500, 'something broke'), 'internal', 'containers.engine.failed'],
    [
      Object.assign(new Error('connect ECONNREFUSED /var/run/docker.sock'), { code: 'ECONNREFUSED' }),
      'engine-unavailable',
      'containers.engine.unavailable',
    ],
    [
      Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }),
      'engine-unavailable',
      'containers.engine.noPermission',
    ],
  ])('%s → %s %s', (error, code, key) => {
    const apiError = containerApiError(error, 'demo');
    expect(apiError).toBeInstanceOf(ApiError);
    expect({ code: apiError.code, key: apiError.key }).toEqual({ code, key });
  });

  it.each([
    [
      modemError(
        500,
        'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.53:53: no such host',
      ),
      'containers.image.pullUnreachable',
    ],
    [
      modemError(500, 'Get "http://127.0.0.1:9/v2/": dial tcp 127.0.0.1:9: connect: connection refused'),
      'containers.image.pullUnreachable',
    ],
    [
      modemError(404, "pull access denied for nope, repository does not exist or may require 'docker login'"),
      'containers.image.pullNotFound',
    ],
    [
      modemError(500, 'manifest for busybox:nope not found: manifest unknown'),
      'containers.image.pullNotFound',
    ],
    [modemError(500, 'unauthorized: authentication required'), 'containers.image.pullFailed'],
  ])('pull failure %#: %s', (error, key) => {
    expect(pullApiError(error, 'busybox:nope').key).toBe(key);
  });
});
