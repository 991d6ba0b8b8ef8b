import { join } from 'node:path';

/**
 * Where the built-in templates, lessons and icons are. In a checkout: resources/ beside
 * package.json. In a package: electron-builder copies them (extraResources) next to app.asar, into
 * process.resourcesPath, as real files that engines and external tools can be handed.
 */
export function resourcesDirFor(
  app: { isPackaged: boolean; getAppPath(): string },
  resourcesPath: string,
): string {
  return app.isPackaged ? resourcesPath : join(app.getAppPath(), 'resources');
}
