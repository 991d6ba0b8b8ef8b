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

  it("drops virsh's complaint while a restored domain has no pty yet", () => {
    expect(feed(['error: operation failed: PTY device is not yet assigned\r\n'])).toBe('');
    expect(feed(['error: Domain not found\r\n'])).toBe('error: Domain not found\r\n');
  });

  it('never holds back a guest prompt that cannot be a banner line', () => {
    const filter = virshBannerFilter();
    expect(filter(Buffer.from("Connected to domain 'x'\r\n")).toString()).toBe('');
    expect(filter(Buffer.from('/ # ')).toString()).toBe('/ # ');
  });

  it('passes everything once the guest has spoken, banner-looking lines included', () => {
    expect(feed(['hello\r\n', "Connected to domain 'x'\r\n"])).toBe("hello\r\nConnected to domain 'x'\r\n");
  });
});
