import type { Locator } from 'playwright-core';
import { GuestPageObject } from './guest-page';

export type VmTab = 'Console' | 'Stats' | 'Inspect';
export type VmActionName = 'Start' | 'Shut down' | 'Force off' | 'Pause' | 'Resume' | 'Reboot' | 'Delete';

/** One VM's page: header with state, runtime, boot time and lifecycle buttons, then its three tabs. */
export class VmPage extends GuestPageObject<VmTab, VmActionName> {
  runtime(): Locator {
    return this.page.getByTestId('guest-runtime');
  }

  bootTime(): Locator {
    return this.page.getByTestId('guest-facts').getByTestId('boot-time');
  }

  remove(): Promise<void> {
    return this.removeWith('Delete', 'Delete VM');
  }

  statsCard(name: 'cpu' | 'memory' | 'guest-memory' | 'disk'): Locator {
    return this.page.getByTestId(`stats-${name}`);
  }

  domainXml(): Locator {
    return this.page.getByTestId('domain-xml');
  }
}
