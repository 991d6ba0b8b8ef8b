import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { ApiProvider } from '../data/ApiContext';
import type { ApiClient } from '../api/client';
import type { ConnectionStore } from '../data/connection-store';
import { useLiveGuests } from '../data/guests';
import { useLiveEngineStatus } from '../data/useLiveEngineStatus';
import { ComparePage } from '../pages/ComparePage';
import { GuestPage } from '../pages/GuestPage';
import { HostPage } from '../pages/HostPage';
import { LabPage } from '../pages/LabPage';
import { LessonsPage } from '../pages/LessonsPage';
import { TemplatesPage } from '../pages/TemplatesPage';
import { NewContainerPage } from '../wizards/container/NewContainerPage';
import { NewTwinPage } from '../wizards/twin/NewTwinPage';
import { NewSystemPage } from '../wizards/system/NewSystemPage';
import { NewVmPage } from '../wizards/vm/NewVmPage';
import { AppLayout } from './AppLayout';
import { theme } from './theme';

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
