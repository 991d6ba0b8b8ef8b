import type { TwinlabBridge } from '@shared/bridge';
import type { Transport } from './transport';

export function ipcTransport(bridge: TwinlabBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
    onConnection(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
