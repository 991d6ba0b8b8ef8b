/** Checksums of cloud images: the digest a file must have, and upstream checksum files. */

/** The algorithms Twinlab verifies with. MD5 and SHA-1 are listed by some projects but prove nothing. */
export type DigestAlgorithm = 'sha256' | 'sha512';

export interface Digest {
  algorithm: DigestAlgorithm;
  /** Lowercase hex. */
  hex: string;
}

export interface ChecksumLine {
  /** Lowercase: sha256, sha512, md5, sha1, … */
  algorithm: string;
  hex: string;
  name: string;
}

/** GNU tools name no algorithm; the digest's length tells it. */
const algorithmByHexLength: Record<number, string> = {
  32: 'md5',
  40: 'sha1',
  56: 'sha224',
  64: 'sha256',
  96: 'sha384',
  128: 'sha512',
};

/** `hash  name` (text mode) or `hash *name` (binary mode), as sha256sum and sha512sum print them. */
const gnuLine = /^([0-9a-fA-F]{32,128}) [ *](.+)$/;
/** A digest alone: a per-image file such as `image.qcow2.sha512` may hold nothing else. */
const bareLine = /^([0-9a-fA-F]{32,128})$/;
/** `SHA256 (name) = hash`, as Fedora's CHECKSUM files and `sha256sum --tag` print them. */
const bsdLine = /^([A-Za-z0-9-]+) ?\((.+)\) ?= ?([0-9a-fA-F]{32,128})$/;

/**
 * Every checksum line in a SHA256SUMS / SHA512SUMS / CHECKSUM file. Other lines (PGP armour,
 * comments, blank lines) are skipped.
 */
export function parseChecksumFile(text: string): ChecksumLine[] {
  const lines: ChecksumLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '').trim();
    const gnu = gnuLine.exec(line) ?? bareLine.exec(line);
    if (gnu?.[1]) {
      const algorithm = algorithmByHexLength[gnu[1].length];
      // A bare digest names no file (''): it is the checksum file's own image.
      if (algorithm) lines.push({ algorithm, hex: gnu[1].toLowerCase(), name: cleanName(gnu[2] ?? '') });
      continue;
    }
    const bsd = bsdLine.exec(line);
    if (bsd?.[1] && bsd[2] && bsd[3])
      lines.push({
        algorithm: bsd[1].toLowerCase().replace('-', ''),
        hex: bsd[3].toLowerCase(),
        name: cleanName(bsd[2]),
      });
  }
  return lines;
}

function cleanName(name: string): string {
  return name.trim().replace(/^\.\//, '');
}

export type ChecksumLookup =
  | { found: Digest }
  | { missing: true }
  /** The file is listed, but only with algorithms Twinlab does not verify with. */
  | { unsupported: string[] };

/**
 * The digest a checksum file gives for one file: SHA-256 when listed, else SHA-512. The file may be
 * listed by its name or by its path below the checksum file's folder (Ubuntu lists its unpacked
 * kernels as `unpacked/…-vmlinuz-generic`).
 */
export function checksumFor(
  lines: ChecksumLine[],
  fileName: string,
  relativePath = fileName,
): ChecksumLookup {
  const named = lines.filter((line) => line.name === fileName || line.name === relativePath);
  // A file of bare digests belongs to one image: the one whose URL it sits beside.
  const listed = named.length > 0 || lines.some((line) => line.name !== '') ? named : lines;
  if (listed.length === 0) return { missing: true };
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const line = listed.find((entry) => entry.algorithm === algorithm);
    if (line && line.hex.length === (algorithm === 'sha256' ? 64 : 128))
      return { found: { algorithm, hex: line.hex } };
  }
  return { unsupported: [...new Set(listed.map((line) => line.algorithm.toUpperCase()))] };
}

/** The file name a checksum file lists an image under: the last segment of its URL's path. */
export function fileNameOf(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** Where `url` sits relative to the folder of `checksumsUrl`, when it sits below it; else its file name. */
export function pathBelow(checksumsUrl: string, url: string): string {
  const folder = new URL('.', checksumsUrl).href;
  return url.startsWith(folder) ? decodeURIComponent(url.slice(folder.length)) : fileNameOf(url);
}

/** How a digest names files in the cache: plain hex for SHA-256 (as before), prefixed otherwise. */
export function digestKey(digest: Digest): string {
  return digest.algorithm === 'sha256' ? digest.hex : `${digest.algorithm}-${digest.hex}`;
}
