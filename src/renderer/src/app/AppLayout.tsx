import { AppShell } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { EngineStatusBar } from '../status/EngineStatusBar';
import { AppHeader } from './AppHeader';
import { MainNavigation } from './MainNavigation';
import { useNavigationFocus } from './navigation-focus';

export const mainContentId = 'main-content';

export function AppLayout() {
  const { t } = useTranslation();
  const [navigationOpened, navigation] = useDisclosure(false);
  useNavigationFocus();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }}
      footer={{ height: 34 }}
      padding="xl"
    >
      <a className="skip-link" href={`#${mainContentId}`} onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader navigationOpened={navigationOpened} onToggleNavigation={navigation.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <MainNavigation onNavigate={navigation.close} />
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        {/* Pages other than the Lab are fetched on first use (App.tsx); the shell stays meanwhile. */}
        <Suspense fallback={<LoadingState label={t('app.loadingPage')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <AppShell.Footer role="status" aria-label={t('status.label')}>
        <EngineStatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

/** Under HashRouter a plain `#main-content` link would be taken as a route: move focus instead. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById(mainContentId)?.focus();
}
