import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { Wizard } from './wizard';

export type SystemWizardStepName = 'Template' | 'Resources' | 'Review';

/** The "New system container" wizard: Template → Resources → Review → Create. */
export class SystemWizard extends Wizard<SystemWizardStepName> {
  /**
   * From the Lab page, by keyboard. The button explains instead of opening while the host report
   * says LXD is not usable (still connecting when the app has just started, or a health check that
   * timed out on a loaded host), so it is pressed once LXD reads as usable.
   */
  async openFromLab(): Promise<void> {
    const button = this.page.getByTestId('new-system');
    await expect
      .poll(() => button.getAttribute('aria-disabled'), {
        timeout: 60_000,
        message: 'LXD never read as usable',
      })
      .toBeNull();
    await button.focus();
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL(/#\/lab\/new-system$/);
    await this.waitForStep('Template');
  }

  image(fingerprintPrefix: string): Locator {
    return this.page.getByTestId(`image-option-${fingerprintPrefix.slice(0, 12)}`);
  }

  nameInput(): Locator {
    return this.page.getByLabel('Instance name');
  }

  memoryInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Memory limit' });
  }

  cpusInput(): Locator {
    return this.page.getByRole('textbox', { name: 'CPU limit' });
  }

  /** The lxc launch line on the Review step, once the preview has arrived. */
  launchLine(): Promise<string> {
    return this.reviewCode('lxc-launch');
  }

  instanceYaml(): Promise<string> {
    return this.reviewCode('instance-yaml');
  }

  copyLaunchButton(): Locator {
    return this.page.getByRole('button', { name: 'Copy the lxc launch line', exact: true });
  }

  progress(): Locator {
    return this.page.getByTestId('create-progress');
  }
}
