const BLOCK = 512;

/** A ustar archive holding files given in memory: enough for a one-Dockerfile build context. */
export function tarOf(files: ReadonlyArray<{ name: string; content: string }>): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const body = Buffer.from(file.content, 'utf8');
    const header = Buffer.alloc(BLOCK);
    header.write(file.name, 0, 100, 'utf8');
    header.write('0000644\0', 100, 'latin1'); // mode
    header.write('0000000\0', 108, 'latin1'); // uid
    header.write('0000000\0', 116, 'latin1'); // gid
    header.write(body.length.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
    header.write('00000000000\0', 136, 'latin1'); // mtime: fixed, so the archive is reproducible
    header.write('        ', 148, 'latin1'); // checksum placeholder: spaces while summing
    header.write('0', 156, 'latin1');
    header.write('ustar\0' + '00', 257, 'latin1');
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    parts.push(header, body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}
