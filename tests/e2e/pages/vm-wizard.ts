import type { Locator } from 'playwright-core';
import { Wizard } from './wizard';

export type VmWizardStepName = 'Template' | 'Resources' | 'Network' | 'Review';

/** The "New VM" wizard: Template → Resources → Network → Review → Create. */
export class VmWizard extends Wizard<VmWizardStepName> {
  nameInput(): Locator {
    return this.page.getByLabel('VM name');
  }

  /** The template's vCPUs and memory, shown read-only. */
  vcpusInput(): Locator {
    return this.page.getByLabel('Virtual CPUs');
  }

  memoryInput(): Locator {
    return this.page.getByLabel('Memory', { exact: true });
  }

  network(): Locator {
    return this.page.getByTestId('vm-network');
  }

  /** The libvirt domain XML on the Review step, once the preview has arrived. */
  domainXml(): Promise<string> {
    return this.reviewCode('domain-xml');
  }

  explanation(): Locator {
    return this.page.getByTestId('xml-explanation');
  }

  copyXmlButton(): Locator {
    return this.page.getByRole('button', { name: 'Copy XML', exact: true });
  }

  progress(): Locator {
    return this.page.getByTestId('create-progress');
  }
}
