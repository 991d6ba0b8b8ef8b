import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/browser-mode';
import { engineGate } from '../support/engines';
import { fixturesDir } from '../support/fixtures';
import { AppShell } from './pages/app-shell';
import { VmPage } from './pages/vm-page';
import { VmWizard } from './pages/vm-wizard';
import { launchChromium } from './support/browser';
import { capture, openTallApp } from './support/guest-wizard';

const run = promisify(execFile);
const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });
const gate = await engineGate(['libvirt']);
const tag = `e2e${process.pid}`;

/** The "Import VM image" dialog, as a user finds it: by roles and names. */
class ImportVmDialog {
  constructor(readonly page: Page) {}
  openButton(): Locator {
    return this.page.getByRole('button', { name: 'Import VM image', exact: true });
  }
  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import a VM image' });
  }
  kind(name: 'Disk image' | 'Kernel + initrd'): Locator {
    return this.dialog().getByRole('radio', { name, exact: true });
  }
  /** The segmented control's radios are visually hidden; a user clicks their labels. */
  async chooseKind(name: 'Disk image' | 'Kernel + initrd'): Promise<void> {
    await this.dialog().locator('label').filter({ hasText: name }).click();
    await expect.poll(() => this.kind(name).isChecked()).toBe(true);
  }
  field(label: string): Locator {
    return this.dialog().getByRole('textbox', { name: label });
  }
  async importAs(name: string): Promise<void> {
    await this.field('Template name').fill(name);
    await this.dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await this.dialog().getByRole('status').filter({ hasText: 'Imported' }).waitFor({ timeout: 120_000 });
  }
}

/** Waits until the modal's opening transition is over, so a picture shows the dialog, not a fade. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().length === 0);
}

describe.skipIf(gate.skip)('Import VM image dialog and the console login, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let configHome: string;
  const domains: string[] = [];

  beforeAll(async () => {
    configHome = await mkdtemp(join(tmpdir(), `twinlab-${tag}-config-`));
    server = await startServer({ XDG_CONFIG_HOME: configHome });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const name of domains) {
      await virsh('destroy', name).catch(() => undefined);
      await virsh('undefine', name).catch(() => undefined);
    }
    await browser?.close();
    await server?.stop();
    await rm(configHome, { recursive: true, force: true });
  });

  it('imports the fixture kernel + initrd, and the new template is in the VM wizard at once', async () => {
    const { page } = await openTallApp(browser, server.url);
    const importer = new ImportVmDialog(page);
    await new AppShell(page).open('Lab');
    await importer.openButton().click();
    await importer.dialog().waitFor();
    await settled(page);
    expect(await importer.dialog().innerText()).toContain('Paths are on the computer running Twinlab');
    await capture(page, 'vm-import-dialog');

    // A relative path is refused in the dialog, with a sentence, before anything is sent.
    await importer.chooseKind('Kernel + initrd');
    await importer.field('Kernel file').fill('vmlinuz');
    await importer.dialog().getByRole('button', { name: 'Import', exact: true }).click();
    await importer.dialog().getByText('Use an absolute path, starting with /.').waitFor();

    await importer.field('Kernel file').fill(join(fixturesDir, 'microvm', 'vmlinuz'));
    await importer.field('Initrd file (optional)').fill(join(fixturesDir, 'microvm', 'initrd.img'));
    await importer.field('Kernel command line').fill('console=ttyS0 panic=-1 quiet');
    await importer.field('Template name').fill(`MicroVM ${tag}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    await capture(page, 'vm-import-dialog-kernel-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await importer.importAs(`MicroVM ${tag}`);
    await settled(page);
    await capture(page, 'vm-import-dialog-done');

    await importer.dialog().getByRole('button', { name: 'Create a VM from it' }).click();
    const wizard = new VmWizard(page);
    await wizard.waitForStep('Template');
    const option = wizard.template(`microvm-${tag}`);
    await option.waitFor();
    expect(await option.innerText()).toContain(`MicroVM ${tag}`);
    expect(await option.innerText()).toMatch(/Direct kernel boot/);
  });

  it('shows the generated user and password on the Review step and the VM page, hidden until asked', async () => {
    const work = await mkdtemp(join(tmpdir(), `twinlab-${tag}-disk-`));
    const disk = join(work, 'blank.qcow2');
    await run('qemu-img', ['create', '-q', '-f', 'qcow2', disk, '64M']);
    const { page } = await openTallApp(browser, server.url);
    const importer = new ImportVmDialog(page);
    await new AppShell(page).open('Lab');
    await importer.openButton().click();
    await importer.field('Disk image file').fill(disk);
    await importer.importAs(`Blank disk ${tag}`);
    await rm(work, { recursive: true, force: true });
    await importer.dialog().getByRole('button', { name: 'Create a VM from it' }).click();

    const wizard = new VmWizard(page);
    await wizard.waitForStep('Template');
    await wizard.pickTemplate(`blank-disk-${tag}`);
    await wizard.next('Resources');
    const name = await wizard.nameInput().inputValue();
    domains.push(name);
    await wizard.next('Network');
    await wizard.next('Review');
    expect(await page.getByTestId('review-summary').innerText()).toMatch(
      /Console login\s*user learner, with a password Twinlab generates for this VM/,
    );
    await expect.poll(() => wizard.createButton().isEnabled(), { timeout: 30_000 }).toBe(true);
    await capture(page, 'vm-wizard-review-login');
    await wizard.createButton().click();
    await page.waitForURL(/#\/guests\/[0-9a-f-]{36}\/console$/, { timeout: 120_000 });

    const vm = new VmPage(page);
    const block = page.getByTestId('vm-login');
    await block.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('vm-login-user').innerText()).toBe('learner');
    const hidden = await page.getByTestId('vm-login-password').innerText();
    expect(hidden).toMatch(/^•{14}$/);
    await block.getByRole('button', { name: 'Show password' }).click();
    const shown = await page.getByTestId('vm-login-password').innerText();
    expect(shown).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    // What the page shows is what Twinlab gave the domain.
    const { stdout: xml } = await virsh('dumpxml', name);
    expect(xml).toContain(`>${shown}</`);
    expect(await block.getByRole('button', { name: 'Copy password' }).isVisible()).toBe(true);
    expect(await block.getByRole('button', { name: 'Copy user name' }).isVisible()).toBe(true);
    expect(await block.getByRole('button', { name: 'Hide password' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await vm.heading().filter({ hasText: name }).waitFor();
    await page.mouse.move(0, 0); // no tooltip in the pictures
    await capture(page, 'vm-login-block');
    await page.emulateMedia({ colorScheme: 'dark' });
    await settled(page);
    await capture(page, 'vm-login-block-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await vm.remove();
    // Deleting waits for libvirt, which other suites may keep busy: poll the domain, not the clock.
    await expect
      .poll(async () => (await virsh('list', '--all', '--name')).stdout.split('\n').includes(name), {
        timeout: 180_000,
      })
      .toBe(false);
  });
});
