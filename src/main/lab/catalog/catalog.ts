import { join } from 'node:path';
import type { Catalog, Template } from '@shared/template';
import { twinError } from '../twins/errors';
import { loadCatalog, TemplateParseCache, type TemplateDir } from './load-templates';

/** The template folders in the order the catalog reads them: built-in, the user's, an extra one. */
export function templateDirs(
  resourcesDir: string,
  userDir: string,
  extraDir: string | undefined,
): TemplateDir[] {
  return [
    { dir: join(resourcesDir, 'templates'), source: 'builtin' },
    { dir: userDir, source: 'user' },
    ...(extraDir ? [{ dir: extraDir, source: 'extra' as const }] : []),
  ];
}

/** The one lookup of a template by id, and its one error when there is none. */
export function templateById(catalog: Catalog, id: string): Template {
  const entry = catalog.entries.find((candidate) => candidate.template.id === id);
  if (!entry) throw twinError('templateNotFound', { templateId: id });
  return entry.template;
}

/**
 * The templates as the folders hold them now: the folders are listed again on every call and a
 * changed file parsed again, so edits show at once.
 */
export class TemplateCatalog {
  readonly #parsed = new TemplateParseCache();

  constructor(private readonly dirs: TemplateDir[]) {}

  list(): Promise<Catalog> {
    return loadCatalog(this.dirs, this.#parsed);
  }

  async get(id: string): Promise<Template> {
    return templateById(await this.list(), id);
  }
}
