import type { Download, Locator, Page } from 'playwright-core';
import { exportReport } from './export-menu';

/** The "How many fit?" page: the form, the run's live status and Cancel, the result, Export. */
export class DensityPage {
  constructor(readonly page: Page) {}

  form(): Locator {
    return this.page.getByTestId('density-form');
  }

  async chooseTemplate(name: string): Promise<void> {
    await this.form().getByRole('combobox', { name: 'Template' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async chooseWorkload(name: 'Idle' | 'Web server' | 'Holds memory'): Promise<void> {
    await this.form().getByRole('radio', { name, exact: true }).check();
  }

  /** Ticks exactly these kinds, by their accessible names. */
  async chooseKinds(wanted: readonly string[]): Promise<void> {
    for (const name of ['Container', 'Sandbox', 'System container', 'VM']) {
      const box = this.form().getByRole('checkbox', { name, exact: true });
      if ((await box.count()) === 0 || (await box.isDisabled())) continue;
      if ((await box.isChecked()) !== wanted.includes(name)) await box.click();
    }
  }

  async fill(label: 'Host memory budget' | 'Guests per kind, at most', value: number): Promise<void> {
    await this.form().getByRole('textbox', { name: label }).fill(String(value));
  }

  /**
   * Opens the page from the navigation and starts an idle run of containers and VMs. The form opens
   * with the last run's settings (perhaps another workload), so every field is set.
   */
  async startIdleRun(template: string, budgetMiB: number, perKind: number): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'How many fit?', exact: true }).click();
    await this.form().waitFor();
    await this.chooseTemplate(template);
    await this.chooseWorkload('Idle');
    await this.chooseKinds(['Container', 'VM']);
    await this.fill('Host memory budget', budgetMiB);
    await this.fill('Guests per kind, at most', perKind);
    await this.start();
  }

  start(): Promise<void> {
    return this.form().getByRole('button', { name: 'Start', exact: true }).click();
  }

  status(): Locator {
    return this.page.getByTestId('density-status');
  }

  cancelButton(): Locator {
    return this.page.getByTestId('density-progress').getByRole('button', { name: 'Cancel', exact: true });
  }

  result(): Locator {
    return this.page.getByTestId('density-result');
  }

  ratio(): Locator {
    return this.page.getByTestId('density-ratio');
  }

  /** A kind's row of the result table: guests, memory, fit, and why it stopped (with the service's sentence). */
  kindRow(kind: 'container' | 'vm'): Locator {
    return this.page.getByTestId(`density-kind-${kind}`);
  }

  /** The number of guests measured in a kind's row of the result table. */
  async guestsMeasured(kind: 'container' | 'vm'): Promise<number> {
    return Number(await this.kindRow(kind).getByRole('cell').first().innerText());
  }

  /** The chart's drawn lines (one per kind measured). */
  chartLines(): Locator {
    return this.page.getByTestId('density-chart').locator('.recharts-line');
  }

  export(format: 'Markdown' | 'HTML page'): Promise<Download> {
    return exportReport(this.page, format);
  }
}
