import type { Locator, Page } from 'playwright-core';
import { TerminalView } from './terminal';

export type ContainerTab = 'Console' | 'Logs' | 'Stats' | 'Inspect';

/** One container's page: header with state and lifecycle buttons, then its four tabs. */
export class ContainerPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  tab(name: ContainerTab): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openTab(name: ContainerTab): Promise<void> {
    await this.tab(name).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
  }

  terminal(): TerminalView {
    return new TerminalView(this.page);
  }

  state(): Promise<string | null> {
    return this.page.getByTestId('guest-facts').getByTestId('guest-state').getAttribute('data-state');
  }

  action(name: 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Resume' | 'Remove'): Locator {
    return this.page.getByRole('main').getByRole('button', { name, exact: true });
  }

  /** Remove, then confirm in the dialog; the app goes back to the Lab. */
  async remove(): Promise<void> {
    await this.action('Remove').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Remove container', exact: true }).click();
  }

  statsCard(name: 'cpu' | 'memory' | 'pids' | 'network' | 'block'): Locator {
    return this.page.getByTestId(`stats-${name}`);
  }
}
