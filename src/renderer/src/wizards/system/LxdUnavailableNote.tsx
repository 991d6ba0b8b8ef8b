import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HostCheck } from '@shared/host';

/** Why system containers cannot be made here, in the Host page's words, and the way to its fix. */
export function LxdUnavailableNote({ check }: { check: HostCheck }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="lxd-unavailable">
      <Text size="sm">{t(check.summaryKey, check.params)}</Text>
      <Anchor component={Link} to="/host" size="sm" fw={600} w="fit-content">
        {t('systemWizard.unavailable.fix')}
      </Anchor>
    </Stack>
  );
}
