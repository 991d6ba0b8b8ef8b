import type { Locator, Page } from 'playwright-core';

/** The Lab page: Twinlab's guests as cards, other containers folded away, images, and the wizard's button. */
export class LabPage {
  constructor(readonly page: Page) {}

  newContainerButton(): Locator {
    return this.page.getByRole('button', { name: 'New container', exact: true });
  }

  newVmButton(): Locator {
    return this.page.getByRole('button', { name: 'New VM', exact: true });
  }

  newTwinButton(): Locator {
    return this.page.getByRole('button', { name: 'New twin', exact: true });
  }

  /** A twin's section, by its heading ("Twin · <twin name>"). */
  twinSection(twinName: string): Locator {
    return this.page.getByRole('region', { name: `Twin · ${twinName}`, exact: true });
  }

  importImageButton(): Locator {
    return this.page.getByRole('button', { name: 'Import image', exact: true });
  }

  guestCard(name: string): Locator {
    return this.page.getByTestId(`guest-${name}`);
  }

  /** Opens a guest's page by its name, the link on its card. */
  async openGuest(name: string): Promise<void> {
    await this.guestCard(name).getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }
}
