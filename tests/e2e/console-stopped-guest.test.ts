/**
 * Issue #14: a console whose guest is stopped says so and takes nothing. In Chromium: create a
 * BusyBox container with the wizard, Stop it from its page, type a command into its console — the
 * badge reads "Guest stopped", the terminal refuses the input in words, Reconnect is offered — then
 * Start it: the badge reads "Connected" again and the command typed while stopped never ran.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { capture, createFixtureContainer, guestSuite, openTallApp } from './support/guest-wizard';
import { ContainerPage } from './pages/container-page';

const run = promisify(execFile);
const gate = await engineGate(['docker']);

describe.skipIf(gate.skip)('a stopped container’s console', () => {
  const suite = guestSuite(async (name) => {
    await run('docker', ['rm', '-f', name], { timeout: 30_000 }).catch(() => undefined);
  });

  it('refuses typing with a sentence, says Guest stopped, and nothing runs after Start', async () => {
    const { page } = await openTallApp(suite.browser, suite.server.url);
    const container = new ContainerPage(page);
    const name = await createFixtureContainer(page, suite.created);

    const terminal = container.terminal();
    const badge = page.getByTestId('console-state');
    await terminal.waitUntilOpen();
    await terminal.run('echo LIVE-$((6*7))');
    await terminal.waitForText('LIVE-42');
    expect(await badge.innerText()).toBe('Connected');

    await container.action('Stop').click();
    await expect.poll(() => container.state(), { timeout: 30_000 }).toBe('stopped');
    await expect.poll(() => badge.getAttribute('data-badge'), { timeout: 15_000 }).toBe('guestStopped');
    expect(await badge.innerText()).toBe('Guest stopped');
    await expect.poll(() => terminal.tool('Reconnect').isEnabled()).toBe(true);
    await terminal.run('echo GHOST > /tmp/ghost');
    await terminal.waitForText('what you type is not sent');
    await capture(page, 'console-stopped-refuses-input-en-light');

    await container.action('Start').click();
    await expect.poll(() => container.state(), { timeout: 30_000 }).toBe('running');
    await expect.poll(() => badge.getAttribute('data-badge'), { timeout: 15_000 }).toBe('open');
    expect(await badge.innerText()).toBe('Connected');
    await terminal.run('echo BACK-$((6*7)); ls /tmp/ghost');
    await terminal.waitForText('BACK-42');
    await terminal.waitForText(/No such file or directory/);
    const ghost = await run('docker', ['exec', name, 'sh', '-c', 'cat /tmp/ghost 2>/dev/null || echo none']);
    expect(ghost.stdout.trim()).toBe('none');
  });
});
