import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { earlyStart } from './app/early-start';
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
  const { client, appInfo, lab } = earlyStart;
  if (!client) {
    await initI18n(await resolveStartupLocale(Promise.resolve(undefined)));
    createRoot(root).render(<MissingTokenNotice />);
    return;
  }
  const connection = createConnectionStore(client);
  const queryClient = createQueryClient();
  if (lab) prefetchLabData(lab, queryClient);
  // Asked once at startup: it decides the language (when the page does not) and then sits in the cache.
  void appInfo.then((info) => info && queryClient.setQueryData(queryKeys.appInfo, info));
  await initI18n(await resolveStartupLocale(appInfo));

  createRoot(root).render(
    <StrictMode>
      <App api={{ client, connection }} queryClient={queryClient} />
    </StrictMode>,
  );
}

void start();
