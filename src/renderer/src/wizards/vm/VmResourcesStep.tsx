import { Alert, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VmSide } from '@shared/template';
import { monoInputStyles } from '../../components/mono-input';
import { formatNumber } from '../../lib/format/number';

interface VmResourcesStepProps {
  name: string;
  vm: VmSide | undefined;
  error: string | undefined;
  onName: (name: string) => void;
}

/** Step 2: the VM's name; its vCPUs and memory come from the template and are shown read-only. */
export function VmResourcesStep({ name, vm, error, onName }: VmResourcesStepProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <TextInput
        label={t('vmWizard.resources.name')}
        description={t('vmWizard.resources.nameHint')}
        required
        styles={monoInputStyles}
        value={name}
        error={error}
        onChange={(event) => onName(event.currentTarget.value)}
        data-testid="vm-name"
      />
      {vm && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('vmWizard.resources.vcpus')}
            value={t('templates.vcpus', { count: vm.vcpus })}
            readOnly
            variant="filled"
          />
          <TextInput
            label={t('vmWizard.resources.memory')}
            value={t('templates.memory', { value: formatNumber(vm.memoryMiB, i18n.language) })}
            readOnly
            variant="filled"
          />
        </SimpleGrid>
      )}
      <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('vmWizard.resources.fromTemplate')}
      </Alert>
    </Stack>
  );
}
