import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { ContainerPage } from './pages/container-page';
import { ContainerWizard } from './pages/container-wizard';
import { HostPage } from './pages/host-page';
import { LabPage } from './pages/lab-page';
import { VmWizard } from './pages/vm-wizard';

const run = promisify(execFile);
/**
 * An engine that is not there, without stopping the real daemons other tests use: the server is
 * pointed at sockets nobody listens on, which is what a machine without Docker or libvirt shows.
 */
const absentDocker = { DOCKER_HOST: 'unix:///run/twinlab-absent/docker.sock' };
const absentLibvirt = { TWINLAB_LIBVIRT_URI: 'qemu+unix:///system?socket=/run/twinlab-absent/libvirt-sock' };

/** Opens the Lab and waits until the status bar has heard from both engines. */
async function openLab(page: Page, down: 'docker' | 'libvirt'): Promise<{ shell: AppShell; lab: LabPage }> {
  const shell = new AppShell(page);
  await shell.open('Lab');
  const up = down === 'docker' ? 'libvirt' : 'docker';
  await expect.poll(() => shell.engineState(down), { timeout: 15_000 }).toBe('down');
  await expect.poll(() => shell.engineState(up), { timeout: 30_000 }).toBe('up');
  return { shell, lab: new LabPage(page) };
}

describe.skipIf((await engineGate(['libvirt'])).skip)('first run without Docker', () => {
  const app = appUnderTest(absentDocker);

  it('says on the Lab what is missing, links the Host page fix, and VMs stay usable', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const { lab } = await openLab(page, 'docker');
    const alert = page.getByTestId('engine-missing-docker');
    await expect.poll(() => alert.innerText()).toContain('Virtual machines still work.');
    expect(await alert.innerText()).toContain('Docker is not answering');
    expect(await alert.innerText()).toContain(absentDocker.DOCKER_HOST);
    expect(await page.getByTestId('engine-missing-libvirt').count()).toBe(0);
    await capture(page, 'first-run-no-docker-lab');
    await page.emulateMedia({ colorScheme: 'dark' });
    await capture(page, 'first-run-no-docker-lab-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // The link leads to the Host page, where the failing check carries the fix.
    await alert.getByRole('link', { name: 'See how to install or start it on the Host page' }).click();
    await page.waitForURL(/#\/host$/);
    const host = new HostPage(page);
    await host.waitForReport();
    expect(await host.checkStatus('docker-reachable')).toBe('fail');

    // The VM side still works: the wizard reaches Review with libvirt's own domain XML preview.
    await new AppShell(page).open('Lab');
    await lab.newVmButton().click();
    const wizard = new VmWizard(page);
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-microvm');
    await wizard.next('Resources');
    await wizard.next('Network');
    await wizard.next('Review');
    expect(await wizard.domainXml()).toContain('/microvm/vmlinuz</kernel>');
    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await context.close();
  });
});

describe.skipIf((await engineGate(['docker'])).skip)('first run without libvirt', () => {
  const app = appUnderTest(absentLibvirt);
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await run('docker', ['rm', '-f', name]).catch(() => undefined);
  });

  it('says on the Lab what is missing, in every language, and containers are still made and run', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const { shell, lab } = await openLab(page, 'libvirt');
    const alert = page.getByTestId('engine-missing-libvirt');
    await expect.poll(() => alert.innerText()).toContain('Containers still work.');
    expect(await alert.innerText()).toContain('libvirt is not answering');
    expect(await page.getByTestId('engine-missing-docker').count()).toBe(0);
    await capture(page, 'first-run-no-libvirt-lab');
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const [label, title] of [
      ['简体中文', 'libvirt 没有响应'],
      ['한국어', 'libvirt가 응답하지 않습니다'],
    ] as const) {
      await shell.chooseLanguage(label);
      await expect.poll(() => alert.innerText()).toContain(title);
      await capture(page, `first-run-no-libvirt-lab-${label === '한국어' ? 'ko' : 'zh-CN'}-dark`);
    }
    await shell.chooseLanguage('English');
    await page.emulateMedia({ colorScheme: 'light' });

    await lab.newContainerButton().click();
    const wizard = new ContainerWizard(page);
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-busybox');
    await wizard.next('Resources');
    const name = await wizard.nameInput().inputValue();
    created.push(name);
    await wizard.next('Network & storage');
    await wizard.next('Review');
    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await wizard.createButton().click();
    await page.waitForURL(/#\/guests\/[0-9a-f]{12,}\/console$/, { timeout: 60_000 });
    await expect.poll(() => new ContainerPage(page).state(), { timeout: 15_000 }).toBe('running');
    const { stdout } = await run('docker', ['inspect', '-f', '{{.State.Status}}', name]);
    expect(stdout.trim()).toBe('running');
    await run('docker', ['rm', '-f', name]);
    await context.close();
  });
});
