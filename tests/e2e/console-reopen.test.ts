/**
 * Issue #14 item 9: ending a console session and opening a new one. In Chromium: create a BusyBox
 * container (its console is the container's own TTY), print a line, half-type another, End
 * session — the banner says the guest keeps running and the output stays, and it does stay — then
 * Open a new console: the prompt and the half-typed line are there at once, with no key pressed
 * (the shell redraws on SIGWINCH; nothing is typed for it), and Enter runs that line exactly once.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { capture, createFixtureContainer, guestSuite, openTallApp } from './support/guest-wizard';
import { TerminalView } from './pages/terminal';

const run = promisify(execFile);
const gate = await engineGate(['docker']);

describe.skipIf(gate.skip)('ending a container console and opening a new one', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  it('keeps the output it says it keeps, and the new console shows the prompt before any key', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    await createFixtureContainer(page, suite.created);

    const terminal = new TerminalView(page);
    await terminal.waitUntilOpen();
    await terminal.run('echo BEFORE-$((6*7))');
    await terminal.waitForText('BEFORE-42');
    await page.keyboard.type('echo half-$((2*3))');
    await terminal.waitForText('echo half-$((2*3))');

    await terminal.tool('End session').click();
    const banner = page.getByTestId('console-banner');
    await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 15_000 }).toBe('closed');
    expect(await banner.innerText()).toContain('the guest keeps running');
    expect(await banner.innerText()).toContain('The output above stays');
    expect(await terminal.text()).toContain('BEFORE-42');
    await capture(page, 'console-ended-output-stays-en-light');

    await banner.getByRole('button', { name: 'Open a new console' }).click();
    await terminal.waitUntilOpen();
    // No key has been pressed since: the prompt with the half-typed line is the shell's redraw.
    await terminal.waitForText(/\/ # echo half-\$\(\(2\*3\)\)/, 10_000);
    await capture(page, 'console-reopened-shows-prompt-en-light');
    await terminal.focus();
    await page.keyboard.press('Enter');
    const after = await terminal.waitForText(/^half-6$/m);
    expect(after.match(/^half-6$/gm)).toHaveLength(1);
  });
});
