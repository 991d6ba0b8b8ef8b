import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TerminalView } from './terminal';

/** The Lessons list and one lesson's view: steps panel, Start lesson, Run and Check, the consoles. */
export class LessonPage {
  constructor(readonly page: Page) {}

  card(lessonId: string): Locator {
    return this.page.getByTestId(`lesson-${lessonId}`);
  }

  cardProgress(lessonId: string): Locator {
    return this.card(lessonId).getByTestId('lesson-progress');
  }

  async open(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open lesson ${title}`, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Chooses the twin template by its name in the picker, then Start lesson. */
  async start(templateName: string, startLabel = 'Start lesson'): Promise<void> {
    await this.page.getByTestId('start-lesson').getByRole('combobox').click();
    await this.page.getByRole('option', { name: templateName, exact: true }).click();
    await this.page.getByRole('button', { name: startLabel, exact: true }).click();
  }

  /** The console panes' guest names, once the twin is there. */
  async guestNames(timeout = 120_000): Promise<string[]> {
    const panes = this.page.getByTestId('console-panes').locator('section[data-testid^="pane-"]');
    await panes.first().waitFor({ timeout });
    const ids = await panes.evaluateAll((elements) =>
      elements.map((e) => e.getAttribute('data-testid') ?? ''),
    );
    return ids.map((id) => id.replace(/^pane-/, '')).filter((name) => name !== 'host');
  }

  /** The label of the pane whose label starts with `prefix` ("VM", "虚拟机"). */
  paneLabel(prefix: string): Promise<string> {
    return this.page
      .getByTestId('console-panes')
      .getByTestId('pane-label')
      .filter({ hasText: new RegExp(`^${prefix}`) })
      .innerText();
  }

  terminal(paneLabel: string): TerminalView {
    return new TerminalView(
      this.page,
      this.page.getByRole('region', { name: paneLabel, exact: true }).getByTestId('terminal'),
    );
  }

  step(stepId: string): Locator {
    return this.page.getByTestId(`step-${stepId}`);
  }

  stepIds(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="step-"][data-state]')
      .evaluateAll((elements) =>
        elements.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^step-/, '')),
      );
  }

  check(stepId: string, checkId: string): Locator {
    return this.step(stepId).getByTestId(`check-${checkId}`);
  }

  /** Presses each Run of the step (each is followed by its checks), then Check, and waits for the verdict. */
  async runAndCheck(stepId: string, names = { run: /^Run /, check: /^Check step / }): Promise<string> {
    const timeout = 120_000;
    const step = this.step(stepId);
    const idle = () => expect.poll(() => step.getAttribute('data-busy'), { timeout }).toBeNull();
    const runs = step.getByRole('button', { name: names.run });
    for (let index = 0; index < (await runs.count()); index += 1) {
      await runs.nth(index).click();
      await idle();
    }
    await step.getByRole('button', { name: names.check }).click();
    await idle();
    return (await step.getAttribute('data-state')) ?? '';
  }

  checkStatuses(stepId: string): Promise<string[]> {
    return this.step(stepId)
      .locator('[data-testid^="check-"][data-status]')
      .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-status') ?? ''));
  }

  reset(): Locator {
    return this.page.getByRole('button', { name: 'Reset', exact: true });
  }
}
