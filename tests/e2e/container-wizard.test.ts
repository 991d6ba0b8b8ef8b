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
import { ContainerPage } from './pages/container-page';
import { ContainerWizard } from './pages/container-wizard';
import { LabPage } from './pages/lab-page';

const run = promisify(execFile);
const gate = await engineGate(['docker']);

/** Names of every container Docker has that is called exactly `name` (running or not). */
async function dockerContainersNamed(name: string): Promise<string[]> {
  const { stdout } = await run(
    'docker',
    ['ps', '-a', '--filter', `name=^/${name}$`, '--format', '{{.Names}}'],
    {
      timeout: 15_000,
    },
  );
  return stdout.split('\n').filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(gate.skip)('New container wizard, console and lifecycle in Chromium against Docker', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  it('creates a BusyBox container, types and pastes into its console, keeps it across navigation, shows its limit, removes it', async () => {
    const { context, page } = await openTallApp(suite.browser, suite.server.url);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin });
    const shell = new AppShell(page);
    const lab = new LabPage(page);
    const wizard = new ContainerWizard(page);
    const container = new ContainerPage(page);

    // Wizard: Template → Resources → Network & storage → Review.
    await shell.open('Lab');
    await lab.newContainerButton().click();
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-busybox');
    await capture(page, 'wizard-1-template');

    await wizard.next('Resources');
    const name = await wizard.nameInput().inputValue();
    expect(name).toMatch(/^busybox-[0-9a-f]{4}$/);
    suite.created.add(name);
    expect(await wizard.memoryInput().inputValue()).toBe('64 MiB');
    await capture(page, 'wizard-2-resources');

    await wizard.next('Network & storage');
    await capture(page, 'wizard-3-network');

    await wizard.next('Review');
    const dockerRun = await wizard.dockerRun();
    expect(dockerRun).toContain(`--name ${name}`);
    expect(dockerRun).toContain('--memory 64m');
    expect(dockerRun).toContain('twinlab-fixture/busybox:1');
    await expect.poll(() => wizard.createButton().isEnabled()).toBe(true);
    expect(await wizard.problems().count()).toBe(0);
    await capture(page, 'wizard-4-review');

    // Create: the app opens the new container's page on its Console tab.
    await wizard.createButton().click();
    await page.waitForURL(/#\/guests\/[0-9a-f]{12,}\/console$/, { timeout: 60_000 });
    expect(await dockerContainersNamed(name)).toEqual([name]);
    await container.heading().filter({ hasText: name }).waitFor();
    await expect.poll(() => container.state(), { timeout: 15_000 }).toBe('running');

    // The console: a runc container shares the host's kernel, so uname -r prints the host's.
    const terminal = container.terminal();
    await terminal.waitUntilOpen();
    expect(await terminal.root.getAttribute('aria-label')).toBe(`Console of ${name}`);
    await terminal.run('uname -r');
    await terminal.waitForText(new RegExp(`uname -r\\s*\\n${escapeRegExp(release())}`));

    // Paste: the clipboard into the shell with Ctrl+Shift+V, then Enter runs it.
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6*7))'));
    await terminal.pasteWithShortcut();
    await page.keyboard.press('Enter');
    await terminal.waitForText(/\npasted-42\n/);

    // The toolbar's Paste button reads the clipboard too.
    await page.evaluate(() => navigator.clipboard.writeText('echo button-$((5*5))'));
    await terminal.tool('Paste').click();
    await terminal.focus();
    await page.keyboard.press('Enter');
    await terminal.waitForText(/\nbutton-25\n/);

    // Copy: select everything from the right-click menu, then the toolbar's Copy.
    await terminal.menu('Select all');
    await terminal.tool('Copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('pasted-42');

    // A flood far above main's flow-control mark arrives whole: the view acknowledges what it renders.
    await terminal.run('seq 1 150000 && echo flood-$((37*100))');
    await terminal.waitForText(/150000\nflood-3700\n/, 60_000);
    await terminal.run('clear');
    await expect.poll(() => terminal.text(), { timeout: 15_000 }).not.toContain('flood-3700');
    await terminal.waitForText('/ #');
    await terminal.run('uname -r; echo pasted-$((6*7))');
    await terminal.waitForText(new RegExp(`\\n${escapeRegExp(release())}\\npasted-42\\n`));
    await capture(page, 'container-console');

    // Away to Host and back: the session stayed in main and replays what it printed.
    await shell.open('Host');
    await shell.open('Lab');
    await lab.openGuest(name);
    await container.openTab('Console');
    await terminal.waitUntilOpen();
    const replayed = await terminal.waitForText(new RegExp(`\\n${escapeRegExp(release())}\\npasted-42\\n`));
    expect(replayed).toContain('uname -r; echo pasted-$((6*7))');

    // Stats: the template's 64 MiB limit, as Docker enforces it.
    await container.openTab('Stats');
    await expect
      .poll(() => container.statsCard('memory').innerText(), { timeout: 20_000 })
      .toMatch(/\/ 64 MiB/);
    // A few samples, so the picture shows the charts moving.
    await expect
      .poll(() => chartPoints(container.statsCard('memory')), { timeout: 20_000 })
      .toBeGreaterThanOrEqual(4);
    await capture(page, 'container-stats');

    // Remove, confirmed in a dialog: back on the Lab, and Docker has no such container any more.
    await container.remove();
    await page.waitForURL(/#\/lab$/, { timeout: 30_000 });
    await expect.poll(() => lab.guestCard(name).count(), { timeout: 15_000 }).toBe(0);
    expect(await dockerContainersNamed(name)).toEqual([]);
    suite.created.delete(name);

    await context.close();
  });

  it('reads in Simplified Chinese and Korean, in the dark colour scheme', async () => {
    for (const language of otherLanguages) {
      const locale = language[1];
      const title = locale === 'ko' ? '새 컨테이너' : '新建容器';
      const { context, page } = await openWizardInLanguage(suite.browser, suite.server.url, language, title);
      const wizard = new ContainerWizard(page);
      await wizard.pickTemplate('fixture-busybox');
      await capture(page, `wizard-1-template-${locale}-dark`);
      await wizard.nextInAnyLanguage('resources');
      await wizard.nextInAnyLanguage('network');
      await wizard.nextInAnyLanguage('review');
      await wizard.dockerRun();
      // The sentences are translated, the command is not.
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(title);
      await capture(page, `wizard-4-review-${locale}-dark`);
      await context.close();
    }
  });
});
