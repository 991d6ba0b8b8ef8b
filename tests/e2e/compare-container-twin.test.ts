/**
 * The Compare page on a twin of two Twinlab containers (runc and gVisor) made with docker's CLI, in
 * Chromium; issue #14 item 9. In a narrow window a pane's header never draws under its maximise
 * button, and the guest name keeps its role suffix (-container, -sandbox) in sight while the column
 * label gives way. Type in all reaches the twin's other console but never the host shell, shown
 * or hidden (in browser mode it is a root shell).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliTwinPart } from './support/cli-twin';
import { engineGate } from '../support/engines';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';
import { ComparePage } from './pages/compare-page';

const run = promisify(execFile);
const gate = await engineGate(['docker']);
const runtimes = gate.skip ? '' : (await run('docker', ['info', '--format', '{{json .Runtimes}}'])).stdout;
const twinId = `h8-narrow-${process.pid}`;
const prefix = `narrow-${process.pid.toString(36)}-twin`;

const part = (role: 'container' | 'sandbox') => cliTwinPart(prefix, twinId, role);

describe.skipIf(gate.skip || !runtimes.includes('runsc'))('Compare panes in a narrow window', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  beforeAll(async () => {
    for (const role of ['container', 'sandbox'] as const) suite.created.add(await part(role));
  });

  it('keeps the role suffix in sight and nothing under the maximise button', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    await page.setViewportSize({ width: 760, height: 900 });
    await page.evaluate((id) => (window.location.hash = `#/compare/${id}`), twinId);
    const compare = new ComparePage(page);
    await expect.poll(() => compare.paneLabels(), { timeout: 30_000 }).toHaveLength(2);
    // A third column, as narrow as a lesson's three consoles beside its text.
    await compare.hostTerminal().check();
    await expect.poll(() => compare.paneLabels()).toHaveLength(3);
    await capture(page, 'compare-narrow-panes-en-light');
    for (const [role, label] of [
      ['container', 'Container · runc'],
      ['sandbox', 'Sandbox · gVisor'],
    ] as const) {
      const pane = compare.pane(label);
      const name = `${prefix}-${role}`;
      const suffix = pane.locator(`[title="${name}"] > span[aria-hidden]`).last();
      expect(await suffix.innerText()).toBe(`-${role}`);
      const [suffixBox, buttonBox] = [
        await suffix.boundingBox(),
        await compare.maximise(label).boundingBox(),
      ];
      if (!suffixBox || !buttonBox) throw new Error('the suffix and the button are on screen');
      expect(suffixBox.x + suffixBox.width).toBeLessThanOrEqual(buttonBox.x);
    }
  });
  it("types into the twin's other console with Type in all, never into the host shell", async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    await page.evaluate((id) => (window.location.hash = `#/compare/${id}`), twinId);
    const compare = new ComparePage(page);
    await expect.poll(() => compare.paneLabels(), { timeout: 30_000 }).toHaveLength(2);
    // Open the host shell once, then hide it: its session stays open in main.
    await compare.hostTerminal().check();
    await compare.terminal('Host shell').waitUntilOpen(30_000);
    await compare.hostTerminal().uncheck();
    await expect.poll(() => compare.paneLabels()).toHaveLength(2);

    await compare.typeInAll().check();
    const [container, sandbox] = [compare.terminal('Container · runc'), compare.terminal('Sandbox · gVisor')];
    await container.waitUntilOpen();
    await container.run('echo ALL-$((6*7))');
    await container.waitForText(/^ALL-42$/m);
    await sandbox.waitForText(/^ALL-42$/m);

    await compare.typeInAll().uncheck();
    await compare.hostTerminal().check();
    const host = compare.terminal('Host shell');
    await host.waitUntilOpen(30_000);
    await host.run('echo HOST-$((6*7))');
    await host.waitForText(/^HOST-42$/m);
    expect(await host.text()).not.toContain('ALL-');
    await capture(page, 'compare-type-in-all-not-host-en-light');
  });
});
