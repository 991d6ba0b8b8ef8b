import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import {
  templateSchema,
  type Catalog,
  type CatalogEntry,
  type CatalogProblem,
  type Template,
  type TemplateSource,
} from '@shared/template';

export interface TemplateDir {
  dir: string;
  source: TemplateSource;
}

type ParsedTemplateFile = ReturnType<typeof parseTemplateFile>;

/**
 * Each file's parse result, kept while the file is unchanged (same inode, size, mtime and ctime):
 * parsing YAML and checking the schema took ~70 ms of the main process per catalog read, and the
 * renderer reads the catalog on every page load. A file edited, replaced or added is parsed again.
 */
export class TemplateParseCache {
  readonly #entries = new Map<string, { stamp: string; result: ParsedTemplateFile }>();

  async parse(file: string): Promise<ParsedTemplateFile> {
    const info = await stat(file);
    const stamp = `${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
    const kept = this.#entries.get(file);
    if (kept?.stamp === stamp) return kept.result;
    const result = parseTemplateFile(file, await readFile(file, 'utf8'));
    this.#entries.set(file, { stamp, result });
    return result;
  }

  /** Forgets files no longer in the folders. */
  retainOnly(files: ReadonlySet<string>): void {
    for (const file of this.#entries.keys()) if (!files.has(file)) this.#entries.delete(file);
  }
}

/**
 * Reads every *.yaml / *.yml in the given folders, in order. A file that is not valid YAML or
 * does not match the schema becomes a problem naming the file, the field, its line and what is
 * wrong; it never stops the other templates from loading. A repeated id keeps the first one.
 * A missing folder is simply empty (the user template folder usually does not exist).
 */
export async function loadCatalog(
  dirs: TemplateDir[],
  cache: TemplateParseCache = new TemplateParseCache(),
): Promise<Catalog> {
  const entries: CatalogEntry[] = [];
  const problems: CatalogProblem[] = [];
  const seen = new Map<string, string>();
  const read = new Set<string>();
  for (const { dir, source } of dirs) {
    for (const file of await yamlFiles(dir)) {
      read.add(file);
      const result = await cache.parse(file);
      if ('problems' in result) {
        problems.push(...result.problems);
        continue;
      }
      const first = seen.get(result.template.id);
      if (first) {
        problems.push({
          file,
          field: 'id',
          message: `id "${result.template.id}" is already used by ${first}`,
        });
        continue;
      }
      seen.set(result.template.id, file);
      entries.push({ template: result.template, source, file });
    }
  }
  cache.retainOnly(read);
  return { entries, problems };
}

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export function parseTemplateFile(
  file: string,
  text: string,
): { template: Template } | { problems: CatalogProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        field: '',
        line: lines.linePos(error.pos[0]).line,
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  const parsed = templateSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.map(String);
        const node = doc.getIn(path, true);
        const line = isNode(node) && node.range ? lines.linePos(node.range[0]).line : undefined;
        return { file, field: path.join('.'), ...(line !== undefined && { line }), message: issue.message };
      }),
    };
  }
  return { template: resolvePaths(parsed.data, dirname(file)) };
}

/** Kernel and initrd paths are relative to the template's own folder. */
function resolvePaths(template: Template, base: string): Template {
  if (!template.vm?.boot) return template; // a cloud image (vm.image) has a URL, no local paths
  const abs = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  const { boot } = template.vm;
  return {
    ...template,
    vm: {
      ...template.vm,
      boot: { ...boot, kernel: abs(boot.kernel), ...(boot.initrd && { initrd: abs(boot.initrd) }) },
    },
  };
}
