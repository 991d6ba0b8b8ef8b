import { z } from 'zod';
import type { EnginesStatus } from './engines';
import type { HostReport } from './host';
import type { Catalog } from './template';
import type { Locale } from './locales';

/**
 * The one contract between renderer and main. Main registers a handler for every method here
 * through one wrapper (sender/token check → zod parse → service); the renderer calls them through
 * one client that does not know whether it runs over Electron IPC or the browser-mode WebSocket.
 */
const returns =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, result: undefined as unknown as Result });

const noInput = z.object({}).strict();

export interface AppInfo {
  version: string;
  /** How this renderer is connected: the Electron window or a loopback browser tab. */
  mode: 'electron' | 'browser';
  /** The host's preferred language, from its locale environment. */
  hostLocale: Locale;
  platform: string;
}

export const api = {
  'app.info': returns<AppInfo>()(noInput),
  'engines.status': returns<EnginesStatus>()(noInput),
  /** Runs every host check; cached results unless `refresh` (the Re-check button). */
  'host.check': returns<HostReport>()(z.object({ refresh: z.boolean().default(false) }).strict()),
  'templates.list': returns<Catalog>()(noInput),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type MethodResult<M extends MethodName> = Api[M]['result'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

/** Events main pushes to every connected renderer. */
export interface ApiEvents {
  'engines.status': EnginesStatus;
}
export type EventName = keyof ApiEvents;
