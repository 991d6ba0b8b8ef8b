import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation, useMatch } from 'react-router';
import { navigationItems, type NavigationItem } from './navigation-items';

function NavigationLink({ item, onNavigate }: { item: NavigationItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const active =
    useMatch({ path: item.path, end: false }) !== null ||
    (item.alsoActiveOn ?? []).some((path) => location.pathname.startsWith(path));
  const Icon = item.icon;
  return (
    <NavLink
      component={RouterNavLink}
      to={item.path}
      label={t(item.labelKey)}
      leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
      active={active}
      variant="light"
      fw={active ? 600 : 500}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      onClick={onNavigate}
    />
  );
}

/** The links only; the `<nav>` landmark and its label come from AppShell.Navbar. */
export function MainNavigation({ onNavigate }: { onNavigate: () => void }) {
  return (
    <Stack gap={4}>
      {navigationItems.map((item) => (
        <NavigationLink key={item.path} item={item} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}
