import type { Locator, Page } from 'playwright-core';

export type VmWizardStepName = 'Template' | 'Resources' | 'Network' | 'Review';

/** The "New VM" wizard: Template → Resources → Network → Review → Create. */
export class VmWizard {
  constructor(readonly page: Page) {}

  stepHeading(name: VmWizardStepName): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  async waitForStep(name: VmWizardStepName): Promise<void> {
    await this.stepHeading(name).waitFor({ timeout: 30_000 });
  }

  template(id: string): Locator {
    return this.page.getByTestId(`template-option-${id}`);
  }

  async pickTemplate(id: string): Promise<void> {
    await this.template(id).click();
    await this.page.waitForFunction(
      (testId) =>
        document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('aria-checked') === 'true',
      `template-option-${id}`,
    );
  }

  nameInput(): Locator {
    return this.page.getByLabel('VM name');
  }

  /** The template's vCPUs and memory, shown read-only. */
  vcpusInput(): Locator {
    return this.page.getByLabel('Virtual CPUs');
  }

  memoryInput(): Locator {
    return this.page.getByLabel('Memory', { exact: true });
  }

  async next(to: VmWizardStepName): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
    await this.waitForStep(to);
  }

  /** The step on screen, in any UI language; Next found by its test id. */
  async nextInAnyLanguage(to: 'resources' | 'network' | 'review'): Promise<void> {
    await this.page.getByTestId('wizard-next').click();
    await this.page.locator(`#wizard-step-title[data-step="${to}"]`).waitFor({ timeout: 30_000 });
  }

  network(): Locator {
    return this.page.getByTestId('vm-network');
  }

  /** The libvirt domain XML on the Review step, once the preview has arrived. */
  async domainXml(): Promise<string> {
    const block = this.page.getByTestId('domain-xml');
    await block.waitFor({ timeout: 30_000 });
    return block.innerText();
  }

  explanation(): Locator {
    return this.page.getByTestId('xml-explanation');
  }

  copyXmlButton(): Locator {
    return this.page.getByRole('button', { name: 'Copy XML', exact: true });
  }

  createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create', exact: true });
  }

  progress(): Locator {
    return this.page.getByTestId('create-progress');
  }
}
