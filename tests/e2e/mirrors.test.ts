import { existsSync } from 'node:fs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { openApp, screenshot, screenshotDir } from './support/browser';
import { AppShell } from './pages/app-shell';
import { HostPage } from './pages/host-page';

const gate = await engineGate(['docker', 'libvirt']);
/** Written by scripts/build-mirror.sh on lab and CI machines. */
const machineFile = '/etc/xdg/twinlab/mirrors.yaml';
if (!existsSync(machineFile) && process.env['CI'])
  throw new Error(`CI requires ${machineFile}: run scripts/build-mirror.sh`);

describe.skipIf(gate.skip || !existsSync(machineFile))('mirrors on the Host page', () => {
  const configHome = mkdtempSync(join(tmpdir(), 'tl-e2e-mirrors-'));
  const app = appUnderTest({ XDG_CONFIG_HOME: configHome });

  it('shows the machine’s mirrors answering, then the user’s own silent one, then the default again', async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    await new AppShell(page).open('Host');
    const host = new HostPage(page);
    await host.waitForReport();
    const panel = page.getByTestId('mirror-panel');

    await expect.poll(() => panel.getByTestId('mirror-in-use').innerText()).toContain(machineFile);
    expect(await panel.getByTestId('mirror-http').innerText()).toMatch(
      /http:\/\/127\.0\.0\.1:8787\s+Answers/i,
    );
    expect(await panel.getByTestId('mirror-registry').innerText()).toMatch(/127\.0\.0\.1:5000\s+Answers/i);
    expect(await panel.getByTestId('mirror-docker').innerText()).toContain('http://127.0.0.1:5000/');
    await expect.poll(() => host.checkStatus('mirrors'), { timeout: 15_000 }).toBe('ok');
    await screenshot(page, 'mirrors-machine-en-light');
    await panel.screenshot({ path: join(screenshotDir, 'mirrors-panel-machine-en-light.png') });

    // A typo is marked on its field, and nothing is saved.
    const httpField = panel.getByRole('textbox', { name: 'HTTP mirror' });
    await httpField.fill('ftp://10.0.0.5');
    await panel.getByRole('button', { name: 'Save my mirrors' }).click();
    await expect.poll(() => httpField.getAttribute('aria-invalid')).toBe('true');
    expect(existsSync(join(configHome, 'twinlab', 'mirrors.yaml'))).toBe(false);

    // The user's own setting wins; a mirror that is not there is shown as silent, and the check warns.
    await httpField.fill('http://127.0.0.1:1');
    await panel.getByRole('textbox', { name: 'Registry mirror' }).fill('');
    await httpField.press('Enter');
    await expect.poll(() => panel.getByTestId('mirror-in-use').innerText()).toContain('your own setting');
    expect(readFileSync(join(configHome, 'twinlab', 'mirrors.yaml'), 'utf8')).toContain(
      'http: http://127.0.0.1:1',
    );
    expect(await panel.getByTestId('mirror-http').innerText()).toMatch(/Does not answer/i);
    await expect(panel.getByTestId('mirror-registry').count()).resolves.toBe(0);
    await host.recheckButton().click();
    await expect.poll(() => host.checkStatus('mirrors'), { timeout: 20_000 }).toBe('warn');
    expect(await host.check('mirrors').innerText()).toContain('http://127.0.0.1:1');
    await screenshot(page, 'mirrors-user-silent-en-light');
    await panel.screenshot({ path: join(screenshotDir, 'mirrors-panel-user-silent-en-light.png') });

    await panel.getByRole('button', { name: 'Use the default' }).click();
    await expect.poll(() => panel.getByTestId('mirror-in-use').innerText()).toContain(machineFile);
    expect(existsSync(join(configHome, 'twinlab', 'mirrors.yaml'))).toBe(false);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`renders in Korean, ${colorScheme}`, async () => {
      const { context, page } = await openApp(app.browser, app.server.url, { colorScheme });
      await new AppShell(page).chooseLanguage('한국어');
      await page.getByRole('navigation').getByRole('link', { name: '호스트' }).click();
      await new HostPage(page).waitForReport();
      const panel = page.getByTestId('mirror-panel');
      await expect.poll(() => panel.getByTestId('mirror-http').innerText()).toContain('응답함');
      await expect(panel.getByRole('textbox', { name: 'HTTP 미러' }).count()).resolves.toBe(1);
      await screenshot(page, `mirrors-ko-${colorScheme}`);
      await panel.screenshot({ path: join(screenshotDir, `mirrors-panel-ko-${colorScheme}.png`) });
      await context.close();
    });
  }
});
