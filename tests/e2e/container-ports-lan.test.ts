import { describe, expect, it } from 'vitest';
import { engineGate } from '../support/engines';
import { appUnderTest } from './support/app-under-test';
import { capture, openTallApp } from './support/guest-wizard';
import { AppShell } from './pages/app-shell';
import { ContainerWizard } from './pages/container-wizard';
import { LabPage } from './pages/lab-page';

// Issue #16: published ports are for this computer (127.0.0.1) unless the learner ticks
// "Other computers" for a port; the review's docker run line says which.
const gate = await engineGate(['docker']);

describe.skipIf(gate.skip)('published ports in the container wizard', () => {
  const app = appUnderTest();

  it('publishes on 127.0.0.1 by default and on every address only when ticked', async () => {
    const { context, page } = await openTallApp(app.browser, app.server.url);
    const wizard = new ContainerWizard(page);
    await new AppShell(page).open('Lab');
    await new LabPage(page).newContainerButton().click();
    await wizard.waitForStep('Template');
    await wizard.pickTemplate('fixture-busybox');
    await wizard.next('Resources');
    await wizard.next('Network & storage');
    await page.getByRole('button', { name: 'Add a port' }).click();
    await page.getByRole('button', { name: 'Add a port' }).click();
    await page.getByLabel('Container port (row 1)').fill('80');
    await page.getByLabel('Host port (row 1)').fill('18080');
    await page.getByLabel('Container port (row 2)').fill('81');
    await page.getByLabel('Reachable from other computers on the network (row 2)').check();
    await capture(page, 'wizard-3-network-ports');
    await wizard.next('Review');
    const dockerRun = await wizard.dockerRun();
    expect(dockerRun).toContain('--publish 127.0.0.1:18080:80/tcp');
    expect(dockerRun).toContain('--publish 81/tcp');
    await capture(page, 'wizard-4-review-ports');
    await context.close();
  });
});
