import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckGroup, HostCheck } from '@shared/host';
import { CheckRow } from './CheckRow';

export function CheckGroupSection({ group, checks }: { group: CheckGroup; checks: HostCheck[] }) {
  const { t } = useTranslation();
  const headingId = `check-group-${group}`;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="xs">
      <Title order={2} id={headingId} fz="md" fw={650}>
        {t(`hostPage.group.${group}`)}
      </Title>
      <Paper withBorder radius="md">
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {checks.map((check, index) => (
            <CheckRow key={check.id} check={check} separated={index > 0} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
