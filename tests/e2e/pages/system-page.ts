import type { Locator } from 'playwright-core';
import { GuestPageObject } from './guest-page';

export type SystemTab = 'Console' | 'Stats' | 'Inspect' | 'Snapshots';
type SystemActionName = 'Start' | 'Stop' | 'Remove';

/** One system container's page: its shell, its numbers from LXD's /state, its config and id map. */
export class SystemPage extends GuestPageObject<SystemTab, SystemActionName> {
  remove(): Promise<void> {
    return this.removeWith('Remove', 'Remove container');
  }

  statsCard(name: 'cpu' | 'memory' | 'processes' | 'host-pid'): Locator {
    return this.page.getByTestId(`stats-${name}`);
  }

  idmap(): Locator {
    return this.page.getByTestId('system-idmap');
  }

  config(): Locator {
    return this.page.getByTestId('system-config');
  }
}
