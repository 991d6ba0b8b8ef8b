import { describe, expect, it } from 'vitest';
import { describeEndpoint, resolveDockerEndpoint } from '../../../src/main/lab/engines/docker/endpoint';

describe('Docker endpoint', () => {
  it('follows DOCKER_HOST for unix sockets and tcp', () => {
    expect(resolveDockerEndpoint({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }, () => false)).toEqual({
      kind: 'socket',
      socketPath: '/run/user/1000/docker.sock',
    });
    expect(describeEndpoint(resolveDockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2376' }, () => false))).toBe(
      'http://10.0.0.5:2376',
    );
  });

  it('uses the default socket, else a Podman socket (rootless first)', () => {
    const only = (path: string) => (candidate: string) => candidate === path;
    expect(resolveDockerEndpoint({}, only('/var/run/docker.sock'))).toMatchObject({
      socketPath: '/var/run/docker.sock',
    });
    expect(
      resolveDockerEndpoint({ XDG_RUNTIME_DIR: '/run/user/1000' }, only('/run/user/1000/podman/podman.sock')),
    ).toMatchObject({
      socketPath: '/run/user/1000/podman/podman.sock',
    });
    expect(resolveDockerEndpoint({}, only('/run/podman/podman.sock'))).toMatchObject({
      socketPath: '/run/podman/podman.sock',
    });
    expect(resolveDockerEndpoint({}, () => false)).toMatchObject({ socketPath: '/var/run/docker.sock' });
  });
});
