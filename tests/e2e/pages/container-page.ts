import type { Locator } from 'playwright-core';
import { GuestPageObject } from './guest-page';

export type ContainerTab = 'Console' | 'Logs' | 'Stats' | 'Inspect';
type ContainerActionName = 'Start' | 'Stop' | 'Restart' | 'Pause' | 'Resume' | 'Remove';

/** One container's page: header with state and lifecycle buttons, then its four tabs. */
export class ContainerPage extends GuestPageObject<ContainerTab, ContainerActionName> {
  remove(): Promise<void> {
    return this.removeWith('Remove', 'Remove container');
  }

  statsCard(name: 'cpu' | 'memory' | 'pids' | 'network' | 'block'): Locator {
    return this.page.getByTestId(`stats-${name}`);
  }
}
