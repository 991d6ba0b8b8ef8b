import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconServer } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { VmTemplateAvailability } from '@shared/vm-availability';
import { ImportVmImageButton } from '../../images/ImportVmImageDialog';

/**
 * Why Next refuses a template whose image is neither cached nor downloadable now, and the three
 * ways out: download it when online, import the file, or use a mirror that has it.
 */
export function VmOfflineAlert({
  templateName,
  availability,
}: {
  templateName: string;
  availability: VmTemplateAvailability;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const source = availability.source;
  const body = !source
    ? t('vmWizard.offline.bodyImported', { template: templateName })
    : t(source.kind === 'mirror' ? 'vmWizard.offline.bodyMirror' : 'vmWizard.offline.body', {
        template: templateName,
        host: source.host,
      });
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconCloudOff aria-hidden />}
      title={t('vmWizard.offline.title', { template: templateName })}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      data-testid="vm-offline"
    >
      <Stack gap="sm">
        <Text size="sm">{body}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('vmWizard.offline.online')}</List.Item>
          <List.Item>{t('vmWizard.offline.import')}</List.Item>
          <List.Item>{t('vmWizard.offline.mirror')}</List.Item>
        </List>
        <Group gap="sm">
          <ImportVmImageButton />
          <Button
            variant="default"
            leftSection={<IconServer size={16} aria-hidden />}
            onClick={() => void navigate('/host')}
          >
            {t('vmWizard.offline.hostLink')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
