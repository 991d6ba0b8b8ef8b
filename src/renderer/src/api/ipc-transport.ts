import type { Transport } from './transport';

/**
 * What the preload exposes as `window.twinlab` (src/preload/bridge.ts, TwinlabBridge). Declared here
 * structurally because tsconfig.web.json does not include src/preload/*.ts, so the renderer cannot
 * import that file; TwinlabBridge must stay assignable to this type.
 */
export type Bridge = Pick<Transport, 'invoke' | 'subscribe'>;

export function ipcTransport(bridge: Bridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
    onConnection(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
