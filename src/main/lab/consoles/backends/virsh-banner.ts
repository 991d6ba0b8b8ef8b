/**
 * `virsh console` opens with lines of its own before the guest's first byte: polkit's
 * "Authorization not available…" (as a user without polkit), "Connected to domain 'x'" and
 * "Escape character is ^] (Ctrl + ])". They are virsh talking, not the VM, and would repeat on every
 * reconnect; so would its complaint while a domain being restored has no pty yet. This filter drops
 * them from the start of the stream and passes everything after the first line that is not one of
 * them untouched — without holding back a guest's half-printed line
 * (a `login: ` prompt) that cannot be the start of one.
 */
const bannerLines = [
  /^Authorization not available\b/,
  /^Connected to domain\b/,
  /^Escape character is\b/,
  // A domain being restored or started has no serial pty yet: the reconnect loop tries again.
  /^error: operation failed: PTY device is not yet assigned/,
];
const bannerStarts = [
  'Authorization not available',
  'Connected to domain',
  'Escape character is',
  'error: operation failed: PTY device is not yet assigned',
];

export function virshBannerFilter(): (chunk: Buffer) => Buffer {
  let head: Buffer | undefined = Buffer.alloc(0);
  return (chunk) => {
    if (!head) return chunk;
    let pending = Buffer.concat([head, chunk]);
    for (;;) {
      const newline = pending.indexOf(0x0a);
      if (newline < 0) break;
      const line = pending.subarray(0, newline).toString('latin1').replace(/\r$/, '');
      if (!bannerLines.some((pattern) => pattern.test(line))) return passFrom(pending);
      pending = pending.subarray(newline + 1);
    }
    const partial = pending.toString('latin1');
    const mayBeBanner =
      partial === '' || bannerStarts.some((start) => start.startsWith(partial) || partial.startsWith(start));
    if (!mayBeBanner || pending.length > 512) return passFrom(pending);
    head = pending;
    return Buffer.alloc(0);
  };

  function passFrom(rest: Buffer): Buffer {
    head = undefined;
    return rest;
  }
}
