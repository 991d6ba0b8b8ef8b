/**
 * Validation against the real host: ports really held by another program, names really taken,
 * runtimes as docker info reports them. And the Review step's `docker run` line, run by the real
 * CLI, creates the same container as the service does.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineGate } from '../../support/engines';
import { cleanUp, docker, runPrefix, services, specOf } from './support';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const prefix = runPrefix('valid');

describe.skipIf(gate.skip)('validation and the docker run line on the real host', () => {
  const { containers } = services();
  let held: Server;
  let heldPort: number;
  let dir: string;

  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '0.0.0.0', resolve));
    heldPort = (held.address() as { port: number }).port;
    dir = await mkdtemp(join(tmpdir(), 'twinlab-validate-it-'));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => held.close(() => resolve()));
    await cleanUp(prefix);
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a host port another program listens on, and a taken name', async () => {
    const existing = await containers.create(specOf({ name: `${prefix}-taken` }));
    const problems = await containers.validate(
      specOf({
        name: `${prefix}-taken`,
        ports: [{ container: 80, host: heldPort }],
        binds: [{ source: join(dir, 'missing'), target: '/mnt' }],
        runtime: 'kata-qemu',
        memoryMiB: 1024 * 1024,
      }),
    );
    expect(problems.map(({ field, key }) => ({ field, key }))).toEqual([
      { field: 'name', key: 'containers.validate.nameTaken' },
      { field: 'runtime', key: 'containers.validate.runtimeUnavailable' },
      { field: 'ports.0.host', key: 'containers.validate.hostPortInUse' },
      { field: 'memoryMiB', key: 'containers.validate.memoryTooHigh' },
      { field: 'binds.0.source', key: 'containers.validate.bindSourceMissing' },
    ]);
    await containers.remove(existing.id);
  });

  it('publishes a port and then sees it in use', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '0.0.0.0', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const spec = specOf({ name: `${prefix}-web`, ports: [{ container: 8080, host: free }] });
    expect(await containers.validate(spec)).toEqual([]);
    const guest = await containers.create(spec);
    const again = await containers.validate(
      specOf({ name: `${prefix}-web2`, ports: [{ container: 8080, host: free }] }),
    );
    expect(again.map((problem) => problem.key)).toEqual(['containers.validate.hostPortInUse']);
    await containers.remove(guest.id);
  });

  it('refuses what Docker would refuse half way: a read-only anonymous volume', async () => {
    const problems = await containers.validate(
      specOf({ name: `${prefix}-ro`, volumes: [{ target: '/cache', readOnly: true }] }),
    );
    expect(problems.map((problem) => problem.key)).toEqual(['containers.validate.anonymousVolumeReadOnly']);
  });

  it('prints a docker run line that the real CLI turns into the same container', async () => {
    const source = join(dir, 'site, v2');
    await mkdir(source);
    const common = {
      env: { GREETING: "it's me", MODE: 'lab' },
      ports: [{ container: 8080 }, { container: 53, protocol: 'udp' as const }],
      volumes: [{ name: `${prefix}-data`, target: '/data', readOnly: true }, { target: '/cache' }],
      binds: [{ source, target: '/site', readOnly: true }],
      memoryMiB: 48,
      cpus: 0.5,
      restart: 'on-failure:2',
      twinId: 'twin-it',
    };
    const viaService = await containers.create(specOf({ name: `${prefix}-api`, ...common }));
    const preview = await containers.preview(specOf({ name: `${prefix}-cli`, ...common }));
    expect(preview.problems).toEqual([]);
    expect(preview.dockerRunMultiline.split('\n').length).toBeGreaterThan(5);
    await run('sh', ['-c', preview.dockerRun]);

    const comparable = async (name: string) => {
      const info = await docker.getContainer(name).inspect();
      const labels = { ...info.Config.Labels };
      delete labels['io.twinlab.created']; // the moment of creation differs, by design
      const mounts = (info.HostConfig.Mounts ?? []).map((mount) => ({
        Type: mount.Type,
        Source: mount.Source || '',
        Target: mount.Target,
        ReadOnly: mount.ReadOnly ?? false,
      }));
      return {
        Cmd: info.Config.Cmd,
        Env: [...(info.Config.Env ?? [])].sort(), // docker CLI versions differ in the order they send -e flags
        Tty: info.Config.Tty,
        OpenStdin: info.Config.OpenStdin,
        ExposedPorts: info.Config.ExposedPorts,
        Labels: labels,
        Memory: info.HostConfig.Memory,
        NanoCpus: info.HostConfig.NanoCpus,
        RestartPolicy: info.HostConfig.RestartPolicy,
        PortBindings: info.HostConfig.PortBindings,
        Mounts: mounts,
        Runtime: info.HostConfig.Runtime,
        NetworkMode: info.HostConfig.NetworkMode,
        Running: info.State.Running,
      };
    };
    const api = await comparable(`${prefix}-api`);
    expect(await comparable(`${prefix}-cli`)).toEqual(api);
    expect(api).toMatchObject({ Memory: 48 * 1024 * 1024, NanoCpus: 500_000_000, Running: true });

    // The CLI's copy carries the managed label, so the service may remove it; the named volume stays.
    const cliGuest = (await containers.list('twinlab')).find((guest) => guest.name === `${prefix}-cli`);
    expect(cliGuest?.twinId).toBe('twin-it');
    await containers.remove(`${prefix}-cli`);
    await containers.remove(viaService.id);
    expect((await docker.getVolume(`${prefix}-data`).inspect()).Labels).toMatchObject({
      'io.twinlab.managed': 'true',
    });
  });
});
