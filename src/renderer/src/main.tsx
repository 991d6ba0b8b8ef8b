import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppInfo } from '@shared/api';
import { connectApi } from './api/client';
import { App } from './app/App';
import { MissingTokenNotice } from './app/MissingTokenNotice';
import { prefetchLabData } from './app/prefetch';
import { createConnectionStore } from './data/connection-store';
import { createQueryClient, queryKeys } from './data/queries';
import { initI18n } from './i18n';
import { resolveStartupLocale } from './i18n/startup-locale';

/** Created once, outside React, so StrictMode's double effects never open a second connection. */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  const client = connectApi();
  if (!client) {
    await initI18n(await resolveStartupLocale(Promise.resolve(undefined)));
    createRoot(root).render(<MissingTokenNotice />);
    return;
  }
  const connection = createConnectionStore(client);
  const queryClient = createQueryClient();
  prefetchLabData(client, queryClient);

  // Asked once at startup: it decides the language and then sits in the cache for the app.
  const appInfo: Promise<AppInfo | undefined> = client.call('app.info', {}).then(
    (info) => {
      queryClient.setQueryData(queryKeys.appInfo, info);
      return info;
    },
    () => undefined,
  );
  await initI18n(await resolveStartupLocale(appInfo));

  createRoot(root).render(
    <StrictMode>
      <App api={{ client, connection }} queryClient={queryClient} />
    </StrictMode>,
  );
}

void start();
