import type { Download, Locator, Page } from 'playwright-core';
import { exportReport } from './export-menu';
import { TerminalView } from './terminal';

/** The Compare page of a twin: labelled console panes, switches, probes, the table, the export. */
export class ComparePage {
  constructor(readonly page: Page) {}

  /** A console pane by its label ("Container · runc", "Sandbox · gVisor", "VM · QEMU (TCG)"…). */
  pane(label: string): Locator {
    return this.page.getByRole('region', { name: label, exact: true });
  }

  paneLabels(): Promise<string[]> {
    return this.page.getByTestId('console-panes').getByTestId('pane-label').allInnerTexts();
  }

  terminal(label: string): TerminalView {
    return new TerminalView(this.page, this.pane(label).getByTestId('terminal'));
  }

  typeInAll(): Locator {
    return this.page.getByRole('switch', { name: 'Type in all', exact: true });
  }

  hostTerminal(): Locator {
    return this.page.getByRole('switch', { name: 'Host terminal', exact: true });
  }

  maximise(label: string): Locator {
    return this.page.getByRole('button', { name: `Maximise ${label}`, exact: true });
  }

  restore(label: string): Locator {
    return this.page.getByRole('button', { name: `Restore ${label}`, exact: true });
  }

  measureInside(): Locator {
    return this.page.getByRole('button', { name: 'Measure inside', exact: true });
  }

  async runProbe(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Run probe', exact: true }).click();
    await this.page.getByRole('menuitem').filter({ hasText: title }).click();
    await this.page.getByRole('menu').waitFor({ state: 'hidden' });
  }

  probeOutput(probe: string, guestName: string): Locator {
    return this.page.getByTestId(`probe-${probe}`).getByTestId(`probe-output-${guestName}`);
  }

  /** The value cells of one table row, in column order. */
  rowValues(row: string): Promise<string[]> {
    return this.page.getByTestId(`measure-row-${row}`).getByTestId('measure-value').allInnerTexts();
  }

  /** Chooses Export → `format` and waits for the file. */
  export(format: 'Markdown' | 'HTML page'): Promise<Download> {
    return exportReport(this.page, format);
  }
}
