import type { Locator, Page } from 'playwright-core';

/** What the "New container" and "New VM" wizards share: one frame, a template step, Next, Create. */
export class Wizard<StepName extends string> {
  constructor(readonly page: Page) {}

  /** The heading of the step on screen. */
  stepHeading(name: StepName): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  async waitForStep(name: StepName): Promise<void> {
    await this.stepHeading(name).waitFor({ timeout: 30_000 });
  }

  /** Template cards are radios named by the template's name. */
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

  nextButton(): Locator {
    return this.page.getByRole('button', { name: 'Next', exact: true });
  }

  async next(to: StepName): Promise<void> {
    await this.nextButton().click();
    await this.waitForStep(to);
  }

  /** The step on screen, in any UI language. */
  currentStep(): Promise<string | null> {
    return this.page.locator('#wizard-step-title').getAttribute('data-step');
  }

  /** Next, found by its test id so it works in every UI language; waits for the given step. */
  async nextInAnyLanguage(to: 'resources' | 'network' | 'review'): Promise<void> {
    await this.page.getByTestId('wizard-next').click();
    await this.page.locator(`#wizard-step-title[data-step="${to}"]`).waitFor({ timeout: 30_000 });
  }

  createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create', exact: true });
  }

  /** The text of a code block on the Review step, once the preview has arrived. */
  protected async reviewCode(testId: string): Promise<string> {
    const block = this.page.getByTestId(testId);
    await block.waitFor({ timeout: 30_000 });
    return block.innerText();
  }
}
