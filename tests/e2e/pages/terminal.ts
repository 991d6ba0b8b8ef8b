import type { Locator, Page } from 'playwright-core';

/**
 * An embedded terminal (xterm.js, DOM renderer). Its visible text is read from `.xterm-rows`;
 * `data-phase` says whether the view is attached, `data-state` what the session in main is doing.
 */
export class TerminalView {
  constructor(
    readonly page: Page,
    readonly root: Locator = page.getByTestId('terminal'),
  ) {}

  /** Waits until the view is attached to an open session. */
  async waitUntilOpen(timeout = 30_000): Promise<void> {
    await this.root.and(this.page.locator('[data-phase="attached"][data-state="open"]')).waitFor({ timeout });
  }

  text(): Promise<string> {
    return this.root.locator('.xterm-rows').innerText();
  }

  async waitForText(expected: string | RegExp, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let last = '';
    while (Date.now() < deadline) {
      last = await this.text();
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
      await this.page.waitForTimeout(150);
    }
    throw new Error(`terminal never showed ${String(expected)}; it shows:\n${last}`);
  }

  /** Clicks into the terminal so that keys go to it. */
  async focus(): Promise<void> {
    await this.root.click();
  }

  /** Types a command line and presses Enter, as a user would. */
  async run(command: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press('Enter');
  }

  /** A button of the terminal's toolbar, by its accessible name. */
  tool(name: 'Copy' | 'Paste' | 'Find' | 'Zoom in' | 'Zoom out' | 'Reconnect' | 'End session'): Locator {
    return this.page.getByRole('toolbar').getByRole('button', { name, exact: true });
  }

  /** Right-click menu, then one of its items. */
  async menu(item: 'Copy' | 'Paste' | 'Select all' | 'Clear' | 'Find…'): Promise<void> {
    await this.root.click({ button: 'right' });
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Pastes the clipboard with the terminal's shortcut. */
  async pasteWithShortcut(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+Shift+V');
  }
}
