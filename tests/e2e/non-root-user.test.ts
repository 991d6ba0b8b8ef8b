import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { ContainerPage } from './pages/container-page';
import { ContainerWizard } from './pages/container-wizard';
import { HostPage } from './pages/host-page';
import { LabPage } from './pages/lab-page';
import { VmPage } from './pages/vm-page';
import { VmWizard } from './pages/vm-wizard';

const run = promisify(execFile);
/**
 * The ordinary desktop user .ci/run runs this file as (scripts/setup-ci-user.sh makes it). The root
 * run of `npm test` has no such user to be, so it leaves this file to that second pass.
 */
const testUser = process.env['TWINLAB_TEST_USER'];
const gate = testUser ? await engineGate(['docker', 'libvirt']) : { skip: true };
if (!testUser) console.warn('SKIPPED: run as an ordinary user by .ci/run (TWINLAB_TEST_USER)');

describe.skipIf(gate.skip)('an ordinary user in the docker, libvirt and kvm groups', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
    const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });
    await virsh('destroy', name).catch(() => undefined);
    await virsh('undefine', name).catch(() => undefined);
  });

  it('is who this test and the server run as, not root', async () => {
    expect(userInfo().username).toBe(testUser);
    expect(process.getuid?.()).not.toBe(0);
    const { stdout } = await run('ps', ['-o', 'user=', '-p', String(suite.server.pid)]);
    expect(stdout.trim()).toBe(testUser);
  });

  it('sees the Host page say its groups are in order', async () => {
    const { context, page } = await openTallApp(suite.browser, suite.server.url);
    const host = new HostPage(page);
    await new AppShell(page).open('Host');
    await host.waitForReport();
    for (const group of ['docker', 'libvirt', 'kvm']) {
      expect(await host.checkStatus(`group-${group}`), group).toBe('ok');
      expect(await host.check(`group-${group}`).innerText()).toContain(testUser);
    }
    await capture(page, 'non-root-host');
    await context.close();
  });

  it('creates a container and a VM in browser mode, each really running, and removes them', async () => {
    const { context, page } = await openTallApp(suite.browser, suite.server.url);
    const shell = new AppShell(page);
    const lab = new LabPage(page);

    await shell.open('Lab');
    await lab.newContainerButton().click();
    const containerWizard = new ContainerWizard(page);
    await containerWizard.waitForStep('Template');
    await containerWizard.pickTemplate('fixture-busybox');
    await containerWizard.next('Resources');
    const containerName = await containerWizard.nameInput().inputValue();
    suite.created.add(containerName);
    await containerWizard.next('Network & storage');
    await containerWizard.next('Review');
    await expect.poll(() => containerWizard.createButton().isEnabled()).toBe(true);
    await containerWizard.createButton().click();
    await page.waitForURL(/#\/guests\/[0-9a-f]{12,}\/console$/, { timeout: 60_000 });
    const container = new ContainerPage(page);
    await expect.poll(() => container.state(), { timeout: 15_000 }).toBe('running');
    await container.terminal().waitUntilOpen();
    await container.terminal().run('id -u');
    await container.terminal().waitForText(/id -u\s*\n0\s/);
    const { stdout: dockerState } = await run('docker', [
      'inspect',
      '-f',
      '{{.State.Status}}',
      containerName,
    ]);
    expect(dockerState.trim()).toBe('running');

    await shell.open('Lab');
    await lab.newVmButton().click();
    const vmWizard = new VmWizard(page);
    await vmWizard.waitForStep('Template');
    await vmWizard.pickTemplate('fixture-microvm');
    await vmWizard.next('Resources');
    const vmName = await vmWizard.nameInput().inputValue();
    suite.created.add(vmName);
    await vmWizard.next('Network');
    await vmWizard.next('Review');
    await expect.poll(() => vmWizard.createButton().isEnabled()).toBe(true);
    await vmWizard.createButton().click();
    await page.waitForURL(/#\/guests\/[0-9a-f-]{36}\/console$/, { timeout: 60_000 });
    const vm = new VmPage(page);
    await expect.poll(() => vm.state(), { timeout: 30_000 }).toBe('running');
    await vm.terminal().waitUntilOpen(60_000);
    await vm.terminal().waitForText('TWINLAB-READY', 60_000);
    const { stdout: domState } = await run('virsh', ['-c', 'qemu:///system', 'domstate', vmName]);
    expect(domState.trim()).toBe('running');

    await shell.open('Lab');
    await lab.guestCard(containerName).waitFor();
    await lab.guestCard(vmName).waitFor();
    await capture(page, 'non-root-lab');

    await lab.openGuest(vmName);
    await vm.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 60_000 });
    await lab.openGuest(containerName);
    await container.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 60_000 });
    await expect.poll(() => lab.guestCard(vmName).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => lab.guestCard(containerName).count(), { timeout: 30_000 }).toBe(0);
    suite.created.delete(vmName);
    suite.created.delete(containerName);
    await context.close();
  });
});
