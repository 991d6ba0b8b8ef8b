import type { CustomScheme } from 'electron';
import type { Locale } from '@shared/locales';
import { readRendererFile, rendererSecurityHeaders } from '../browser-mode/static-files';

/**
 * The renderer's own origin, app://twinlab, served only from the built renderer folder. Unlike
 * file://, whose pages share one origin with every other file on the disk, it is a real origin:
 * CSP 'self', storage and module scripts behave as on a web site, and nothing else lives there.
 */
export const appScheme = 'app';
export const appHost = 'twinlab';
export const appIndexUrl = `${appScheme}://${appHost}/index.html`;

/** Registered before the app is ready (Electron allows it only then). */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  // standard: relative URLs and an origin; secure: a secure context, as https is. Vite's module
  // script and stylesheet tags are CORS-mode requests: supportFetchAPI and corsEnabled let them load.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
};

/**
 * The path an app:// request asks for, still percent-encoded (readRendererFile decodes it and
 * keeps it inside the folder), or undefined when the URL is not on the app's own host.
 */
export function appRequestPath(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return undefined;
  return parsed.pathname;
}

/**
 * The handler for protocol.handle: GET and HEAD of files inside rendererDir, nothing else; the page
 * carries the host's language.
 */
export function serveAppFiles(rendererDir: string, locale: Locale): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD', ...rendererSecurityHeaders } });
    }
    const path = appRequestPath(request.url);
    const file = path === undefined ? undefined : await readRendererFile(rendererDir, path, locale);
    if (!file) {
      return new Response('Not found.\n', {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', ...rendererSecurityHeaders },
      });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, ...rendererSecurityHeaders },
    });
  };
}
