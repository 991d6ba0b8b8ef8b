/**
 * Where the Docker API is: DOCKER_HOST when set, else the default socket, else a Podman
 * Docker-compatible socket (rootless first). Pure over its inputs so it can be unit-tested.
 */
export type DockerEndpoint =
  | { kind: 'socket'; socketPath: string }
  | { kind: 'tcp'; host: string; port: number; protocol: 'http' | 'https' };

export function resolveDockerEndpoint(
  env: Record<string, string | undefined>,
  exists: (path: string) => boolean,
): DockerEndpoint {
  const dockerHost = env['DOCKER_HOST'];
  if (dockerHost) return parseDockerHost(dockerHost);
  const candidates = [
    '/var/run/docker.sock',
    env['XDG_RUNTIME_DIR'] && `${env['XDG_RUNTIME_DIR']}/podman/podman.sock`,
    '/run/podman/podman.sock',
  ].filter((path): path is string => Boolean(path));
  const socketPath = candidates.find(exists) ?? '/var/run/docker.sock';
  return { kind: 'socket', socketPath };
}

export function parseDockerHost(value: string): DockerEndpoint {
  if (value.startsWith('unix://')) return { kind: 'socket', socketPath: value.slice('unix://'.length) };
  const url = new URL(value.replace(/^tcp:\/\//, 'http://'));
  const protocol = url.protocol === 'https:' ? 'https' : 'http';
  return { kind: 'tcp', host: url.hostname, port: Number(url.port || 2375), protocol };
}

export function describeEndpoint(endpoint: DockerEndpoint): string {
  return endpoint.kind === 'socket'
    ? `unix://${endpoint.socketPath}`
    : `${endpoint.protocol}://${endpoint.host}:${endpoint.port}`;
}
