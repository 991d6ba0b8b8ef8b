/**
 * Through the router on the real libvirtd: `vms.importImage` turns the fixture microVM's kernel and
 * initrd into a user template that `vms.create` boots to its marker; bad input is refused before
 * anything is copied; a cloud-init VM gets a generated password that `vms.login` shows and that
 * survives a stop and a start.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { labVmStorage } from '../../support/lab-storage';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { removeDomain } from './support';

const run = promisify(execFile);
const gate = await engineGate(['libvirt']);
const prefix = `tl-imp-${process.pid}`;
const kernel = join(fixturesDir, 'microvm', 'vmlinuz');
const initrd = join(fixturesDir, 'microvm', 'initrd.img');

/** Removes a download the image cache remembers (its pin) and holds (the file the pin names). */
async function forgetCachedDownload(checksums: string, url: string): Promise<void> {
  const pin = join(
    labVmStorage.images,
    'pins',
    `${createHash('sha256').update(`${checksums}\n${url}`).digest('hex')}.json`,
  );
  const digest = JSON.parse(await readFile(pin, 'utf8').catch(() => '{}')) as {
    algorithm?: string;
    hex?: string;
  };
  if (digest.hex) {
    const key = digest.algorithm === 'sha256' ? digest.hex : `${digest.algorithm}-${digest.hex}`;
    await rm(join(labVmStorage.images, `${key}.qcow2`), { force: true });
  }
  await rm(pin, { force: true });
}

describe.skipIf(gate.skip)('importing VM images and cloud-init logins, through the API', () => {
  let lab: Lab;
  let client: LabClient;
  let configHome: string;
  let work: string;
  const domains: string[] = [];
  const userTemplates = () => join(configHome, 'twinlab', 'templates');
  const errorKey = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { key?: string }) => error.key,
    );

  beforeAll(async () => {
    configHome = await mkdtemp(join(tmpdir(), `${prefix}-config-`));
    work = await mkdtemp(join(tmpdir(), `${prefix}-files-`));
    // No mirror: the machine's /etc/xdg/twinlab/mirrors.yaml would serve the cloud image this test
    // proves offline refusal with.
    ({ lab, client } = await startTestLab('libvirt', {
      XDG_CONFIG_HOME: configHome,
      XDG_CONFIG_DIRS: join(configHome, 'no-machine-settings'),
    }));
  });
  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    for (const name of domains) await removeDomain(name);
    await rm(configHome, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('imports the fixture kernel + initrd as a template, and vms.create boots it to TWINLAB-READY', async () => {
    const imported = await client.call('vms.importImage', {
      kind: 'kernel',
      kernel,
      initrd,
      cmdline: 'console=ttyS0 panic=-1 quiet',
      name: `Imported microVM ${prefix}`,
      operationId: `${prefix}-import`,
    });
    expect(imported.templateId).toBe(`imported-microvm-${prefix}`);
    expect(imported.templateFile).toBe(join(userTemplates(), `${imported.templateId}.yaml`));
    const steps = client
      .of('operation.progress')
      .filter((p) => p.operationId === `${prefix}-import`)
      .map((p) => p.step);
    expect(steps).toEqual(expect.arrayContaining(['validating', 'importing', 'done']));

    const file = parse(await readFile(imported.templateFile, 'utf8')) as {
      vm: { boot: { kernel: string; initrd: string } };
    };
    expect(file.vm.boot.kernel).toBe(join(labVmStorage.images, 'kernels', `${imported.sha256}.vmlinuz`));
    expect((await readFile(file.vm.boot.kernel)).equals(await readFile(kernel))).toBe(true);

    const entry = (await client.call('templates.list', {})).entries.find(
      (e) => e.template.id === imported.templateId,
    );
    expect(entry).toMatchObject({ source: 'user', template: { vm: { readyPattern: 'TWINLAB-READY' } } });

    const name = `${prefix}-micro`;
    domains.push(name);
    const guest = await client.call('vms.create', {
      templateId: imported.templateId,
      name,
      operationId: `${prefix}-create`,
    });
    await client.waitFor(
      () => client.of('vm.booted').some((boot) => boot.id === guest.id),
      'the imported microVM to print TWINLAB-READY',
      120_000,
    );
    expect(await client.call('vms.login', { id: guest.id })).toBeNull(); // no cloud-init, no login
    await client.call('vms.action', { id: guest.id, action: 'remove' });
  }, 300_000);

  it('previews a built-in cloud-image template, and offline refuses to create it with a sentence', async () => {
    const name = `${prefix}-debian`;
    domains.push(name);
    const { xml } = await client.call('vms.preview', { templateId: 'debian-12-cloud-vm', name });
    expect(xml).toMatch(/<twinlab:user>learner<\/twinlab:user>/);
    expect(xml).not.toContain('twinlab:password'); // generated at create, never in a preview
    // This machine cannot reach cloud.debian.org: the checksum file cannot be read, nothing is made.
    // A copy an earlier run got through a mirror would be used offline, by design: forget it first.
    await forgetCachedDownload(
      'https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS',
      'https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2',
    );
    const error = await client
      .call('vms.create', { templateId: 'debian-12-cloud-vm', name, operationId: `${prefix}-offline` })
      .catch((e: { key?: string; message?: string }) => e);
    expect(error).toMatchObject({ key: 'vms.error.checksumFileUnreachable' });
    expect((error as { message: string }).message).toContain(
      'https://cloud.debian.org/images/cloud/bookworm/latest/SHA512SUMS',
    );
    const { stdout } = await run('virsh', ['-c', 'qemu:///system', 'list', '--all', '--name']);
    expect(stdout.split('\n')).not.toContain(name);
  });

  it('refuses bad input with a sentence before copying anything', async () => {
    const textFile = join(work, 'notes.txt');
    await writeFile(textFile, 'not a disk\n');
    const before = await readdir(labVmStorage.images).catch(() => []);
    const common = { name: `Broken ${prefix}`, operationId: `${prefix}-bad` };
    expect(
      await errorKey(
        client.call('vms.importImage', { kind: 'disk', disk: join(work, 'gone.qcow2'), ...common }),
      ),
    ).toBe('vms.error.importNotFound');
    expect(await errorKey(client.call('vms.importImage', { kind: 'disk', disk: textFile, ...common }))).toBe(
      'vms.error.importNotDiskImage',
    );
    expect(
      await errorKey(client.call('vms.importImage', { kind: 'kernel', kernel: textFile, ...common })),
    ).toBe('vms.error.importNotKernel');
    expect(
      await errorKey(client.call('vms.importImage', { kind: 'kernel', kernel, initrd: textFile, ...common })),
    ).toBe('vms.error.importNotInitrd');
    // The fixtures' own template name is taken.
    expect(
      await errorKey(
        client.call('vms.importImage', {
          kind: 'kernel',
          kernel,
          initrd,
          name: 'fixture-microvm',
          operationId: `${prefix}-dup`,
        }),
      ),
    ).toBe('vms.error.importTemplateTaken');
    expect(
      await errorKey(client.call('vms.importImage', { kind: 'disk', disk: 'relative.qcow2', ...common })),
    ).toBe('error.badInput');
    expect(await readdir(labVmStorage.images).catch(() => [])).toEqual(before);
    expect(existsSync(join(userTemplates(), `broken-${prefix}.yaml`))).toBe(false);
  });

  it('gives a cloud-init VM a generated password, shown by vms.login and kept after stop and start', async () => {
    // A blank qcow2 stands in for a cloud image: the password lives in the seed and the domain, not the disk.
    const disk = join(work, 'blank.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', disk, '64M']);
    const imported = await client.call('vms.importImage', {
      kind: 'disk',
      disk,
      name: `Blank cloud ${prefix}`,
      memoryMiB: 128,
      operationId: `${prefix}-disk`,
    });
    const name = `${prefix}-cloud`;
    domains.push(name);
    const guest: Guest = await client.call('vms.create', {
      templateId: imported.templateId,
      name,
      operationId: `${prefix}-create-cloud`,
    });
    const login = await client.call('vms.login', { id: guest.id });
    expect(login?.user).toBe('learner');
    expect(login?.password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    // The seed cloud-init reads carries the same password.
    const seed = join(labVmStorage.vms, guest.id, 'seed.iso');
    const extracted = join(work, 'user-data');
    await run('xorriso', ['-osirrox', 'on', '-indev', seed, '-extract', '/user-data', extracted]);
    expect(await readFile(extracted, 'utf8')).toContain(`plain_text_passwd: ${login?.password}`);

    await client.call('vms.action', { id: guest.id, action: 'forceOff' });
    expect(await client.call('vms.login', { id: guest.id })).toEqual(login);
    await client.call('vms.action', { id: guest.id, action: 'start' });
    expect((await client.call('guests.list', {})).find((g) => g.id === guest.id)?.state).toBe('running');
    expect(await client.call('vms.login', { id: guest.id })).toEqual(login);

    // Another VM from the same template gets a password of its own.
    const second = `${prefix}-cloud-2`;
    domains.push(second);
    const other = await client.call('vms.create', {
      templateId: imported.templateId,
      name: second,
      operationId: `${prefix}-create-cloud-2`,
    });
    const otherLogin = await client.call('vms.login', { id: other.id });
    expect(otherLogin?.password).not.toBe(login?.password);
    await client.call('vms.action', { id: other.id, action: 'remove' });
    await client.call('vms.action', { id: guest.id, action: 'remove' });
  }, 300_000);
});
