/**
 * Issue #14 item 9: the New twin Review step explains what would puzzle a learner. In Chromium,
 * fixture-twin up to Review (nothing is created): the sandbox's `docker run` carries
 * `--network none` on a host that registers runsc with --network=none, and a sentence under it says
 * why; the domain XML's all-zero <uuid> is said to stand in for the one Create makes. The plain
 * container's command has neither the option nor the note.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { LabPage } from './pages/lab-page';
import { TwinWizard } from './pages/twin-wizard';

const run = promisify(execFile);
const gate = await engineGate(['docker', 'libvirt']);
const runtimes = gate.skip ? '' : (await run('docker', ['info', '--format', '{{json .Runtimes}}'])).stdout;

describe.skipIf(gate.skip || !runtimes.includes('runsc'))('notes on the New twin Review step', () => {
  const app = appUnderTest();

  it('explains the sandbox’s --network none and the placeholder uuid', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const wizard = new TwinWizard(page);
    await new AppShell(page).open('Lab');
    await new LabPage(page).newTwinButton().click();
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-twin');
    await wizard.next('Name');
    await wizard.next('Review');

    const sandboxRun = await wizard.dockerRun('sandbox');
    const withoutNetwork = /"--network=none"/.test(runtimes);
    expect(sandboxRun.includes('--network none')).toBe(withoutNetwork);
    const notes = page.getByTestId('no-network-note');
    await expect.poll(() => notes.count()).toBe(withoutNetwork ? 1 : 0);
    if (withoutNetwork)
      expect(await notes.innerText()).toBe(
        '--network none: this host registers the sandbox runtime without networking (its network stack cannot run here), so the sandbox has only the loopback interface lo. A plain container keeps its usual network.',
      );
    expect(await wizard.dockerRun('container')).not.toContain('--network');

    expect(await wizard.domainXml()).toContain('<uuid>00000000-0000-4000-8000-000000000000</uuid>');
    expect(await page.getByTestId('xml-placeholders').innerText()).toContain(
      'the <uuid> is all zeros: it stands in for the one Create makes',
    );
    await page.getByTestId('domain-xml').scrollIntoViewIfNeeded();
    await capture(page, 'twin-review-notes-en-light');
    await context.close();
  });
});
