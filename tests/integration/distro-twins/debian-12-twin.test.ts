/**
 * The built-in Debian 12 distro twin end to end on the real dockerd and libvirtd, offline: its
 * container is debian:bookworm-slim (through the lab's registry mirror), and its VM's image comes
 * through an HTTP mirror serving scripts/build-cloud-image.sh's stand-in at the official path with its
 * SHA512SUMS; Twinlab downloads it with progress and verifies the SHA-512, then the VM boots the way the
 * official image boots (BIOS → GRUB → kernel → systemd → cloud-init NoCloud) to `login:` on the serial
 * console, and the password vms.login shows logs the learner in there. Prints the time to `login:`
 * (the number a lesson quotes for a distro twin under TCG).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import { engineGate } from '../../support/engines';
import { labVmStorage } from '../../support/lab-storage';
import type { LabClient } from '../../support/lab-client';
import { removeLeftovers, startLabWithDocker } from '../../support/twin';
import { uniqueName } from '../vms/support';

const gate = await engineGate(['libvirt', 'docker']);
const mirrorRoot = process.env['TWINLAB_MIRROR_DIR'] ?? '/var/lib/twinlab/mirror';
const IMAGE = 'debian-12-genericcloud-amd64.qcow2';
const published = join(mirrorRoot, 'cloud.debian.org/images/cloud/bookworm/latest');
const imageCache = labVmStorage.images;
const BOOT_TIMEOUT_MS = 15 * 60_000; // systemd + cloud-init (Python) under TCG on a shared 2-core host

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/**
 * Removes the cached image and the digest remembered for it, so the download is real here and
 * the tests that expect this image to be unavailable offline still find it so afterwards.
 */
async function forgetCachedImage(sha512: string): Promise<void> {
  await rm(join(imageCache, `sha512-${sha512}.qcow2`), { force: true });
  const pins = join(imageCache, 'pins');
  for (const pin of await readdir(pins).catch(() => [])) {
    const text = await readFile(join(pins, pin), 'utf8').catch(() => '');
    if (text.includes(sha512)) await rm(join(pins, pin), { force: true });
  }
}

async function sha512Of(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** BusyBox's httpd (the Debian package the lab mirror uses) serving the mirror folder on `port`. */
async function serveMirror(port: number): Promise<ChildProcess> {
  const httpd = spawn('busybox', ['httpd', '-f', '-p', `127.0.0.1:${port}`, '-h', mirrorRoot], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // The body is cancelled: undici crashes the process when a paused response's socket is closed
    // by the server (nodejs/undici#5360), and BusyBox httpd closes after every response.
    const answered = await fetch(`http://127.0.0.1:${port}/`).then(
      async (response) => {
        await response.body?.cancel();
        return true;
      },
      () => false,
    );
    if (answered) return httpd;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  httpd.kill();
  throw new Error(`busybox httpd did not answer on 127.0.0.1:${port}`);
}

describe.skipIf(gate.skip)('the built-in Debian 12 distro twin, its cloud image through a mirror', () => {
  let lab: Lab;
  let client: LabClient;
  let httpd: ChildProcess | undefined;
  let configHome = '';
  let sha512 = '';
  const name = uniqueName('debian12');
  const operationId = `${name}-create`;

  beforeAll(async () => {
    const sums = await readFile(join(published, 'SHA512SUMS'), 'utf8').catch(() => {
      throw new Error(
        `the Debian 12 cloud-image stand-in is missing from ${published}: run scripts/setup-lab-host.sh as root (it runs scripts/build-cloud-image.sh)`,
      );
    });
    sha512 = new RegExp(`^([0-9a-f]{128}) [ *]${IMAGE.replaceAll('.', '\\.')}$`, 'm').exec(sums)?.[1] ?? '';
    expect(sha512, 'SHA512SUMS lists the image').toMatch(/^[0-9a-f]{128}$/);
    await forgetCachedImage(sha512);
    const port = await freePort();
    httpd = await serveMirror(port);
    // TWINLAB_MIRROR, with no user setting of the caller's in the way (that one would win).
    configHome = await mkdtemp(join(tmpdir(), 'twinlab-it-debian12-config-'));
    ({ lab, client } = await startLabWithDocker({
      TWINLAB_MIRROR: `http://127.0.0.1:${port}`,
      XDG_CONFIG_HOME: configHome,
    }));
  }, 60_000);

  afterAll(async () => {
    client?.close();
    await lab?.dispose();
    await removeLeftovers(name);
    if (sha512) await forgetCachedImage(sha512);
    httpd?.kill();
    if (configHome) await rm(configHome, { recursive: true, force: true });
  });

  it(
    'downloads and verifies the image, boots the VM to login:, the generated password logs in; Debian 12 on both sides',
    async () => {
      const started = performance.now();
      const twin = await client.call('twins.create', {
        templateId: 'debian-12-twin',
        name,
        sandbox: 'off',
        operationId,
      });
      const guest = twin.guests.find((g) => g.kind === 'vm');
      const container = twin.guests.find((g) => g.kind === 'container');
      if (!guest || !container) throw new Error(`the twin lacks a part: ${JSON.stringify(twin)}`);
      const downloads = client
        .of('operation.progress')
        .filter((p) => p.operationId === operationId && p.part === 'vm' && p.download)
        .map((p) => p.download);
      const imageBytes = (await stat(join(published, IMAGE))).size;
      expect(downloads.length).toBeGreaterThan(1);
      expect(downloads.at(-1)).toMatchObject({ receivedBytes: imageBytes });
      const cached = join(imageCache, `sha512-${sha512}.qcow2`);
      expect(await sha512Of(cached)).toBe(sha512);

      const session = await client.call('console.open', {
        target: { kind: 'vm', guestId: guest.id },
        cols: 120,
        rows: 40,
      });
      await client.call('console.attach', { sessionId: session.id });
      await client.waitFor(
        () => client.of('vm.booted').some((boot) => boot.id === guest.id),
        'login: on the serial console',
        BOOT_TIMEOUT_MS,
      );
      const boot = client.of('vm.booted').find((b) => b.id === guest.id);
      expect(boot?.pattern).toBe('login:');
      console.log(
        `Debian 12 cloud image (stand-in) under ${guest.runtime}: boot to login: ${boot?.readyMs} ms; ` +
          `before it (download, SHA-512, disk, seed, define) ${Math.round(performance.now() - started - (boot?.readyMs ?? 0))} ms`,
      );

      const login = await client.call('vms.login', { id: guest.id });
      expect(login?.user).toBe('learner');
      const password = login?.password ?? '';
      expect(password).not.toBe('');
      const output = () => client.output(session.id);
      const typeAndWait = async (text: string, pattern: RegExp, what: string, timeoutMs = 120_000) => {
        const from = output().length;
        await client.call('console.write', { sessionId: session.id, data: text });
        await client.waitFor(() => pattern.test(output().slice(from)), what, timeoutMs);
      };
      // cloud-init's runcmd restarts the getty with autologin: wait for the learner's shell, then
      // prove the password with su, which asks for it (a wrong one first, so the check can fail).
      await client.waitFor(() => /learner@[\w-]+:~\$ $/.test(output()), "the learner's shell", 300_000);
      await typeAndWait('su - learner\r', /Password: $/, 'su to ask for the password');
      await typeAndWait('not-the-password\r', /Authentication failure/, 'a wrong password refused', 30_000);
      await typeAndWait('su - learner\r', /Password: $/, 'su to ask again');
      await typeAndWait(`${password}\r`, /learner@[\w-]+:~\$ $/, 'a login shell with the generated password');
      await typeAndWait(
        'echo "$(id -un) on $(. /etc/os-release; echo $ID-$VERSION_ID) with $(cat /proc/1/comm)"\r',
        /learner on debian-12 with systemd/,
        'the user, the distribution and its init',
      );
      const [inContainer] = await client.call('console.run', {
        targets: [{ kind: 'container', guestId: container.id }],
        command: 'echo "$(. /etc/os-release; echo $ID-$VERSION_ID) on $(uname -r)"',
      });
      expect(inContainer?.output).toContain(`debian-12 on ${release()}`); // the host's kernel, not the VM's
      await client.call('vms.action', { id: guest.id, action: 'remove' });
      await client.call('containers.action', { id: container.id, action: 'remove' });
    },
    BOOT_TIMEOUT_MS + 300_000,
  );
});
