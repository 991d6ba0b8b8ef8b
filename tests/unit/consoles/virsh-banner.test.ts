import { describe, expect, it } from 'vitest';
import { virshBannerFilter } from '../../../src/main/lab/consoles/backends/virsh-banner';

const feed = (chunks: string[]) => {
  const filter = virshBannerFilter();
  return chunks.map((chunk) => filter(Buffer.from(chunk, 'latin1')).toString('latin1')).join('');
};

describe("virsh console's own lines", () => {
  it('drops the polkit notice and the connect banner, in one chunk or split anywhere', () => {
    const virsh =
      'Authorization not available. Check if polkit service is running or see debug message for more information.\r\n' +
      "Connected to domain 'tl-vm'\r\nEscape character is ^^ (Ctrl + ^)\r\n";
    const guest = '\r\nDebian GNU/Linux 12 tl-vm ttyS0\r\n\r\ntl-vm login: ';
    expect(feed([virsh + guest])).toBe(guest);
    const text = virsh + guest;
    for (let cut = 1; cut < text.length; cut += 7)
      expect(feed([text.slice(0, cut), text.slice(cut)])).toBe(guest);
  });

  it("drops virsh's complaint while a restored domain has no pty yet, and tells its owner", () => {
    const errors: string[] = [];
    const filter = virshBannerFilter({ onError: (message) => errors.push(message) });
    const shown = filter(Buffer.from('error: operation failed: PTY device is not yet assigned\r\n\r\n'));
    expect(shown.toString()).toBe('');
    expect(errors).toEqual(['operation failed: PTY device is not yet assigned']);
  });

  /**
   * What `virsh console` printed, connection by connection, while a lesson checkpoint saved the
   * fixture microVM (virsh save, disk copy, virsh restore), recorded raw under node-pty on
   * 2026-12-04. Each passed a line to the session, so '[disconnected — waiting for the guest]'
   * was printed again for every retry.
   */
  const polkit =
    'Authorization not available. Check if polkit service is running or see debug message for more information.\r\n';
  const banner = "Connected to domain 'tl-vm'\r\nEscape character is ^^ (Ctrl + ^)\r\n";
  const recordedDuringSave: string[][] = [
    [polkit, 'error: The domain is not running\r\n\r\n'],
    [polkit, 'error: Requested operation is not valid: domain is not running\r\n\r\n'],
    [polkit, banner, 'error: operation failed: PTY device is not yet assigned\r\n\r\n'],
    [polkit, banner + 'error: operation failed: PTY device is not yet assigned\r\n\r\n'],
    [
      polkit,
      "Connected to domain 'tl-vm'\r\nEscape character is ^^",
      ' (Ctrl + ^)',
      '\r\n',
      'error: ',
      'stream had I/O failure\r\n',
      '\r\n',
    ],
    [polkit, banner, 'error: stream had I/O failure\r\n\r\n'],
  ];

  it.each(recordedDuringSave.map((chunks, index) => [index, chunks] as const))(
    'shows nothing of a connection that never reached the guest (recorded run %i)',
    (_index, chunks) => {
      expect(feed(chunks)).toBe('');
      const text = chunks.join('');
      for (let cut = 1; cut < text.length; cut += 5)
        expect(feed([text.slice(0, cut), text.slice(cut)])).toBe('');
    },
  );

  it('never holds back a guest prompt that cannot be a banner line', () => {
    const filter = virshBannerFilter();
    expect(filter(Buffer.from("Connected to domain 'x'\r\n")).toString()).toBe('');
    expect(filter(Buffer.from('/ # ')).toString()).toBe('/ # ');
  });

  it('passes everything once the guest has spoken, banner-looking lines included', () => {
    expect(feed(['hello\r\n', "Connected to domain 'x'\r\n"])).toBe("hello\r\nConnected to domain 'x'\r\n");
  });
});
