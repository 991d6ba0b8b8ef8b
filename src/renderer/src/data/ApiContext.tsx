import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { ConnectionState } from '../api/transport';
import type { ConnectionStore } from './connection-store';

interface ApiContextValue {
  client: ApiClient;
  connection: ConnectionStore;
}

const ApiContext = createContext<ApiContextValue | null>(null);

/** One client for the whole app: it owns the transport (and, in browser mode, the one WebSocket). */
export function ApiProvider({ value, children }: { value: ApiContextValue; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() needs an <ApiProvider> above it.');
  return value;
}

export function useApi(): ApiClient {
  return useApiContext().client;
}

/** The link to main: always 'open' in Electron; in browser mode it drops when the server goes away. */
export function useConnectionState(): ConnectionState {
  const { connection } = useApiContext();
  return useSyncExternalStore(connection.subscribe, connection.get);
}
