import { describe, expect, it } from 'vitest';
import { restartedDomain } from '../../../src/main/lab/consoles/vm-starts';

/** Lines of `virsh event --all --loop` (libvirt 9, Debian 12), as printed on this host. */
describe("a domain (re)start in libvirt's event stream", () => {
  it('names the domain of a start, a restore and a reboot inside the guest', () => {
    expect(restartedDomain("event 'lifecycle' for domain 'tl-vm': Started Booted")).toBe('tl-vm');
    expect(restartedDomain("event 'lifecycle' for domain 'tl-vm': Started Restored\n")).toBe('tl-vm');
    expect(restartedDomain("event 'reboot' for domain 'tl vm'")).toBe('tl vm');
  });

  it('ignores every other event', () => {
    for (const line of [
      "event 'lifecycle' for domain 'tl-vm': Defined Added",
      "event 'lifecycle' for domain 'tl-vm': Stopped Saved",
      "event 'lifecycle' for domain 'tl-vm': Resumed Unpaused",
      "event 'lifecycle' for domain 'tl-vm': Suspended Paused",
      "event 'rtc-change' for domain 'tl-vm': 0",
      'event loop interrupted',
      '',
    ])
      expect(restartedDomain(line), line).toBeUndefined();
  });
});
