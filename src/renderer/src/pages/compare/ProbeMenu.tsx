import { Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconStethoscope } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { probes, type ProbeId } from './probes';

/** "Run probe": one item per probe, with the command it types. */
export function ProbeMenu({
  running,
  onRun,
}: {
  running: ProbeId | undefined;
  onRun: (id: ProbeId) => void;
}) {
  const { t } = useTranslation();
  return (
    <Menu shadow="md" width={320} position="bottom-end">
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconStethoscope size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          loading={running !== undefined}
        >
          {t('compare.runProbe')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown aria-label={t('compare.runProbe')}>
        {probes.map((probe) => (
          <Menu.Item key={probe.id} onClick={() => onRun(probe.id)} data-probe={probe.id}>
            <Text size="sm">{t(probe.titleKey)}</Text>
            <Text size="xs" c="dimmed" ff="monospace" truncate>
              {probe.command}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
