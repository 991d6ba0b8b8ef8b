import { NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRuntimeOptions } from './runtimes';
import type { StepFormProps } from './step-props';
import { monoInputStyles } from '../../components/mono-input';

/** The Select's value for "Docker's default" (an empty value would read as no selection). */
const defaultRuntime = 'default';

/** What each runtime means for the lesson; unknown (kata-*) ones get the generic sentence. */
function runtimeHintKey(runtime: string): string {
  if (runtime === '' || runtime === 'runc') return 'wizard.resources.runtimeHint.runc';
  if (runtime === 'runsc') return 'wizard.resources.runtimeHint.runsc';
  if (runtime.startsWith('kata')) return 'wizard.resources.runtimeHint.kata';
  return 'wizard.resources.runtimeHint.other';
}

/** Step 2: name, memory, CPUs and runtime. */
export function ResourcesStep({ values, change, errorFor }: StepFormProps) {
  const { t } = useTranslation();
  const runtimes = useRuntimeOptions();
  const options = [
    { value: defaultRuntime, label: t('wizard.resources.runtimeDefault') },
    ...runtimes.map((runtime) => ({
      value: runtime,
      label: t(`wizard.resources.runtimeName.${runtime}`, { defaultValue: runtime }),
    })),
  ];
  // A runtime from the template that Docker does not list stays selectable, so validation can explain.
  if (values.runtime && !runtimes.includes(values.runtime))
    options.push({ value: values.runtime, label: values.runtime });

  return (
    <Stack gap="lg" maw={720}>
      <TextInput
        label={t('wizard.resources.name')}
        description={t('wizard.resources.nameHint')}
        required
        styles={monoInputStyles}
        value={values.name}
        onChange={(event) => {
          const name = event.currentTarget.value;
          change('name', (current) => ({ ...current, name }));
        }}
        error={errorFor('name')}
        autoComplete="off"
        spellCheck={false}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <NumberInput
          label={t('wizard.resources.memory')}
          description={t('wizard.resources.memoryHint')}
          suffix=" MiB"
          min={6}
          step={64}
          allowDecimal={false}
          allowNegative={false}
          value={values.memoryMiB}
          onChange={(value) =>
            change('memoryMiB', (current) => ({
              ...current,
              memoryMiB: typeof value === 'number' ? value : '',
            }))
          }
          error={errorFor('memoryMiB')}
          placeholder={t('wizard.resources.noLimit')}
        />
        <NumberInput
          label={t('wizard.resources.cpus')}
          description={t('wizard.resources.cpusHint')}
          min={0.01}
          step={0.5}
          decimalScale={2}
          allowNegative={false}
          value={values.cpus}
          onChange={(value) =>
            change('cpus', (current) => ({ ...current, cpus: typeof value === 'number' ? value : '' }))
          }
          error={errorFor('cpus')}
          placeholder={t('wizard.resources.noLimit')}
        />
      </SimpleGrid>
      <Select
        label={t('wizard.resources.runtime')}
        description={t(runtimeHintKey(values.runtime))}
        data={options}
        value={values.runtime || defaultRuntime}
        onChange={(value) =>
          change('runtime', (current) => ({
            ...current,
            runtime: !value || value === defaultRuntime ? '' : value,
          }))
        }
        allowDeselect={false}
        error={errorFor('runtime')}
        maw={360}
      />
    </Stack>
  );
}
