import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { engineGate } from '../support/engines';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';
import { openApp } from './support/browser';
import { AppShell } from './pages/app-shell';
import { ComparePage } from './pages/compare-page';
import { ContainerPage } from './pages/container-page';
import { LabPage } from './pages/lab-page';
import { TwinWizard } from './pages/twin-wizard';
import { VmPage } from './pages/vm-page';

const run = promisify(execFile);
const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });
const gate = await engineGate(['docker', 'libvirt']);

const templateName = 'BusyBox twin (offline fixture)';
const vmKernel = /6\.1\.0-\d+-cloud-amd64/;
const units: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };

/** "210 MiB" → bytes; undefined for a dash. */
function bytesOf(text: string): number | undefined {
  const match = /^([\d.,]+)\s*(B|KiB|MiB|GiB)$/.exec(text.trim());
  return match?.[1] && match[2] ? Number(match[1].replace(/,/g, '')) * (units[match[2]] ?? 1) : undefined;
}

/** Elements that stick out of the window on the right: none, or the page scrolls sideways. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((element) => `${element.tagName} ${element.className.toString()}`.slice(0, 160));
  });
}

/** The Compare page at 1440 × 900, the size the consoles must be readable at. */
async function compareSized(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe.skipIf(gate.skip)(
  'New twin and the Compare page in Chromium against Docker, gVisor and libvirt',
  () => {
    const name = `cmpe2e-${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const container = `${name}-container`;
    const sandbox = `${name}-sandbox`;
    const vm = `${name}-vm`;
    /** Whatever happened, the twin's guests go: containers by name, the VM destroyed and undefined. */
    const suite = guestSuite(async (guest) => {
      if (guest.endsWith('-vm')) {
        await virsh('destroy', guest).catch(() => undefined);
        await virsh('undefine', guest).catch(() => undefined);
      } else await run('docker', ['rm', '-f', guest], { timeout: 30_000 }).catch(() => undefined);
    });
    let compareHash = '';

    it('creates fixture-twin as a container, a gVisor sandbox and a VM, types into all three, measures and exports', async () => {
      const { context, page } = await openTallApp(suite.browser, suite.server.url);
      const shell = new AppShell(page);
      const lab = new LabPage(page);
      const wizard = new TwinWizard(page);
      const compare = new ComparePage(page);

      // New twin: Template → Name → Review.
      await shell.open('Lab');
      await lab.newTwinButton().click();
      await page.waitForURL(/#\/lab\/new-twin$/);
      await wizard.waitForStep('Template');
      // Only templates with both sides: the container-only and VM-only fixtures are not offered.
      expect(await wizard.template('fixture-busybox').count()).toBe(0);
      expect(await wizard.template('fixture-microvm').count()).toBe(0);
      await wizard.pickTemplate('fixture-twin');
      await capture(page, 'twin-wizard-1-template');

      await wizard.next('Name');
      expect(await wizard.nameInput().inputValue()).toMatch(/^twin-[0-9a-f]{4}$/);
      await wizard.nameInput().fill('Bad Name');
      await wizard.nextButton().click();
      await page.getByText('Use lowercase letters, digits and dashes').first().waitFor();
      await wizard.nameInput().fill(name);
      for (const guest of [container, sandbox, vm]) suite.created.add(guest);
      // runsc is registered with Docker here, so the sandbox column is offered and on.
      expect(await wizard.sandboxCheckbox().isChecked()).toBe(true);
      expect(await wizard.guestNames()).toEqual([container, sandbox, vm]);
      await capture(page, 'twin-wizard-2-name');

      await wizard.next('Review');
      expect(await wizard.dockerRun('container')).toContain(`--name ${container}`);
      const sandboxRun = await wizard.dockerRun('sandbox');
      expect(sandboxRun).toContain(`--name ${sandbox}`);
      expect(sandboxRun).toContain('--runtime runsc');
      const xml = await wizard.domainXml();
      expect(xml).toContain(`<name>${vm}</name>`);
      expect(xml).toMatch(/<domain type='(qemu|kvm)'/);
      await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
      await capture(page, 'twin-wizard-3-review');

      // Create: one progress view with a column of steps per part, then the twin's Compare page.
      await wizard.createButton().click();
      await wizard.progress().waitFor({ timeout: 10_000 });
      expect(await page.getByTestId(/^create-part-/).count()).toBe(3);
      await capture(page, 'twin-wizard-4-create').catch(() => undefined);
      await page.waitForURL(/#\/compare\/[0-9a-f-]{36}$/, { timeout: 120_000 });
      compareHash = new URL(page.url()).hash;
      await compareSized(page);

      // Three columns, each labelled with what it is.
      await expect.poll(() => compare.paneLabels(), { timeout: 30_000 }).toHaveLength(3);
      const [containerLabel, sandboxLabel, vmLabel] = await compare.paneLabels();
      expect(containerLabel).toBe('Container · runc');
      expect(sandboxLabel).toBe('Sandbox · gVisor');
      expect(vmLabel).toMatch(/^VM · QEMU (\(TCG\)|\+ KVM)$/);
      if (!containerLabel || !sandboxLabel || !vmLabel) throw new Error('three panes');
      for (const label of [containerLabel, sandboxLabel, vmLabel])
        await compare.terminal(label).waitUntilOpen(60_000);
      await compare.terminal(vmLabel).waitForText('TWINLAB-READY', 60_000);

      // Type in all: `uname -r` typed once, into the container's console, runs in all three.
      await compare.typeInAll().check();
      await compare.terminal(containerLabel).run('uname -r');
      const hostKernel = release();
      await compare.terminal(containerLabel).waitForText(`uname -r\n${hostKernel}`, 30_000);
      await compare.terminal(sandboxLabel).waitForText(/uname -r\s*\n\s*4\.4\.0/, 30_000);
      const vmText = await compare
        .terminal(vmLabel)
        .waitForText(/uname -r\s*\n\s*6\.1\.0-\d+-cloud-amd64/, 60_000);
      const guestKernel = vmKernel.exec(vmText)?.[0];
      expect(guestKernel).toBeDefined();
      expect(guestKernel).not.toBe(hostKernel);
      await compare.typeInAll().uncheck();

      // The measurements: the VM's QEMU costs the host far more memory than the container.
      await expect
        .poll(
          async () =>
            (await compare.rowValues('hostMemory')).map(bytesOf).every((bytes) => bytes !== undefined),
          {
            timeout: 30_000,
          },
        )
        .toBe(true);
      const memory = (await compare.rowValues('hostMemory')).map(bytesOf);
      expect(memory[2]).toBeGreaterThan(memory[0] ?? Infinity);
      await expect
        .poll(async () => (await compare.rowValues('ready')).every((text) => /\d/.test(text)), {
          timeout: 30_000,
        })
        .toBe(true);
      const ready = await compare.rowValues('ready');
      expect(await compare.rowValues('memoryLimit')).toEqual(['64 MiB', '64 MiB', '256 MiB']);

      // Measure inside fills the kernel and process rows from probes typed into each console.
      await compare.measureInside().click();
      await expect
        .poll(() => compare.rowValues('kernel'), { timeout: 90_000 })
        .toEqual([hostKernel, '4.4.0', guestKernel]);
      // The processes probe runs after the kernel's.
      await expect
        .poll(
          async () => (await compare.rowValues('processesInside')).every((text) => /\d+ process/.test(text)),
          {
            timeout: 90_000,
          },
        )
        .toBe(true);
      await compare.runProbe('Hostname');
      await compare.probeOutput('hostname', vm).getByText('twinlab-microvm').waitFor({ timeout: 60_000 });
      expect(await overflowing(page)).toEqual([]);
      await capture(page, 'compare-twin');

      // Panes: keyboard-resizable, one maximised and restored with Escape.
      const separator = page.getByRole('separator', { name: `Resize ${containerLabel} and ${sandboxLabel}` });
      const before = await separator.getAttribute('aria-valuenow');
      await separator.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => separator.getAttribute('aria-valuenow')).not.toBe(before);
      await compare.maximise(vmLabel).click();
      await compare.pane(vmLabel).and(page.locator('[data-maximised]')).waitFor();
      await capture(page, 'compare-maximised');
      await page.keyboard.press('Escape');
      await compare.maximise(vmLabel).waitFor();

      // The host's own shell beside the guests.
      await compare.hostTerminal().check();
      await compare.terminal('Host shell').waitUntilOpen(30_000);
      // Typed alone: with Type in all off, the guests do not get it.
      await compare.terminal('Host shell').run('echo twinlab-host-$((40+2))');
      await compare.terminal('Host shell').waitForText('twinlab-host-42', 30_000);
      expect(await compare.terminal(containerLabel).text()).not.toContain('twinlab-host');
      await capture(page, 'compare-host-shell');
      await compare.hostTerminal().uncheck();

      // A reload keeps what Measure inside found (saved per twin in main): the page and the export are whole.
      await page.reload();
      await expect
        .poll(() => compare.rowValues('kernel'), { timeout: 30_000 })
        .toEqual([hostKernel, '4.4.0', guestKernel]);
      // The table's host-side rows (time to ready among them) are measured again on load.
      await expect.poll(() => compare.rowValues('ready'), { timeout: 30_000 }).toEqual(ready);
      await capture(page, 'compare-after-reload');

      // Export: Markdown with both kernels and both ready times; HTML standalone with its chart.
      const markdown = await readFile((await (await compare.export('Markdown')).path()) ?? '', 'utf8');
      expect(markdown).toContain(hostKernel);
      expect(markdown).toContain(guestKernel ?? 'vm kernel');
      expect(markdown).toContain('4.4.0');
      for (const time of [ready[0], ready[2]]) expect(markdown).toContain(time);
      expect(markdown).toContain('| Time to first prompt |');
      const html = await readFile((await (await compare.export('HTML page')).path()) ?? '', 'utf8');
      expect(html).toContain('<svg');
      expect(html).not.toMatch(/<script/i);

      await page.emulateMedia({ colorScheme: 'dark' });
      await capture(page, 'compare-twin-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // The Lab groups the twin under one heading, with the way back to Compare.
      await shell.open('Lab');
      const section = lab.twinSection(name).filter({ has: lab.guestCard(container) });
      await section.waitFor();
      await section.getByText(`From the template ${templateName}`, { exact: true }).waitFor();
      for (const guest of [container, sandbox, vm])
        expect(await section.getByTestId(`guest-${guest}`).count()).toBe(1);
      await lab.guestCard(vm).getByTestId('live-memory').waitFor({ timeout: 15_000 });
      await capture(page, 'compare-lab');
      await section.getByRole('button', { name: 'Open in Compare', exact: true }).click();
      await page.waitForURL((url) => url.hash === compareHash);
      await context.close();
    }, 300_000); // one test walks the whole page: wizard, three consoles, probes, reload, export

    it('reads in Simplified Chinese, light and dark, then removes the twin', async () => {
      expect(compareHash).not.toBe('');
      for (const scheme of ['light', 'dark'] as const) {
        const { context, page } = await openApp(suite.browser, suite.server.url, { colorScheme: scheme });
        await compareSized(page);
        await new AppShell(page).chooseLanguage('简体中文');
        await page.evaluate((hash) => (window.location.hash = hash), compareHash);
        await page.getByRole('heading', { level: 1, name: `双胞胎 · ${name}` }).waitFor();
        await page.getByRole('switch', { name: '同时输入' }).waitFor();
        await new ComparePage(page).terminal('容器 · runc').waitUntilOpen(30_000);
        await expect
          .poll(
            async () =>
              (await new ComparePage(page).rowValues('hostMemory')).every((text) => /\d/.test(text)),
            {
              timeout: 30_000,
            },
          )
          .toBe(true);
        expect(await overflowing(page)).toEqual([]);
        await capture(page, `compare-twin-zh-CN-${scheme}`);
        if (scheme === 'dark') {
          await page.evaluate(() => (window.location.hash = '#/lab/new-twin'));
          const wizard = new TwinWizard(page);
          await wizard.pickTemplate('fixture-twin');
          await capture(page, 'twin-wizard-1-template-zh-CN-dark');
          for (const step of ['name', 'review']) {
            await page.getByTestId('wizard-next').click();
            await page.locator(`#wizard-step-title[data-step="${step}"]`).waitFor({ timeout: 30_000 });
            if (step === 'name') await capture(page, 'twin-wizard-2-name-zh-CN-dark');
          }
          await page.getByTestId('domain-xml').waitFor();
          await capture(page, 'twin-wizard-3-review-zh-CN-dark');
        }
        await context.close();
      }

      // Remove the three guests through their pages, as a user would.
      const { context, page } = await openTallApp(suite.browser, suite.server.url);
      const shell = new AppShell(page);
      const lab = new LabPage(page);
      for (const guest of [container, sandbox, vm]) {
        await shell.open('Lab');
        await lab.openGuest(guest);
        await (guest === vm ? new VmPage(page) : new ContainerPage(page)).remove();
        await page.waitForURL(/#\/lab$/, { timeout: 60_000 });
        await expect.poll(() => lab.guestCard(guest).count(), { timeout: 30_000 }).toBe(0);
        suite.created.delete(guest);
      }
      await context.close();
    });
  },
);
