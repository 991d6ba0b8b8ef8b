import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { ApiProvider } from '../data/ApiContext';
import type { ApiClient } from '../api/client';
import type { ConnectionStore } from '../data/connection-store';
import { useLiveGuests } from '../data/guests';
import { useLiveEngineStatus } from '../data/useLiveEngineStatus';
import { LabPage } from '../pages/LabPage';
import { AppLayout } from './AppLayout';
import { lazyPage } from './lazy-page';
import { theme } from './theme';

// The Lab is the first page and comes with the app; every other page is fetched when first opened.
const NewContainerPage = lazyPage(
  () => import('../wizards/container/NewContainerPage'),
  (m) => m.NewContainerPage,
);
const NewVmPage = lazyPage(
  () => import('../wizards/vm/NewVmPage'),
  (m) => m.NewVmPage,
);
const NewTwinPage = lazyPage(
  () => import('../wizards/twin/NewTwinPage'),
  (m) => m.NewTwinPage,
);
const NewSystemPage = lazyPage(
  () => import('../wizards/system/NewSystemPage'),
  (m) => m.NewSystemPage,
);
const GuestPage = lazyPage(
  () => import('../pages/GuestPage'),
  (m) => m.GuestPage,
);
const ComparePage = lazyPage(
  () => import('../pages/ComparePage'),
  (m) => m.ComparePage,
);
const DensityPage = lazyPage(
  () => import('../pages/DensityPage'),
  (m) => m.DensityPage,
);
const LessonsPage = lazyPage(
  () => import('../pages/LessonsPage'),
  (m) => m.LessonsPage,
);
const TemplatesPage = lazyPage(
  () => import('../pages/TemplatesPage'),
  (m) => m.TemplatesPage,
);
const HostPage = lazyPage(
  () => import('../pages/HostPage'),
  (m) => m.HostPage,
);

interface AppProps {
  api: { client: ApiClient; connection: ConnectionStore };
  queryClient: QueryClient;
}

/** Mounted once under the providers so live updates flow whatever page is open. */
function LiveUpdates() {
  useLiveEngineStatus();
  useLiveGuests();
  return null;
}

export function App({ api, queryClient }: AppProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <Notifications position="bottom-right" />
      <ApiProvider value={api}>
        <QueryClientProvider client={queryClient}>
          <LiveUpdates />
          {/* Hash routing: app:// and browser mode serve only built files, so paths do not route. */}
          <HashRouter>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<Navigate to="/lab" replace />} />
                <Route path="lab" element={<LabPage />} />
                <Route path="lab/new-container" element={<NewContainerPage />} />
                <Route path="lab/new-vm" element={<NewVmPage />} />
                <Route path="lab/new-twin" element={<NewTwinPage />} />
                <Route path="lab/new-system" element={<NewSystemPage />} />
                <Route path="guests/:id/:tab?" element={<GuestPage />} />
                <Route path="compare/:twinId?" element={<ComparePage />} />
                <Route path="density" element={<DensityPage />} />
                <Route path="lessons/:id?" element={<LessonsPage />} />
                <Route path="templates" element={<TemplatesPage />} />
                <Route path="host" element={<HostPage />} />
                <Route path="*" element={<Navigate to="/lab" replace />} />
              </Route>
            </Routes>
          </HashRouter>
        </QueryClientProvider>
      </ApiProvider>
    </MantineProvider>
  );
}
