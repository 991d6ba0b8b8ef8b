/**
 * A twin as one thing, through the router on real dockerd, libvirtd and LXD: a ladder twin
 * (container, gVisor sandbox, system container, and a VM on a disk overlay with a cloud-init seed)
 * is stopped, started and deleted in one call each; after the delete the engines hold nothing of
 * it: no container with its label, no domain, no VM folder (overlay and seed ISO), no LXD instance,
 * no console session. A container that merely carries the twin's label without being Twinlab's is
 * left alone. The VM's disk is a blank image imported into the cache (no OS boots, none is needed).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { TwinCreated } from '../../../src/shared/compare';
import { ImageCache } from '../../../src/main/lab/images';
import { ApiError } from '../../../src/shared/errors';
import { engineGate } from '../../support/engines';
import type { LabClient } from '../../support/lab-client';
import { labVmStorage } from '../../support/lab-storage';
import { removeLeftovers, startLabWithDocker, stopTwinLab } from '../../support/twin';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt', 'lxd']);
const prefix = `tl-one-${process.pid}`;

/** `lxc` reads instance config from a stdin that is not a terminal: give it an empty one. */
const lxc = (...args: string[]) =>
  new Promise<string>((resolve, reject) => {
    const child = execFile('lxc', args, { timeout: 60_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end();
  });

const containersLabelled = async (twinId: string) =>
  (await run('docker', ['ps', '-aq', '--filter', `label=io.twinlab.twin=${twinId}`])).stdout
    .split('\n')
    .filter(Boolean);
const domainsNamed = async (name: string) =>
  (await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name'])).stdout
    .split('\n')
    .filter((line) => line.startsWith(name));
const lxdInstancesNamed = async (name: string) =>
  (await lxc('list', '--format', 'csv', '--columns', 'n'))
    .split('\n')
    .filter((line) => line.startsWith(name));
const stateOf = async (client: LabClient, twin: TwinCreated) =>
  (await client.call('guests.list', {}))
    .filter((guest) => guest.twinId === twin.twinId)
    .map((guest) => `${guest.name}:${guest.state}`)
    .sort();

describe.skipIf(gate.skip)('a twin as one thing, on real dockerd, libvirtd and LXD', () => {
  let lab: Lab;
  let client: LabClient;
  let twin: TwinCreated;
  const foreign = `${prefix}-foreign`;
  let templates: string;

  beforeAll(async () => {
    await removeLeftovers(prefix);
    templates = await mkdtemp(join(tmpdir(), 'twinlab-one-'));
    const blank = join(templates, 'blank.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', blank, '64M']);
    // Content-addressed: a later run imports the same bytes under the same name.
    const { sha256 } = await new ImageCache(labVmStorage.images).importDisk(blank);
    await writeFile(
      join(templates, 'one-ladder.yaml'),
      [
        'id: test-one-ladder',
        'name: Ladder with a disk VM (test)',
        'container: { image: "twinlab-fixture/busybox:1", shell: /bin/sh, memoryMiB: 64 }',
        'system: { image: twinlab-fixture/busybox-system, shell: /bin/sh, memoryMiB: 64 }',
        'vm:',
        '  memoryMiB: 128',
        '  diskGiB: 1',
        `  image: { url: "http://127.0.0.1:9/never-downloaded.qcow2", sha256: "${sha256}", format: qcow2 }`,
        '',
      ].join('\n'),
    );
    ({ lab, client } = await startLabWithDocker({ TWINLAB_EXTRA_TEMPLATES: templates }));
  }, 60_000);
  afterAll(async () => {
    await stopTwinLab(prefix, { lab, client }, []);
    await lxc('delete', '--force', `${prefix}-system`).catch(() => undefined);
    await rm(templates, { recursive: true, force: true });
  }, 120_000);

  it('makes the ladder twin: container, sandbox, system container and VM under one id', async () => {
    twin = await client.call('twins.create', {
      templateId: 'test-one-ladder',
      name: prefix,
      operationId: 'one-1',
    });
    expect(twin.guests.map((guest) => guest.name)).toEqual(
      ['container', 'sandbox', 'system', 'vm'].map((role) => `${prefix}-${role}`),
    );
    expect(await containersLabelled(twin.twinId)).toHaveLength(2);
    expect(await domainsNamed(prefix)).toEqual([`${prefix}-vm`]);
    expect(await lxdInstancesNamed(prefix)).toEqual([`${prefix}-system`]);
  }, 180_000);

  it('stops every part in one call, switching off a VM that ignores the power button', async () => {
    const stopped = await client.call('twins.stop', { twinId: twin.twinId, timeoutSeconds: 2 });
    expect(stopped.name).toBe(prefix);
    expect(stopped.guests.map((guest) => guest.state)).toEqual(['stopped', 'stopped', 'stopped', 'stopped']);
    expect(await stateOf(client, twin)).toEqual(
      ['container', 'sandbox', 'system', 'vm'].map((role) => `${prefix}-${role}:stopped`),
    );
    const { stdout } = await run('virsh', ['-c', 'qemu:///system', 'domstate', `${prefix}-vm`]);
    expect(stdout.trim()).toBe('shut off');
  }, 60_000);

  it('starts every part in one call; the VM starts as its own Start button starts it', async () => {
    const started = await client.call('twins.start', { twinId: twin.twinId });
    expect(started.guests.map((guest) => guest.state)).toEqual(['running', 'running', 'running', 'running']);
    const { stdout } = await run('virsh', ['-c', 'qemu:///system', 'domstate', `${prefix}-vm`]);
    expect(stdout.trim()).toBe('running');
    // Its serial console was opened for the boot timer before the vCPUs ran.
    const vmConsole = (await client.call('console.list', {})).find(
      (s) => s.owner === `vm:${twin.guests[3]?.id}`,
    );
    expect(vmConsole?.state).toBe('open');
  }, 60_000);

  it('deletes every part in one call and leaves nothing behind', async () => {
    // Consoles are open (made at create and start); the delete ends them with their guests.
    const ids = new Set(twin.guests.map((guest) => guest.id));
    const owned = () =>
      client
        .call('console.list', {})
        .then((sessions) => sessions.filter((s) => ids.has(s.owner?.split(':').slice(1).join(':') ?? '')));
    expect((await owned()).length).toBeGreaterThan(0);
    const vmDir = join(labVmStorage.vms, twin.guests[3]?.id ?? 'none');
    expect((await readdir(vmDir)).sort()).toEqual(['disk.qcow2', 'seed.iso']);
    // A container carrying the twin's label but not made by Twinlab is not a part of it.
    await run('docker', [
      'create',
      '--name',
      foreign,
      '--label',
      `io.twinlab.twin=${twin.twinId}`,
      'twinlab-fixture/busybox:1',
    ]);

    const deleted = await client.call('twins.delete', { twinId: twin.twinId });
    expect(deleted).toMatchObject({ twinId: twin.twinId, name: prefix, guests: [] });

    expect(await containersLabelled(twin.twinId)).toHaveLength(1); // the foreign one only
    expect((await run('docker', ['inspect', '--format', '{{.Name}}', foreign])).stdout.trim()).toBe(
      `/${foreign}`,
    );
    expect(await domainsNamed(prefix)).toEqual([]);
    expect(await lxdInstancesNamed(prefix)).toEqual([]);
    await expect(readdir(vmDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await owned()).toEqual([]);
    expect(
      (await client.call('guests.list', {})).filter((guest) => guest.managed && guest.twinId === twin.twinId),
    ).toEqual([]);
    await run('docker', ['rm', '-f', foreign]);
  }, 120_000);

  it('answers a second delete with a sentence: the twin is gone', async () => {
    const error = await client.call('twins.delete', { twinId: twin.twinId }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not-found', key: 'twins.error.twinNotFound' });
  });
});
