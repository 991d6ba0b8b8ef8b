import type { Locator } from 'playwright-core';
import { Wizard } from './wizard';

export type TwinStep = 'Template' | 'Name' | 'Review';

/** The "New twin" flow: Template → Name → Review → Create. */
export class TwinWizard extends Wizard<TwinStep> {
  nameInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Twin name' });
  }

  sandboxCheckbox(): Locator {
    return this.page.getByRole('checkbox', { name: /^Add a sandbox column/ });
  }

  guestNames(): Promise<string[]> {
    return this.page.getByTestId('twin-guest-names').locator('.mantine-Badge-label').allInnerTexts();
  }

  dockerRun(role: 'container' | 'sandbox'): Promise<string> {
    return this.reviewCode(`docker-run-${role}`);
  }

  domainXml(): Promise<string> {
    return this.reviewCode('domain-xml');
  }

  progress(): Locator {
    return this.page.getByTestId('create-progress');
  }
}
