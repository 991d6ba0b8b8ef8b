import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateCatalog } from '../../../src/main/lab/catalog/catalog';
import { loadCatalog, parseTemplateFile } from '../../../src/main/lab/catalog/load-templates';

const twin = `id: demo-twin
name: Demo twin
container:
  image: busybox:1
vm:
  memoryMiB: 256
  boot:
    kernel: ../kernels/vmlinuz
    initrd: /abs/initrd.img
  readyPattern: READY
`;

describe('template files', () => {
  it('parses a twin, applies defaults and resolves paths against the file folder', () => {
    const result = parseTemplateFile('/t/templates/demo.yaml', twin);
    if (!('template' in result)) throw new Error(JSON.stringify(result.problems));
    expect(result.template.vm).toMatchObject({
      vcpus: 1,
      boot: { kernel: '/t/kernels/vmlinuz', initrd: '/abs/initrd.img', cmdline: 'console=ttyS0' },
    });
    expect(result.template.tags).toEqual([]);
  });

  it('names the field, its line and the problem', () => {
    const text = twin.replace('memoryMiB: 256', 'memoryMiB: 16');
    const result = parseTemplateFile('/t/bad.yaml', text);
    expect(result).toEqual({
      problems: [
        { file: '/t/bad.yaml', field: 'vm.memoryMiB', line: 6, message: expect.stringContaining('64') },
      ],
    });
  });

  it('reports YAML syntax errors with their line, unknown fields, and a template with no side', () => {
    expect(parseTemplateFile('/t/a.yaml', 'id: x\nname: [unclosed\n')).toMatchObject({
      problems: [{ file: '/t/a.yaml', line: expect.any(Number) }],
    });
    expect(
      parseTemplateFile('/t/b.yaml', 'id: x\nname: X\ncolour: red\ncontainer: {image: a}\n'),
    ).toMatchObject({
      problems: [{ field: '', message: expect.stringContaining('colour') }],
    });
    expect(parseTemplateFile('/t/c.yaml', 'id: x\nname: X\n')).toMatchObject({
      problems: [{ message: expect.stringContaining('container side') }],
    });
    expect(parseTemplateFile('/t/d.yaml', 'id: Bad_Id\nname: X\ncontainer: {image: a}\n')).toMatchObject({
      problems: [{ field: 'id', line: 1 }],
    });
  });

  it('loads folders in order, keeps the first of a repeated id, and skips a missing folder', async () => {
    const base = await mkdtemp(join(tmpdir(), 'twinlab-catalog-'));
    await mkdir(join(base, 'a'));
    await mkdir(join(base, 'b'));
    await writeFile(join(base, 'a', 'demo.yaml'), twin);
    await writeFile(join(base, 'b', 'same.yml'), twin);
    await writeFile(join(base, 'b', 'notes.txt'), 'not a template');
    await writeFile(join(base, 'b', 'broken.yaml'), 'id: [');
    const catalog = await loadCatalog([
      { dir: join(base, 'a'), source: 'builtin' },
      { dir: join(base, 'missing'), source: 'user' },
      { dir: join(base, 'b'), source: 'extra' },
    ]);
    expect(catalog.entries.map((entry) => [entry.template.id, entry.source])).toEqual([
      ['demo-twin', 'builtin'],
    ]);
    expect(catalog.problems.map((problem) => problem.file)).toEqual([
      join(base, 'b', 'broken.yaml'),
      join(base, 'b', 'same.yml'),
    ]);
    expect(catalog.problems[1]?.message).toContain('already used');
  });

  it('shows an edited, added or removed file on the next read, though it keeps unchanged parses', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'twinlab-catalog-'));
    const file = join(dir, 'demo.yaml');
    await writeFile(file, twin);
    const catalog = new TemplateCatalog([{ dir, source: 'user' }]);
    const first = await catalog.list();
    expect((await catalog.list()).entries[0]?.template).toBe(first.entries[0]?.template);

    // Same length, same mtime as before: only the inode/ctime stamp can tell the edit apart.
    const edited = twin.replace('Demo twin', 'Demo twiN');
    await writeFile(file, edited);
    const sameTime = new Date('2026-01-01T00:00:00Z');
    await utimes(file, sameTime, sameTime);
    expect((await catalog.get('demo-twin')).name).toBe('Demo twiN');

    await writeFile(join(dir, 'second.yaml'), twin.replace('id: demo-twin', 'id: second-twin'));
    expect((await catalog.list()).entries.map((entry) => entry.template.id)).toEqual([
      'demo-twin',
      'second-twin',
    ]);
    await rm(file);
    expect((await catalog.list()).entries.map((entry) => entry.template.id)).toEqual(['second-twin']);
  });
});
