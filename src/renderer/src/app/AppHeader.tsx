import { Burger, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { LogoMark } from './LogoMark';

interface AppHeaderProps {
  navigationOpened: boolean;
  onToggleNavigation: () => void;
}

export function AppHeader({ navigationOpened, onToggleNavigation }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        {/* Only on narrow windows, where the navigation folds away. */}
        <Burger
          opened={navigationOpened}
          onClick={onToggleNavigation}
          hiddenFrom="sm"
          size="sm"
          aria-label={t('app.toggleNavigation')}
          aria-expanded={navigationOpened}
        />
        <LogoMark />
        <Text component="span" fw={700} fz="lg" lts={-0.2}>
          {t('app.name')}
        </Text>
      </Group>
      <LanguageSwitch />
    </Group>
  );
}
