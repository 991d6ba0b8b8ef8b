import type { Locator } from 'playwright-core';
import { Wizard } from './wizard';

export type SystemWizardStepName = 'Template' | 'Resources' | 'Review';

/** The "New system container" wizard: Template → Resources → Review → Create. */
export class SystemWizard extends Wizard<SystemWizardStepName> {
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
