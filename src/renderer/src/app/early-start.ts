import type { AppInfo, MethodResult } from '@shared/api';
import { connectApi, type ApiClient } from '../api/client';
import { loadCatalog } from '../i18n/catalogs';
import { knownStartupLocale } from '../i18n/known-locale';

/** The Lab page's first data, asked for before the framework's code has arrived. */
export interface LabFirstData {
  guests: Promise<MethodResult<'guests.list'>>;
  templates: Promise<MethodResult<'templates.list'>>;
}

export interface EarlyStart {
  /** Undefined when a browser-mode tab was opened without its token. */
  client: ApiClient | undefined;
  appInfo: Promise<AppInfo | undefined>;
  /** Only when the Lab is the page being opened. */
  lab: LabFirstData | undefined;
}

const labAddress = /^#?\/?(lab\/?)?$/;

/**
 * Run first, by boot.ts (the page's only script), before main.tsx has loaded: it is small and
 * framework-free, so the API connection opens and the first answers (app.info, the Lab's guest list
 * and catalog) are on their way while the browser still fetches and compiles React and Mantine.
 * main.tsx imports the same module instance and takes what it started.
 */
function start(): EarlyStart {
  // The UI language's catalog too, when the page names it: initI18n takes the same fetch.
  const locale = knownStartupLocale();
  if (locale) loadCatalog(locale).catch(() => undefined);
  const client = connectApi();
  if (!client) return { client, appInfo: Promise.resolve(undefined), lab: undefined };
  const appInfo = client.call('app.info', {}).catch(() => undefined);
  if (!labAddress.test(window.location.hash)) return { client, appInfo, lab: undefined };
  // The router's first render is then the Lab itself, not the index route's redirect to it.
  if (!window.location.hash.startsWith('#/lab'))
    window.history.replaceState(window.history.state, '', '#/lab');
  const lab = { guests: client.call('guests.list', {}), templates: client.call('templates.list', {}) };
  // main.tsx hands these to the query cache; until then a failure must not be an unhandled rejection.
  lab.guests.catch(() => undefined);
  lab.templates.catch(() => undefined);
  return { client, appInfo, lab };
}

export const earlyStart: EarlyStart = start();
