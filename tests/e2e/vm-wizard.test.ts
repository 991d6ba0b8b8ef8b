import { execFile } from 'node:child_process';
import { release } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import {
  capture,
  chartPoints,
  guestSuite,
  openWizardInLanguage,
  openTallApp,
  otherLanguages,
} from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { LabPage } from './pages/lab-page';
import { VmPage } from './pages/vm-page';
import { VmWizard } from './pages/vm-wizard';

const run = promisify(execFile);
const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });
const gate = await engineGate(['libvirt']);

/** Every domain libvirt has, running or not, by name. */
async function domainNames(): Promise<string[]> {
  const { stdout } = await virsh('list', '--all', '--name');
  return stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe.skipIf(gate.skip)('New VM wizard, serial console and lifecycle in Chromium against libvirt', () => {
  /** Every domain this file named is destroyed and undefined in afterAll whatever happened. */
  const suite = guestSuite(async (name) => {
    await virsh('destroy', name).catch(() => undefined);
    await virsh('undefine', name, '--nvram').catch(() => virsh('undefine', name).catch(() => undefined));
  });

  it('creates fixture-microvm, boots it to its marker, shows its own kernel, boot time and stats, deletes it', async () => {
    const { context, page } = await openTallApp(suite.browser, suite.server.url);
    const shell = new AppShell(page);
    const lab = new LabPage(page);
    const wizard = new VmWizard(page);
    const vm = new VmPage(page);

    // Wizard: Template → Resources → Network → Review.
    await shell.open('Lab');
    await lab.newVmButton().click();
    await page.waitForURL(/#\/lab\/new-vm$/);
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-microvm');
    expect(await wizard.template('fixture-microvm').innerText()).toMatch(/Direct kernel boot/);
    await capture(page, 'vm-wizard-1-template');

    await wizard.next('Resources');
    const name = await wizard.nameInput().inputValue();
    expect(name).toMatch(/^microvm-[0-9a-f]{4}$/);
    suite.created.add(name);
    expect(await wizard.memoryInput().inputValue()).toBe('256 MiB');
    expect(await wizard.memoryInput().getAttribute('readonly')).not.toBeNull();
    expect(await wizard.vcpusInput().inputValue()).toMatch(/^1 vCPU$/);
    await capture(page, 'vm-wizard-2-resources');

    await wizard.next('Network');
    expect(await wizard.network().innerText()).toMatch(/User-mode networking/);
    await capture(page, 'vm-wizard-3-network');

    await wizard.next('Review');
    const xml = await wizard.domainXml();
    expect(xml).toMatch(/<domain type='(qemu|kvm)'/);
    expect(xml).toContain(`<name>${name}</name>`);
    expect(xml).toContain('/microvm/vmlinuz</kernel>');
    expect(xml).toContain("<serial type='pty'>");
    if (xml.includes("<domain type='qemu'")) expect(await wizard.explanation().innerText()).toMatch(/TCG/);
    expect(await wizard.copyXmlButton().isVisible()).toBe(true);
    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    await capture(page, 'vm-wizard-4-review');

    // Create: progress, then the VM's page on its Console tab.
    await wizard.createButton().click();
    await wizard
      .progress()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await capture(page, 'vm-wizard-5-create').catch(() => undefined);
    await page.waitForURL(/#\/guests\/[0-9a-f-]{36}\/console$/, { timeout: 60_000 });
    expect(await domainNames()).toContain(name);
    await vm.heading().filter({ hasText: name }).waitFor();
    await expect.poll(() => vm.state(), { timeout: 30_000 }).toBe('running');
    expect(await vm.runtime().innerText()).toMatch(/^QEMU · (software emulation \(TCG\)|KVM)$/);

    // The serial console: the guest's own kernel, not the host's.
    const terminal = vm.terminal();
    await terminal.waitUntilOpen(60_000);
    await terminal.waitForText('TWINLAB-READY', 60_000);
    await terminal.run('uname -r');
    const text = await terminal.waitForText(/uname -r\s*\n\s*6\.1\.0-\d+-cloud-amd64/, 60_000);
    const guestKernel = /uname -r\s*\n\s*(6\.1\.0-\d+-cloud-amd64)/.exec(text)?.[1];
    expect(guestKernel).toMatch(/^6\.1\.0-\d+-cloud-amd64$/);
    expect(guestKernel).not.toBe(release());

    // The boot time, measured on the serial console.
    await vm.bootTime().waitFor({ timeout: 60_000 });
    expect(await vm.bootTime().innerText()).toMatch(/^Booted in \d+(\.\d)? s$/);
    await capture(page, 'vm-console');
    await page.emulateMedia({ colorScheme: 'dark' });
    await capture(page, 'vm-console-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Stats: QEMU's memory on the host against the 256 MiB given to the guest.
    await vm.openTab('Stats');
    await expect
      .poll(() => vm.statsCard('memory').innerText(), { timeout: 30_000 })
      .toMatch(/QEMU process RSS[\s\S]*\d[\d.,]* (KiB|MiB|GiB) \(guest RAM: 256 MiB\)/i);
    await expect
      .poll(() => chartPoints(vm.statsCard('memory')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(4);
    expect(await vm.statsCard('guest-memory').innerText()).toContain('256 MiB');
    await capture(page, 'vm-stats');
    await page.emulateMedia({ colorScheme: 'dark' });
    await capture(page, 'vm-stats-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Inspect: the domain as libvirt has it now.
    await vm.openTab('Inspect');
    await expect
      .poll(() => vm.domainXml().innerText(), { timeout: 15_000 })
      .toContain(`<name>${name}</name>`);
    await capture(page, 'vm-inspect');

    // The Lab card: the VM's lifecycle buttons and its boot time.
    await shell.open('Lab');
    const card = lab.guestCard(name);
    await card.getByTestId('boot-time').waitFor({ timeout: 15_000 });
    expect(await card.getByRole('button', { name: `Shut down ${name}`, exact: true }).count()).toBe(1);
    await capture(page, 'vm-lab');

    // Delete, confirmed in a dialog: back on the Lab, and libvirt has no such domain any more.
    await lab.openGuest(name);
    await vm.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 60_000 });
    await expect.poll(() => lab.guestCard(name).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => domainNames(), { timeout: 30_000 }).not.toContain(name);
    suite.created.delete(name);

    await context.close();
  });

  it('reads in Simplified Chinese and Korean, in the dark colour scheme', async () => {
    for (const language of otherLanguages) {
      const locale = language[1];
      const title = locale === 'ko' ? '새 VM' : '新建虚拟机';
      const { context, page } = await openWizardInLanguage(suite.browser, suite.server.url, language, title);
      const wizard = new VmWizard(page);
      await wizard.pickTemplate('fixture-microvm');
      await capture(page, `vm-wizard-1-template-${locale}-dark`);
      await wizard.nextInAnyLanguage('resources');
      await wizard.nextInAnyLanguage('network');
      await capture(page, `vm-wizard-3-network-${locale}-dark`);
      await wizard.nextInAnyLanguage('review');
      // The sentences are translated, the XML is not.
      expect(await wizard.domainXml()).toContain('<domain type=');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
      await capture(page, `vm-wizard-4-review-${locale}-dark`);
      await context.close();
    }
  });
});
