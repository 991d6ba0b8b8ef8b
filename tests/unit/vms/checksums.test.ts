import { describe, expect, it } from 'vitest';
import {
  checksumFor,
  digestKey,
  fileNameOf,
  parseChecksumFile,
  pathBelow,
} from '../../../src/main/lab/images/checksums';

const h256 = 'a1'.repeat(32);
const h512 = 'b2'.repeat(64);

describe('checksum files', () => {
  it('reads GNU lines in text and binary mode, telling the algorithm by length', () => {
    const lines = parseChecksumFile(
      `${h256}  ubuntu-24.04-server-cloudimg-amd64.img\n${h512} *debian-12-genericcloud-amd64.qcow2\r\n`,
    );
    expect(lines).toEqual([
      { algorithm: 'sha256', hex: h256, name: 'ubuntu-24.04-server-cloudimg-amd64.img' },
      { algorithm: 'sha512', hex: h512, name: 'debian-12-genericcloud-amd64.qcow2' },
    ]);
  });

  it("reads Fedora's BSD lines inside a PGP-signed file and skips everything else", () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      '# Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2: 509804544 bytes',
      `SHA256 (Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2) = ${h256.toUpperCase()}`,
      '-----BEGIN PGP SIGNATURE-----',
      'iQIzBAEBCAAdFiEE…',
    ].join('\n');
    expect(parseChecksumFile(text)).toEqual([
      { algorithm: 'sha256', hex: h256, name: 'Fedora-Cloud-Base-Generic-42-1.1.x86_64.qcow2' },
    ]);
  });

  it('finds the line for a file name, preferring SHA-256, and strips a leading ./', () => {
    const lines = parseChecksumFile(`SHA512 (x.img) = ${h512}\nSHA256 (x.img) = ${h256}\n${h256}  ./y.img\n`);
    expect(checksumFor(lines, 'x.img')).toEqual({ found: { algorithm: 'sha256', hex: h256 } });
    expect(checksumFor(lines, 'y.img')).toEqual({ found: { algorithm: 'sha256', hex: h256 } });
    expect(checksumFor(parseChecksumFile(`${h512}  z.img`), 'z.img')).toEqual({
      found: { algorithm: 'sha512', hex: h512 },
    });
  });

  it("takes a per-image file holding only the digest as that image's checksum", () => {
    expect(checksumFor(parseChecksumFile(`${h512}\n`), 'alpine.qcow2')).toEqual({
      found: { algorithm: 'sha512', hex: h512 },
    });
    // Beside named lines a bare digest is not trusted for another name.
    expect(checksumFor(parseChecksumFile(`${h256}\n${h256}  other.img\n`), 'x.img')).toEqual({
      missing: true,
    });
  });

  it('says when a file is missing, and which algorithms it is listed with when none is trusted', () => {
    const lines = parseChecksumFile(`${'c'.repeat(32)}  old.img\nSHA1 (old.img) = ${'d'.repeat(40)}\n`);
    expect(checksumFor(lines, 'new.img')).toEqual({ missing: true });
    expect(checksumFor(lines, 'old.img')).toEqual({ unsupported: ['MD5', 'SHA1'] });
    // A name that merely contains the wanted one is another file.
    expect(checksumFor(parseChecksumFile(`${h256}  x.img.sig`), 'x.img')).toEqual({ missing: true });
  });

  it('takes the file name from the URL path, decoded, without the query', () => {
    expect(fileNameOf('https://example.org/a/b/disk%20one.qcow2?x=1')).toBe('disk one.qcow2');
  });

  it('keeps plain SHA-256 cache names and prefixes others', () => {
    expect(digestKey({ algorithm: 'sha256', hex: h256 })).toBe(h256);
    expect(digestKey({ algorithm: 'sha512', hex: h512 })).toBe(`sha512-${h512}`);
  });
});

describe('a file listed by its path below the checksum file', () => {
  const ubuntu =
    parseChecksumFile(`${'a'.repeat(64)} *unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic
${'b'.repeat(64)} *ubuntu-24.04-server-cloudimg-amd64.img
`);
  const release = 'https://cloud-images.ubuntu.com/releases/noble/release';

  it('is found by its relative path, as Ubuntu lists unpacked kernels', () => {
    const url = `${release}/unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic`;
    const relative = pathBelow(`${release}/SHA256SUMS`, url);
    expect(relative).toBe('unpacked/ubuntu-24.04-server-cloudimg-amd64-vmlinuz-generic');
    expect(checksumFor(ubuntu, fileNameOf(url), relative)).toEqual({
      found: { algorithm: 'sha256', hex: 'a'.repeat(64) },
    });
  });

  it('falls back to the file name for a url outside the checksum file folder', () => {
    expect(pathBelow(`${release}/SHA256SUMS`, 'https://mirror.example/x/disk.img')).toBe('disk.img');
  });
});
