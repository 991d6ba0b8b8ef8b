import type { Locator } from 'playwright-core';
import { Wizard } from './wizard';

export type WizardStepName = 'Template' | 'Resources' | 'Network & storage' | 'Review';

/** The "New container" wizard: Template → Resources → Network & storage → Review → Create. */
export class ContainerWizard extends Wizard<WizardStepName> {
  nameInput(): Locator {
    return this.page.getByLabel('Container name');
  }

  memoryInput(): Locator {
    return this.page.getByLabel('Memory limit');
  }

  /** The equivalent `docker run …` on the Review step, once the preview has arrived. */
  dockerRun(): Promise<string> {
    return this.reviewCode('docker-run');
  }

  copyCommandButton(): Locator {
    return this.page.getByRole('button', { name: 'Copy command', exact: true });
  }

  problems(): Locator {
    return this.page.getByTestId('review-problems');
  }
}
