import type { Locator, Page } from 'playwright-core';

export type PageName = 'Lab' | 'Compare' | 'Lessons' | 'Templates' | 'Host';
export type EngineName = 'docker' | 'libvirt' | 'lxd';

/** The frame around every page: navigation, language switch, engine status bar. */
export class AppShell {
  constructor(readonly page: Page) {}

  navLink(name: PageName): Locator {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /**
   * Opens a page from the navigation and waits until it is on screen. React Router renders a
   * navigation as a transition, so the old page's heading can still be there right after the
   * click: wait for the link to become the current page first.
   */
  async open(name: PageName): Promise<void> {
    await this.navLink(name).click();
    await this.page
      .getByRole('navigation')
      .locator('a[aria-current="page"]')
      .filter({ hasText: name })
      .waitFor();
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  engine(name: EngineName): Locator {
    return this.page.getByTestId(`engine-${name}`);
  }

  engineState(name: EngineName): Promise<string | null> {
    return this.engine(name).getAttribute('data-state');
  }

  /** Switches the UI language the way a user does: each language is named in itself. */
  async chooseLanguage(label: 'English' | '简体中文' | '한국어'): Promise<void> {
    await this.page.getByText(label, { exact: true }).click();
  }
}
