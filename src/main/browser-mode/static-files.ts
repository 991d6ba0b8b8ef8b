import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Locale } from '@shared/locales';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * Headers for every built renderer file, in browser mode and on the Electron shell's app://.
 * The page's meta CSP says the same; a header also carries frame-ancestors, which a meta cannot.
 */
export const rendererSecurityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  // Browser mode's token rides in the URL fragment, which no Referer carries; none at all is simpler still.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * The built renderer's file for a URL path, or undefined. `/` is index.html. Paths are
 * normalised and must stay inside `root`, so `..` can never reach other files.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(root, relative));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    const body = await readFile(path);
    return { body, contentType: contentTypes[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

const hostLocaleMeta = '<meta name="twinlab-host-locale" content="" />';

/**
 * The page with the host's language in its meta tag (index.html has it empty): the renderer then
 * starts in that language at once instead of waiting for `app.info` over the API. Other files, and
 * a page without the tag, are returned as they are.
 */
export function withHostLocale(file: StaticFile, locale: Locale): StaticFile {
  if (!file.contentType.startsWith('text/html')) return file;
  const html = file.body.toString('utf8');
  if (!html.includes(hostLocaleMeta)) return file;
  const filled = html.replace(hostLocaleMeta, hostLocaleMeta.replace('content=""', `content="${locale}"`));
  return { ...file, body: Buffer.from(filled, 'utf8') };
}

/** The built renderer's file for a URL path, as this host is served it: the page names its language. */
export async function readRendererFile(
  root: string,
  urlPath: string,
  locale: Locale,
): Promise<StaticFile | undefined> {
  const found = await readStaticFile(root, urlPath);
  return found && withHostLocale(found, locale);
}
