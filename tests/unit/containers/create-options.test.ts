import { describe, expect, it } from 'vitest';
import {
  containerCreateSpecSchema,
  type ContainerCreateSpecInput,
} from '../../../src/main/lab/engines/docker/container-spec';
import { containerCreateOptions } from '../../../src/main/lab/engines/docker/create-options';
import { dockerRunCommand } from '../../../src/main/lab/engines/docker/docker-run-command';
import { shellJoin, shellQuote } from '../../../src/main/lab/engines/docker/shell-quote';

const createdAt = '2025-01-02T03:04:05.000Z';
const spec = (input: Partial<ContainerCreateSpecInput> = {}) =>
  containerCreateSpecSchema.parse({
    name: 'demo',
    image: 'twinlab-fixture/busybox:1',
    templateId: 'fixture-busybox',
    ...input,
  });

const full = spec({
  name: 'web-1',
  image: 'nginx:1.27',
  command: ['nginx', '-g', 'daemon off;'],
  env: { GREETING: "it's me", MODE: 'lab' },
  ports: [
    { container: 80, host: 8080 },
    { container: 53, protocol: 'udp', lan: true },
  ],
  volumes: [{ name: 'web-data', target: '/data', readOnly: true }, { target: '/cache' }],
  binds: [{ source: '/home/me/site, v2', target: '/usr/share/nginx/html', readOnly: true }],
  memoryMiB: 128,
  cpus: 1.5,
  restart: 'on-failure:3',
  runtime: 'runc',
  twinId: 'twin-7',
});

describe('containerCreateOptions', () => {
  it('maps the minimal spec: image default command runs interactively, labelled', () => {
    expect(containerCreateOptions(spec(), { createdAt, runtimeWithoutNetwork: false })).toEqual({
      name: 'demo',
      Image: 'twinlab-fixture/busybox:1',
      Tty: true,
      OpenStdin: true,
      Labels: {
        'io.twinlab.managed': 'true',
        'io.twinlab.template': 'fixture-busybox',
        'io.twinlab.created': createdAt,
      },
      HostConfig: {},
    });
  });

  it('maps every field of a full spec (golden)', () => {
    expect(containerCreateOptions(full, { createdAt, runtimeWithoutNetwork: false })).toEqual({
      name: 'web-1',
      Image: 'nginx:1.27',
      Cmd: ['nginx', '-g', 'daemon off;'],
      Env: ["GREETING=it's me", 'MODE=lab'],
      Labels: {
        'io.twinlab.managed': 'true',
        'io.twinlab.template': 'fixture-busybox',
        'io.twinlab.twin': 'twin-7',
        'io.twinlab.created': createdAt,
      },
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        Memory: 128 * 1024 * 1024,
        NanoCpus: 1_500_000_000,
        Runtime: 'runc',
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        PortBindings: {
          '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }],
          '53/udp': [{ HostIp: '', HostPort: '' }],
        },
        Mounts: [
          { Type: 'volume', Source: 'web-data', Target: '/data', ReadOnly: true },
          { Type: 'volume', Source: '', Target: '/cache' },
          { Type: 'bind', Source: '/home/me/site, v2', Target: '/usr/share/nginx/html', ReadOnly: true },
        ],
      },
    });
  });

  it('gives a runtime without network NetworkMode none only when the host flag says so', () => {
    const gvisor = spec({ runtime: 'runsc' });
    expect(containerCreateOptions(gvisor, { createdAt, runtimeWithoutNetwork: true }).HostConfig).toEqual({
      Runtime: 'runsc',
      NetworkMode: 'none',
    });
    expect(containerCreateOptions(gvisor, { createdAt, runtimeWithoutNetwork: false }).HostConfig).toEqual({
      Runtime: 'runsc',
    });
  });

  it('runs an explicit command without a terminal unless asked', () => {
    const daemon = containerCreateOptions(spec({ command: ['sleep', '3600'] }), {
      createdAt,
      runtimeWithoutNetwork: false,
    });
    expect(daemon.Tty).toBeUndefined();
    expect(daemon.OpenStdin).toBeUndefined();
    const shell = containerCreateOptions(spec({ command: ['/bin/sh'], interactive: true }), {
      createdAt,
      runtimeWithoutNetwork: false,
    });
    expect(shell).toMatchObject({ Cmd: ['/bin/sh'], Tty: true, OpenStdin: true });
  });

  it('maps the restart policies Docker knows', () => {
    const policy = (restart: string) =>
      containerCreateOptions(spec({ restart }), { createdAt, runtimeWithoutNetwork: false }).HostConfig
        ?.RestartPolicy;
    expect(policy('no')).toEqual({ Name: 'no' });
    expect(policy('always')).toEqual({ Name: 'always' });
    expect(policy('unless-stopped')).toEqual({ Name: 'unless-stopped' });
    expect(policy('on-failure')).toEqual({ Name: 'on-failure', MaximumRetryCount: 0 });
  });

  it('rejects unknown restart policies and runtimes at the schema', () => {
    expect(containerCreateSpecSchema.safeParse({ ...spec(), restart: 'sometimes' }).success).toBe(false);
    expect(containerCreateSpecSchema.safeParse({ ...spec(), runtime: 'crun' }).success).toBe(false);
    expect(containerCreateSpecSchema.safeParse({ ...spec(), runtime: 'kata-qemu' }).success).toBe(true);
    expect(containerCreateSpecSchema.safeParse({ ...spec(), surprise: 1 }).success).toBe(false);
  });
});

describe('dockerRunCommand', () => {
  it('prints the minimal spec', () => {
    expect(dockerRunCommand(spec(), { runtimeWithoutNetwork: false })).toBe(
      'docker run --detach --interactive --tty --name demo --label io.twinlab.managed=true ' +
        '--label io.twinlab.template=fixture-busybox twinlab-fixture/busybox:1',
    );
  });

  it('prints a full spec with shell quoting (golden)', () => {
    expect(dockerRunCommand(full, { runtimeWithoutNetwork: false })).toBe(
      'docker run --detach --name web-1 --label io.twinlab.managed=true --label io.twinlab.template=fixture-busybox ' +
        '--label io.twinlab.twin=twin-7 --runtime runc --memory 128m --cpus 1.5 --restart on-failure:3 ' +
        '--publish 127.0.0.1:8080:80/tcp --publish 53/udp ' +
        '--mount type=volume,source=web-data,target=/data,readonly --mount type=volume,target=/cache ' +
        `--mount 'type=bind,"source=/home/me/site, v2",target=/usr/share/nginx/html,readonly' ` +
        `--env 'GREETING=it'\\''s me' --env MODE=lab nginx:1.27 nginx -g 'daemon off;'`,
    );
  });

  it('prints gVisor without network on such hosts, one option group per line', () => {
    expect(
      dockerRunCommand(
        spec({ runtime: 'runsc', memoryMiB: 64 }),
        { runtimeWithoutNetwork: true },
        { multiline: true },
      ),
    ).toBe(
      [
        'docker run --detach --interactive --tty',
        '  --name demo',
        '  --label io.twinlab.managed=true --label io.twinlab.template=fixture-busybox',
        '  --runtime runsc',
        '  --network none',
        '  --memory 64m',
        '  twinlab-fixture/busybox:1',
      ].join(' \\\n'),
    );
  });
});

describe('shellQuote', () => {
  it.each([
    ['plain-word_1.2', 'plain-word_1.2'],
    ['KEY=value', 'KEY=value'],
    ['/usr/bin:/bin', '/usr/bin:/bin'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", `'it'\\''s'`],
    ['$HOME', "'$HOME'"],
    ['a;b', "'a;b'"],
    ['`x`', "'`x`'"],
    ['*', "'*'"],
    ['line\nbreak', "'line\nbreak'"],
  ])('quotes %j as %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  it('round-trips through a real POSIX shell', async () => {
    const { execFile } = await import('node:child_process');
    const words = ['a b', "it's", '$HOME', '"q"', 'back\\slash', 'x;y', '', 'ünï'];
    const out = await new Promise<string>((resolve, reject) =>
      execFile('sh', ['-c', `printf '%s\\n' ${shellJoin(words)}`], (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      ),
    );
    expect(out).toBe(words.map((word) => `${word}\n`).join(''));
  });
});
