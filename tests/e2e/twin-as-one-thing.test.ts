/**
 * A twin as one thing, in Chromium against Docker, gVisor and libvirt: after New twin's Create the
 * focus is in the first console (typing runs there); the Lab shows the twin under its own name with
 * its template, full guest names on hover with the role suffix always visible; Stop twin and Start
 * twin move all parts; Delete twin asks once, listing the parts, and leaves nothing in the engines.
 * Pictured in English light and Korean dark.
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';
import { openApp, screenshotDir } from './support/browser';
import { AppShell } from './pages/app-shell';
import { ComparePage } from './pages/compare-page';
import { LabPage } from './pages/lab-page';
import { TwinWizard } from './pages/twin-wizard';

const run = promisify(execFile);
const virsh = (...args: string[]) => run('virsh', ['-c', 'qemu:///system', ...args], { timeout: 30_000 });
const gate = await engineGate(['docker', 'libvirt']);

const templateName = 'BusyBox twin (offline fixture)';

describe.skipIf(gate.skip)('a twin as one thing, in Chromium', () => {
  // Long enough that a card has to shorten it: the role suffix must stay in sight.
  const name = `one-${Math.floor(Math.random() * 0xffff).toString(16)}-a-rather-long-twin-name`;
  const roles = ['container', 'sandbox', 'vm'] as const;
  const guests = roles.map((role) => `${name}-${role}`);
  const suite = guestSuite(async (guest) => {
    if (guest.endsWith('-vm')) {
      await virsh('destroy', guest).catch(() => undefined);
      await virsh('undefine', guest).catch(() => undefined);
    } else await run('docker', ['rm', '-f', guest], { timeout: 30_000 }).catch(() => undefined);
  });

  it('puts focus into the console after Create, shows the twin by name, stops, starts and deletes it', async () => {
    const { context, page } = await openTallApp(suite.browser, suite.server.url);
    const shell = new AppShell(page);
    const lab = new LabPage(page);
    const wizard = new TwinWizard(page);
    await shell.open('Lab');
    await lab.newTwinButton().click();
    await wizard.waitForStep('Template');

    // The template cards are one radio group: one Tab stop, the arrow keys move the choice.
    await wizard.pickTemplate('fixture-twin');
    const radios = page.locator('[role="radio"][data-testid^="template-option-"]');
    expect(await radios.evaluateAll((all) => all.filter((radio) => radio.tabIndex === 0).length)).toBe(1);
    await wizard.template('fixture-twin').focus();
    await page.keyboard.press('ArrowDown');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    expect(moved).toMatch(/^template-option-/);
    expect(moved).not.toBe('template-option-fixture-twin');
    expect(await page.getByTestId(moved ?? '').getAttribute('aria-checked')).toBe('true');
    await wizard.pickTemplate('fixture-twin');

    await wizard.next('Name');
    await wizard.nameInput().fill(name);
    for (const guest of guests) suite.created.add(guest);
    await wizard.next('Review');
    await expect.poll(() => wizard.createButton().isEnabled(), { timeout: 30_000 }).toBe(true);
    await wizard.createButton().click();
    await page.waitForURL(/#\/compare\/[0-9a-f-]{36}$/, { timeout: 180_000 });

    // The Compare header names the twin; focus is in the first console, so typing runs there.
    await page.getByRole('heading', { level: 1, name: `Twin · ${name}` }).waitFor();
    const compare = new ComparePage(page);
    const first = compare.terminal('Container · runc');
    await first.waitUntilOpen(60_000);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea')))
      .toBe(true);
    await page.keyboard.type('echo typed-after-create-$((6*7))');
    await page.keyboard.press('Enter');
    await first.waitForText('typed-after-create-42', 30_000);
    // Each pane names its guest with the role suffix in sight.
    const vmName = compare.pane((await compare.paneLabels())[2] ?? '').locator(`[title="${guests[2]}"]`);
    expect(await vmName.locator('span[aria-hidden]').last().innerText()).toBe('-vm');
    await capture(page, 'twin-compare-header-en-light');

    // The Lab: the twin's own name, its template, and the twin's buttons.
    await shell.open('Lab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const section = lab.twinSection(name);
    await section.waitFor();
    await section.getByText(`From the template ${templateName}`, { exact: true }).waitFor();
    for (const guest of guests) {
      const link = lab.guestCard(guest).getByRole('link', { name: guest, exact: true });
      expect(await link.locator('[title]').getAttribute('title')).toBe(guest);
      // The role suffix is drawn whole, inside the card, however the name is shortened.
      const suffix = link.locator('span[aria-hidden]').last();
      expect(await suffix.innerText()).toBe(`-${guest.split('-').at(-1)}`);
      const [suffixBox, cardBox] = await Promise.all([
        suffix.boundingBox(),
        lab.guestCard(guest).boundingBox(),
      ]);
      expect(suffixBox && cardBox && suffixBox.x + suffixBox.width <= cardBox.x + cardBox.width).toBe(true);
    }
    const stateOf = () => Promise.all(guests.map((guest) => lab.guestCard(guest).getAttribute('data-state')));
    await expect.poll(stateOf, { timeout: 60_000 }).toEqual(['running', 'running', 'running']);
    await capture(page, 'twin-card-en-light');

    // The Images list has the image the twin's containers run from, with how many use it.
    const images = page.getByRole('region', { name: 'Images', exact: true });
    const fixtureRow = images.getByRole('row').filter({ hasText: 'twinlab-fixture/busybox:1' }).first();
    await expect
      .poll(async () =>
        Number(/^(\d+) guests?$/.exec(await fixtureRow.getByTestId('image-in-use').innerText())?.[1]),
      )
      .toBeGreaterThanOrEqual(2);
    await mkdir(screenshotDir, { recursive: true });
    await images.screenshot({ path: join(screenshotDir, 'lab-images-in-use-en-light.png') });

    // Skip to guests: past the page's seven buttons, straight to the first twin.
    await page.getByRole('link', { name: 'Skip to guests', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lab-guests');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h2')?.textContent),
    ).toMatch(/^Twin · /);

    await section.getByTestId('twin-stop').click();
    await expect.poll(stateOf, { timeout: 90_000 }).toEqual(['stopped', 'stopped', 'stopped']);
    await section.getByTestId('twin-start').click();
    await expect.poll(stateOf, { timeout: 90_000 }).toEqual(['running', 'running', 'running']);

    // Korean, dark: the same section under its Korean heading.
    const korean = await openApp(suite.browser, suite.server.url, { colorScheme: 'dark' });
    await korean.page.setViewportSize({ width: 1280, height: 1000 });
    await new AppShell(korean.page).chooseLanguage('한국어');
    await korean.page.getByRole('navigation').getByRole('link', { name: '실습실' }).click();
    const koSection = korean.page.getByRole('region', { name: `쌍둥이 · ${name}`, exact: true });
    await koSection.getByRole('button', { name: /^쌍둥이 삭제/ }).waitFor();
    await capture(korean.page, 'twin-card-ko-dark');
    await korean.context.close();

    // The Compare page's list tells twins of one template apart by their names.
    await shell.open('Compare');
    const indexCard = page.getByRole('article', { name, exact: true });
    await indexCard.getByText(`Twin · ${name}`, { exact: true }).waitFor();
    await indexCard.getByText(`From the template ${templateName}`, { exact: true }).waitFor();
    await shell.open('Lab');
    await section.waitFor();

    // Delete twin: one question listing the parts, then nothing is left.
    await section.getByTestId('twin-delete').click();
    const dialog = page.getByRole('dialog', { name: `Delete the twin ${name}?` });
    await dialog.waitFor();
    for (const guest of guests) await dialog.locator(`[title="${guest}"]`).waitFor();
    await capture(page, 'twin-delete-dialog-en-light');
    await dialog.getByTestId('twin-delete-confirm').click();
    await section.waitFor({ state: 'detached', timeout: 60_000 });
    for (const guest of guests) {
      const { stdout } = await run('docker', ['ps', '-aq', '--filter', `name=^${guest}$`]);
      expect(stdout.trim()).toBe('');
      suite.created.delete(guest);
    }
    const { stdout: domains } = await virsh('list', '--all', '--name');
    expect(domains.split('\n').filter((line) => line.startsWith(name))).toEqual([]);
    await context.close();
  }, 420_000);
});
