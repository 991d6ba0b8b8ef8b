import type { Locator, Page } from 'playwright-core';
import { TerminalView } from './terminal';

export type VmTab = 'Console' | 'Stats' | 'Inspect';
export type VmActionName = 'Start' | 'Shut down' | 'Force off' | 'Pause' | 'Resume' | 'Reboot' | 'Delete';

/** One VM's page: header with state, runtime, boot time and lifecycle buttons, then its three tabs. */
export class VmPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tab(name: VmTab): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: VmTab): Promise<void> {
    await this.tab(name).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  terminal(): TerminalView {
    return new TerminalView(this.page);
  }

  state(): Promise<string | null> {
    return this.page.getByTestId('guest-facts').getByTestId('guest-state').getAttribute('data-state');
  }

  runtime(): Locator {
    return this.page.getByTestId('guest-runtime');
  }

  bootTime(): Locator {
    return this.page.getByTestId('guest-facts').getByTestId('boot-time');
  }

  action(name: VmActionName): Locator {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  /** Delete, then confirm in the dialog; the app goes back to the Lab. */
  async remove(): Promise<void> {
    await this.action('Delete').click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Delete VM', exact: true }).click();
  }

  statsCard(name: 'cpu' | 'memory' | 'guest-memory' | 'disk'): Locator {
    return this.page.getByTestId(`stats-${name}`);
  }

  domainXml(): Locator {
    return this.page.getByTestId('domain-xml');
  }
}
