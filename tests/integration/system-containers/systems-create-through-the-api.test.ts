/**
 * One system container through the router, as the New system container wizard makes it, on the
 * real LXD: the store's images, the preview (lxc launch line and YAML), a create from the fixture
 * template with the wizard's own limits, its Stats and Inspect, every refusal before anything is
 * made, a cancel half way that removes what it made, and a user's own instance left untouched.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { ApiError } from '../../../src/shared/errors';
import type { MethodInput } from '../../../src/shared/api';
import { engineGate } from '../../support/engines';
import { startTestLab, type LabClient } from '../../support/lab-client';

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const gate = await engineGate(['docker', 'lxd']);
const image = 'twinlab-fixture/busybox-system';
const suffix = process.pid.toString(36);
const mine = `tl-it-new-${suffix}`;
const cancelled = `tl-it-cancel-${suffix}`;
const users = `users-box-${suffix}`;

type Spec = MethodInput<'systems.preview'>['spec'];
const fromTemplate = (name: string, extra: Partial<Spec> = {}): Spec => ({
  source: { kind: 'template', templateId: 'fixture-ladder' },
  name,
  ...extra,
});

async function refusal(client: LabClient, spec: Spec): Promise<ApiError> {
  const error = await client.call('systems.preview', { spec }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe.skipIf(gate.skip)('systems.create through the API on LXD', () => {
  const labs: Lab[] = [];
  let client: LabClient;
  let instancesBefore = '';

  beforeAll(async () => {
    // A user's own instance, made with the CLI and never labelled: Twinlab must leave it alone.
    await lxc('init', image, users);
    instancesBefore = await lxc('list', '--format', 'csv', '-c', 'n');
    const started = await startTestLab('docker');
    labs.push(started.lab);
    client = started.client;
  }, 120_000);

  afterAll(async () => {
    for (const lab of labs) await lab.dispose();
    for (const name of [mine, cancelled, users]) await lxc('delete', '--force', name).catch(() => undefined);
  }, 120_000);

  it('lists the container images in LXD’s store with alias, description and size', async () => {
    const images = await client.call('systems.images', {});
    const fixture = images.find((each) => each.aliases.includes(image));
    expect(fixture).toMatchObject({
      description: expect.stringContaining('BusyBox'),
      architecture: 'x86_64',
    });
    expect(fixture?.sizeBytes).toBeGreaterThan(100_000);
    expect(fixture?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('previews the lxc launch line and the instance YAML, the wizard’s limits over the template’s', async () => {
    const preview = await client.call('systems.preview', {
      spec: fromTemplate(mine, { memoryMiB: 48, cpus: 1 }),
    });
    expect(preview.image).toBe(image);
    expect(preview.launch).toBe(
      [
        `lxc launch ${image} ${mine}`,
        '  -c limits.memory=48MiB',
        '  -c limits.cpu=1',
        '  -c user.twinlab.managed=true',
        '  -c user.twinlab.template=fixture-ladder',
      ].join(' \\\n'),
    );
    expect(preview.yaml).toContain(
      `name: ${mine}\ntype: container\nsource:\n  type: image\n  alias: ${image}\n`,
    );
    expect(preview.host.cpus).toBeGreaterThanOrEqual(1);
    expect(await lxc('list', '--format', 'csv', '-c', 'n')).toBe(instancesBefore); // nothing made
  });

  it('refuses, before making anything, with a sentence for each problem', async () => {
    expect((await refusal(client, fromTemplate(users))).key).toBe('systems.error.nameTaken');
    expect((await refusal(client, fromTemplate('1-bad.name'))).key).toBe('systems.error.badName');
    const missing = await refusal(client, { source: { kind: 'image', image: 'no-such/image' }, name: mine });
    expect(missing.key).toBe('systems.error.imageMissing');
    expect(missing.message).toMatch(/has no image "no-such\/image"\. Import it/);
    const memory = await refusal(client, fromTemplate(mine, { memoryMiB: 10_000_000 }));
    expect(memory.key).toBe('systems.error.memoryOutOfRange');
    expect(memory.message).toMatch(/Pick between 16 and \d+ MiB/);
    expect((await refusal(client, fromTemplate(mine, { memoryMiB: 8 }))).key).toBe(
      'systems.error.memoryOutOfRange',
    );
    const cpus = await refusal(client, fromTemplate(mine, { cpus: 4000 }));
    expect(cpus.key).toBe('systems.error.cpusOutOfRange');
    const noSystem = await refusal(client, {
      source: { kind: 'template', templateId: 'fixture-busybox' },
      name: mine,
    });
    expect(noSystem.key).toBe('systems.error.templateHasNoSystem');
    const create = await client
      .call('systems.create', { spec: fromTemplate(users), operationId: 'refused-1' })
      .catch((caught: unknown) => caught);
    expect((create as ApiError).key).toBe('systems.error.nameTaken');
    expect(await lxc('list', '--format', 'csv', '-c', 'n')).toBe(instancesBefore);
  });

  it('creates and starts it from the template, labelled as Twinlab’s, and its shell answers init', async () => {
    const guest = await client.call('systems.create', {
      spec: fromTemplate(mine, { memoryMiB: 48, cpus: 1 }),
      operationId: 'create-1',
    });
    expect(guest).toMatchObject({ id: mine, kind: 'system', state: 'running', managed: true });
    expect(guest.templateId).toBe('fixture-ladder');
    expect(await lxc('config', 'get', mine, 'limits.memory')).toBe('48MiB\n');
    expect(await lxc('config', 'get', mine, 'limits.cpu')).toBe('1\n');
    const steps = client
      .of('operation.progress')
      .filter((progress) => progress.operationId === 'create-1')
      .map((progress) => progress.step);
    expect(steps).toEqual(['validating', 'creating', 'starting', 'done']);
    const [result] = await client.call('console.run', {
      targets: [{ kind: 'system', guestId: mine }],
      command: 'cat /proc/1/comm',
      timeoutMs: 20_000,
    });
    expect(result?.ok && result.output.trim()).toBe('init');
  }, 120_000);

  it('reads Stats from /state and Inspect with the uid map and init’s PID on the host', async () => {
    const stats = await client.call('systems.stats', { id: mine });
    expect(stats.memoryBytes).toBeGreaterThan(0);
    expect(stats.memoryLimitBytes).toBe(48 * 1024 * 1024);
    expect(stats.processes).toBeGreaterThanOrEqual(1);
    expect(Date.parse(stats.at)).toBeGreaterThan(0);
    const inspect = await client.call('systems.inspect', { id: mine });
    expect(inspect.instance).toMatchObject({
      name: mine,
      config: expect.objectContaining({ 'limits.memory': '48MiB' }),
    });
    const uids = inspect.idmap.find((range) => range.nsid === 0 && range.kind !== 'gid');
    expect(uids?.hostid).toBeGreaterThan(0); // root inside is an ordinary uid outside
    expect(inspect.hostPid).toBe(stats.hostPid);
    expect((await readFile(`/proc/${inspect.hostPid}/comm`, 'utf8')).trim()).toBe('init');
    // The user's own instance can be read, never changed.
    expect((await client.call('systems.inspect', { id: users })).hostPid).toBeNull();
    const refused = await client
      .call('systems.action', { id: users, action: 'remove' })
      .catch((e: unknown) => e);
    expect((refused as ApiError).key).toBe('systems.error.notManaged');
  });

  it('takes, restores and deletes snapshots of its own instance, and only lists the user’s', async () => {
    const marker = (text?: string) =>
      lxc('exec', mine, '--', 'sh', '-c', text ? `echo ${text} > /root/marker` : 'cat /root/marker');
    await marker('before');
    expect(await client.call('systems.snapshots', { id: mine })).toEqual([]);
    const taken = await client.call('systems.snapshot', { id: mine, action: 'create', snapshot: 'snap0' });
    expect(taken).toEqual([{ name: 'snap0', createdAt: expect.any(String), stateful: false }]);
    expect(await lxc('query', `/1.0/instances/${mine}/snapshots`)).toContain(`/snapshots/snap0`);
    const twice = await client
      .call('systems.snapshot', { id: mine, action: 'create', snapshot: 'snap0' })
      .catch((caught: unknown) => caught);
    expect((twice as ApiError).key).toBe('systems.error.snapshotTaken');

    await marker('after');
    await client.call('systems.snapshot', { id: mine, action: 'restore', snapshot: 'snap0' });
    expect((await marker()).trim()).toBe('before');
    expect((await client.call('systems.stats', { id: mine })).hostPid).toBeGreaterThan(0); // running again

    expect(await client.call('systems.snapshot', { id: mine, action: 'delete', snapshot: 'snap0' })).toEqual(
      [],
    );
    const gone = await client
      .call('systems.snapshot', { id: mine, action: 'restore', snapshot: 'snap0' })
      .catch((caught: unknown) => caught);
    expect((gone as ApiError).key).toBe('systems.error.snapshotMissing');

    expect(await client.call('systems.snapshots', { id: users })).toEqual([]);
    const foreign = await client
      .call('systems.snapshot', { id: users, action: 'create', snapshot: 'snap0' })
      .catch((caught: unknown) => caught);
    expect((foreign as ApiError).key).toBe('systems.error.notManaged');
    expect(await lxc('query', `/1.0/instances/${users}/snapshots`)).not.toContain('snap0');
  }, 120_000);

  it('removes what it made when the create is cancelled half way', async () => {
    const created = client.call('systems.create', {
      spec: { source: { kind: 'image', image }, name: cancelled },
      operationId: 'cancel-1',
    });
    await client.waitFor(
      () =>
        client.of('operation.progress').some((p) => p.operationId === 'cancel-1' && p.step === 'creating'),
      'the create to start',
      30_000,
    );
    await client.call('operations.cancel', { operationId: 'cancel-1' });
    const error = await created.catch((caught: unknown) => caught);
    expect((error as ApiError).key).toBe('systems.error.cancelled');
    expect((error as ApiError).message).toMatch(/was cancelled and what it had made was removed/);
    expect(await lxc('list', '--format', 'csv', '-c', 'n', cancelled)).toBe('');
  }, 120_000);

  it('says LXD is not ready, with what to do, when its socket does not answer', async () => {
    const away = await startTestLab('docker', { TWINLAB_LXD_SOCKET: '/nonexistent/lxd.socket' });
    labs.push(away.lab);
    const error = await away.client
      .call('systems.preview', { spec: fromTemplate(mine) })
      .catch((e: unknown) => e);
    expect((error as ApiError).key).toBe('systems.error.unavailable');
    expect((error as ApiError).message).toMatch(/Install and initialise it \(see the Host page\)/);
  }, 60_000);

  it('removes its own instance and leaves the user’s as it was', async () => {
    expect(await client.call('systems.action', { id: mine, action: 'remove' })).toBeNull();
    expect(await lxc('list', '--format', 'csv', '-c', 'n', mine)).toBe('');
    expect(await lxc('list', '--format', 'csv', '-c', 'ns', users)).toBe(`${users},STOPPED\n`);
    expect(await lxc('config', 'get', users, 'user.twinlab.managed')).toBe('\n');
  }, 60_000);
});
