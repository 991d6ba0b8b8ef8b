import type { Locator, Page } from 'playwright-core';

/** The Host page: one row per readiness check, with status, summary, details and fixes. */
export class HostPage {
  constructor(readonly page: Page) {}

  check(id: string): Locator {
    return this.page.getByTestId(`check-${id}`);
  }

  checkStatus(id: string): Promise<string | null> {
    return this.check(id).getAttribute('data-status');
  }

  recheckButton(): Locator {
    return this.page.getByRole('button', { name: 'Re-check' });
  }

  /** Waits until the report is on screen (the checks arrive after the first engine probe). */
  async waitForReport(): Promise<void> {
    await this.check('kvm-usable').waitFor({ timeout: 30_000 });
  }
}
