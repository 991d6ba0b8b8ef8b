/**
 * The probe channel in a VM from a cloud image: the stand-in Debian 12 image of
 * scripts/build-cloud-image.sh (systemd + cloud-init NoCloud, as the official image boots), imported
 * as a template. The seed's twinlab-probe.service starts a root shell on ttyS1; once systemd has run
 * it, console.probe answers through it (as root, with an exit code) and the serial terminal has the
 * console's size, also after the getty on it starts afresh. Slow under TCG: systemd and cloud-init
 * (Python) boot for minutes.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/main/lab';
import type { ConsoleRunResult } from '../../../src/shared/compare';
import type { Guest } from '../../../src/shared/guest';
import { engineGate } from '../../support/engines';
import { fixturesDir } from '../../support/fixtures';
import { labVmStorage } from '../../support/lab-storage';
import { startTestLab, type LabClient } from '../../support/lab-client';
import { removeDomain, uniqueName } from './support';

const gate = await engineGate(['libvirt']);
const image = join(fixturesDir, 'cloud-image', 'debian-12-genericcloud-amd64.qcow2');
const BOOT_TIMEOUT_MS = 15 * 60_000;

describe.skipIf(gate.skip)('the probe channel in a cloud-image VM', () => {
  let lab: Lab;
  let client: LabClient;
  let configHome: string;
  let guest: Guest | undefined;
  let imageKey: string | undefined;
  const name = uniqueName('probe-cloud');

  beforeAll(async () => {
    if (!existsSync(image)) throw new Error(`${image} is missing: run scripts/setup-lab-host.sh`);
    configHome = await mkdtemp(join(tmpdir(), 'tl-probe-cloud-'));
    ({ lab, client } = await startTestLab('libvirt', { XDG_CONFIG_HOME: configHome }));
  }, 60_000);
  afterAll(async () => {
    if (guest) await client.call('vms.action', { id: guest.id, action: 'remove' }).catch(() => undefined);
    client?.close();
    await lab?.dispose();
    await removeDomain(name);
    if (imageKey) await rm(join(labVmStorage.images, `${imageKey}.qcow2`), { force: true });
    await rm(configHome, { recursive: true, force: true });
  }, 60_000);

  it(
    'answers probes through the seed’s probe shell once systemd started it, and sizes the tty',
    async () => {
      const imported = await client.call('vms.importImage', {
        kind: 'disk',
        disk: image,
        name: `Probe cloud ${process.pid}`,
        memoryMiB: 512,
        operationId: `${name}-import`,
      });
      imageKey = imported.sha256;
      const bootStarted = Date.now();
      guest = await client.call('vms.create', {
        templateId: imported.templateId,
        name,
        operationId: `${name}-create`,
      });
      const target = { kind: 'vm' as const, guestId: guest.id };
      const session = await client.call('console.open', { target, cols: 120, rows: 40 });
      await client.call('console.attach', { sessionId: session.id });
      await client.call('console.resize', { sessionId: session.id, cols: 120, rows: 40 });

      let answer: ConsoleRunResult | undefined;
      while (Date.now() - bootStarted < BOOT_TIMEOUT_MS) {
        [answer] = await client.call('console.probe', {
          targets: [target],
          command: 'id -u; cat /etc/debian_version',
          timeoutMs: 20_000,
        });
        // Until the probe shell runs, the fallback types at an idle prompt: there is none (login:).
        if (answer?.ok && answer.exitCode === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5000));
      }
      expect(answer, client.output(session.id).slice(-2000)).toMatchObject({ ok: true, exitCode: 0 });
      expect(answer?.ok && answer.output).toMatch(/^0\n12\.\d+$/);
      console.log(`cloud-image VM: probe channel answered ${Date.now() - bootStarted} ms after create`);

      const started = performance.now();
      const [uname] = await client.call('console.probe', {
        targets: [target],
        command: 'uname -r',
        timeoutMs: 20_000,
      });
      expect(uname).toMatchObject({ ok: true, exitCode: 0 });
      console.log(`cloud-image VM: one probe took ${Math.round(performance.now() - started)} ms`);

      const deadline = Date.now() + 60_000;
      let size = '';
      while (Date.now() < deadline && size !== '40 120') {
        const [tty] = await client.call('console.probe', {
          targets: [target],
          command: 'stty -F /dev/ttyS0 size',
          timeoutMs: 20_000,
        });
        size = tty?.output ?? '';
        if (size !== '40 120') await new Promise((resolve) => setTimeout(resolve, 2000));
      }
      expect(size).toBe('40 120');

      // A getty started afresh (as after a logout, or cloud-init turning on autologin) opens the
      // serial port anew, where it reads 0×0 and sets 24×80: the guest's keeper puts the size back.
      const [restarted] = await client.call('console.probe', {
        targets: [target],
        command: 'systemctl restart serial-getty@ttyS0.service && sleep 1 && stty -F /dev/ttyS0 size',
        timeoutMs: 20_000,
      });
      expect(restarted).toMatchObject({ ok: true, exitCode: 0 });
      console.log(
        `cloud-image VM: ttyS0 size 1 s after the getty restart: ${restarted?.ok && restarted.output}`,
      );
      const keptBy = Date.now() + 15_000;
      size = '';
      while (Date.now() < keptBy && size !== '40 120') {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const [tty] = await client.call('console.probe', {
          targets: [target],
          command: 'stty -F /dev/ttyS0 size',
          timeoutMs: 20_000,
        });
        size = tty?.output ?? '';
      }
      expect(size, `right after the getty restart: ${restarted?.ok ? restarted.output : ''}`).toBe('40 120');
      expect(client.output(session.id)).not.toContain('TWLP-');
    },
    BOOT_TIMEOUT_MS + 120_000,
  );
});
