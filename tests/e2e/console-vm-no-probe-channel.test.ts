/**
 * Brief s5/h4 item 2: a VM made before Twinlab's probe channel (no second serial port) cannot have
 * its terminal sized or its prompt redrawn when its console reopens, and Twinlab types nothing for
 * it; its console tab says so. The domain is defined (not started) with Twinlab's metadata and only
 * the console's serial port, as an older Twinlab made it; pictured in light and dark.
 */
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { removeDomain } from '../support/domain-cleanup';
import { engineGate } from '../support/engines';
import { capture, guestSuite, openTallApp } from './support/guest-wizard';

const run = promisify(execFile);
const gate = await engineGate(['libvirt']);

function olderDomainXml(name: string, uuid: string): string {
  return `<domain type='qemu'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='MiB'>64</memory>
  <metadata>
    <twinlab:domain xmlns:twinlab='https://twinlab.dev/xmlns/domain/1'>
      <twinlab:managed>true</twinlab:managed>
      <twinlab:template>fixture-microvm</twinlab:template>
      <twinlab:created>${new Date().toISOString()}</twinlab:created>
      <twinlab:files/>
    </twinlab:domain>
  </metadata>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
  </devices>
</domain>`;
}

describe.skipIf(gate.skip)('the console of a VM without the probe channel', () => {
  const suite = guestSuite((name) => removeDomain(name));

  it('says the console cannot be sized or redrawn, and that nothing is typed for it', async () => {
    const name = `twinlab-e2e-noprobe-${process.pid}`;
    const uuid = randomUUID();
    const dir = await mkdtemp(join(tmpdir(), 'tl-noprobe-'));
    suite.created.add(name);
    await writeFile(join(dir, 'older.xml'), olderDomainXml(name, uuid));
    await run('virsh', ['-c', 'qemu:///system', 'define', join(dir, 'older.xml')], {
      timeout: 240_000,
    }).finally(() => rm(dir, { recursive: true }));

    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await openTallApp(suite.browser, suite.server.url, { colorScheme });
      await page.goto(`${suite.server.url.split('#')[0]}#/guests/${uuid}/console`);
      const hint = page.getByTestId('vm-no-probe-channel');
      await hint.waitFor({ timeout: 30_000 });
      expect(await hint.innerText()).toContain('cannot set the size of its terminal');
      expect(await hint.innerText()).toContain('types nothing');
      // The stopped VM's console banner speaks of the guest, not a container, and ends its sentence once.
      const banner = await page.getByTestId('console-banner').innerText();
      expect(banner).toContain('The connection to the guest was lost');
      expect(banner).toContain('when the guest runs again');
      expect(banner).not.toContain('.).');
      await capture(page, `console-vm-no-probe-channel-en-${colorScheme}`);
      await context.close();
    }
  }, 300_000);
});
