import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EngineName } from '@shared/engines';
import { useEnginesStatus } from '../../data/queries';

const engines: EngineName[] = ['docker', 'libvirt'];

/**
 * On a first run the engines may be missing or stopped. Each engine that does not answer gets one
 * alert: what cannot be done without it, what still works, and the way to the Host page's fix. It
 * follows the live `engines.status` event, so it goes away by itself once the engine answers.
 */
export function EnginesMissingAlert() {
  const { t } = useTranslation();
  const { data } = useEnginesStatus();
  const down = engines.filter((engine) => data?.[engine].state === 'down');
  if (down.length === 0) return null;
  return (
    <Stack gap="sm">
      {down.map((engine) => {
        const other = engines.find((name) => name !== engine) ?? engine;
        const otherUp = data?.[other].state === 'up';
        return (
          <Alert
            key={engine}
            color="orange"
            icon={<IconPlugConnectedX size={18} aria-hidden />}
            title={t(`lab.engineMissing.${engine}.title`)}
            data-testid={`engine-missing-${engine}`}
          >
            <Stack gap={6}>
              <Text size="sm">
                {t(`lab.engineMissing.${engine}.body`)}{' '}
                {otherUp && t(`lab.engineMissing.${engine}.stillWorks`)}
              </Text>
              <Text size="sm" c="dimmed">
                {t('lab.engineMissing.endpoint')} <Code>{data?.[engine].endpoint}</Code>
              </Text>
              <Anchor component={Link} to="/host" size="sm" fw={600} w="fit-content">
                {t('lab.engineMissing.fix')}
              </Anchor>
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
