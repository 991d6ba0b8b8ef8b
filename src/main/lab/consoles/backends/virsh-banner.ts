/**
 * `virsh console` opens with lines of its own before the guest's first byte: polkit's
 * "Authorization not available…" (as a user without polkit), "Connected to domain 'x'" and
 * "Escape character is ^] (Ctrl + ])". When it cannot reach the guest it ends with an error line and
 * a blank line instead: "error: The domain is not running" (stopped, or being saved for a
 * checkpoint), "error: operation failed: PTY device is not yet assigned" and "error: stream had I/O
 * failure" (being restored). They are virsh talking, not the VM, and would repeat on every
 * reconnect. This filter drops them from the start of the stream and passes everything after the
 * first line that is not one of them untouched — without holding back a guest's half-printed line
 * (a `login: ` prompt) that cannot be the start of one. A guest whose very first line after the
 * banner begins "error: " loses that line; no console the lab opens starts so.
 */
const escapeLine = /^Escape character is\b/;
const bannerLines = [/^Authorization not available\b/, /^Connected to domain\b/, escapeLine];
const virshError = /^error: /;
const bannerStarts = ['Authorization not available', 'Connected to domain', 'Escape character is', 'error: '];

export interface VirshBannerEvents {
  /** virsh's own error, without "error: ", when it gave up before the guest said anything. */
  onError?(message: string): void;
  /** The stream to the guest is open (virsh printed its escape character line). */
  onConnected?(): void;
}

export function virshBannerFilter(events: VirshBannerEvents = {}): (chunk: Buffer) => Buffer {
  let head: Buffer | undefined = Buffer.alloc(0);
  /** virsh ends its error with a blank line, which belongs to it too. */
  let afterError = false;
  return (chunk) => {
    if (!head) return chunk;
    let pending = Buffer.concat([head, chunk]);
    for (;;) {
      const newline = pending.indexOf(0x0a);
      if (newline < 0) break;
      const line = pending.subarray(0, newline).toString('utf8').replace(/\r$/, '');
      if (virshError.test(line)) {
        afterError = true;
        events.onError?.(line.replace(virshError, ''));
      } else if (line === '' && afterError) afterError = false;
      else if (bannerLines.some((pattern) => pattern.test(line))) {
        afterError = false;
        if (escapeLine.test(line)) events.onConnected?.();
      } else return passFrom(pending);
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
