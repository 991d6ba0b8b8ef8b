import { Alert, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { systemMemoryMinMiB } from '@shared/systems';
import { monoInputStyles } from '../../components/mono-input';
import type { SystemWizardValues } from './system-values';

interface SystemResourcesStepProps {
  values: SystemWizardValues;
  /** Each field's problem as a sentence, if any. */
  errors: Partial<Record<'name' | 'memory' | 'cpus', string>>;
  onChange: (change: Partial<Pick<SystemWizardValues, 'name' | 'memoryMiB' | 'cpus'>>) => void;
}

/** An empty number field means no limit. */
const limitOf = (value: number | string): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** Step 2: the instance's name and its limits (limits.memory, limits.cpu); empty means none. */
export function SystemResourcesStep({ values, errors, onChange }: SystemResourcesStepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={720}>
      <TextInput
        label={t('systemWizard.resources.name')}
        description={t('systemWizard.resources.nameHint')}
        required
        styles={monoInputStyles}
        value={values.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        data-testid="system-name"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <NumberInput
          label={t('systemWizard.resources.memory')}
          description={t('systemWizard.resources.memoryHint')}
          placeholder={t('systemWizard.resources.noLimit')}
          suffix=" MiB"
          min={systemMemoryMinMiB}
          step={64}
          allowDecimal={false}
          allowNegative={false}
          value={values.memoryMiB ?? ''}
          error={errors.memory}
          onChange={(value) => onChange({ memoryMiB: limitOf(value) })}
          data-testid="system-memory"
        />
        <NumberInput
          label={t('systemWizard.resources.cpus')}
          description={t('systemWizard.resources.cpusHint')}
          placeholder={t('systemWizard.resources.noLimit')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={values.cpus ?? ''}
          error={errors.cpus}
          onChange={(value) => onChange({ cpus: limitOf(value) })}
          data-testid="system-cpus"
        />
      </SimpleGrid>
      <Alert color="cyan" variant="light" icon={<IconInfoCircle aria-hidden />}>
        {t('systemWizard.resources.explain')}
      </Alert>
    </Stack>
  );
}
