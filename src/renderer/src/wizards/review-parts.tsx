import { Button, DataList, Group, Loader, Paper, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The Review step's summary: one row per fact, label then value. */
export function ReviewSummary({ facts }: { facts: [string, string][] }) {
  return (
    <Paper withBorder radius="md" p="md">
      <DataList labelWidth={160} gap={6} data-testid="review-summary">
        {facts.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Paper>
  );
}

/** Asks main again for the preview; a spinner replaces its icon while it does. */
export function RecheckButton({
  label,
  checking,
  onRecheck,
}: {
  label: string;
  checking: boolean;
  onRecheck: () => void;
}) {
  return (
    <Button
      size="xs"
      variant="subtle"
      leftSection={checking ? <Loader size={12} aria-hidden /> : <IconRefresh size={14} aria-hidden />}
      onClick={onRecheck}
      disabled={checking}
    >
      {label}
    </Button>
  );
}

/** Said while the preview is on its way. */
export function CheckingNote() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" aria-hidden />
      <Text size="sm" c="dimmed">
        {t('wizard.checking')}
      </Text>
    </Group>
  );
}
