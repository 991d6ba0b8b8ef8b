import type { Locator, Page } from 'playwright-core';
import { TerminalView } from './terminal';

/** What every guest's page has: a heading, tabs, a console, a state badge, action buttons. */
export class GuestPageObject<Tab extends string, Action extends string> {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tab(name: Tab): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: Tab): Promise<void> {
    await this.tab(name).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  terminal(): TerminalView {
    return new TerminalView(this.page);
  }

  state(): Promise<string | null> {
    return this.page.getByTestId('guest-facts').getByTestId('guest-state').getAttribute('data-state');
  }

  action(name: Action): Locator {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  /** Press the remove action, then confirm with the dialog's button; the app goes back to the Lab. */
  protected async removeWith(action: Action, confirm: string): Promise<void> {
    await this.action(action).click();
    await this.page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
  }
}
