import { Button, Checkbox, Group, NumberInput, Paper, Radio, Select, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DENSITY_MAX_PER_KIND, densityKinds, type DensityLimits } from '@shared/density';
import type { CatalogEntry } from '@shared/template';
import { currentLocale } from '../../i18n';
import { useDescribeError } from '../../i18n/describe-error';
import { templateText } from '../../data/template-text';
import { formatBytes } from '../../lib/format/bytes';
import { kindLabel } from './density-text';
import {
  budgetBoundsMiB,
  MAX_HOLD_MIB,
  MIN_BUDGET_MIB,
  validateDensityForm,
  workloadChoices,
  type DensityFormValues,
  type WorkloadChoice,
} from './density-form';

interface DensityFormProps {
  limits: DensityLimits;
  templates: readonly CatalogEntry[];
  values: DensityFormValues;
  onChange: (values: DensityFormValues) => void;
  running: boolean;
  onStart: () => void;
}

/** What to measure: template, workload, budget, kinds and a count limit, then Start. */
export function DensityForm({ limits, templates, values, onChange, running, onStart }: DensityFormProps) {
  const { t, i18n } = useTranslation();
  const describe = useDescribeError();
  const locale = currentLocale();
  /** Why a kind cannot run here, in the UI language (main's English if the catalogs lack the key). */
  const reasonText = ({ reason, reasonKey, reasonParams }: DensityLimits['kinds'][number]) =>
    reasonKey && reason !== undefined
      ? describe({ key: reasonKey, message: reason, params: reasonParams })
      : reason;
  // Errors show once the user tried to start, so a half-typed number is not flagged at once.
  const [tried, setTried] = useState(false);
  const errors = tried ? validateDensityForm(values, limits) : {};
  const error = (field: keyof typeof errors) => (errors[field] ? t(errors[field]) : undefined);
  const { maxMiB } = budgetBoundsMiB(limits);
  const set = (patch: Partial<DensityFormValues>) => onChange({ ...values, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(validateDensityForm(values, limits)).length === 0) onStart();
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="form"
      onSubmit={submit}
      noValidate
      data-testid="density-form"
    >
      <Stack gap="md">
        <Select
          label={t('density.form.template')}
          data={templates.map(({ template }) => ({
            value: template.id,
            label: templateText(template, locale).name,
          }))}
          value={values.templateId}
          onChange={(templateId) => set({ templateId })}
          error={error('templateId')}
          allowDeselect={false}
          disabled={running}
          searchable
        />
        <Radio.Group
          label={t('density.form.workload')}
          value={values.workload}
          onChange={(workload) => set({ workload: workload as WorkloadChoice })}
        >
          <Stack gap="xs" mt={6}>
            {workloadChoices.map((choice) => (
              <Radio
                key={choice}
                value={choice}
                disabled={running}
                label={t(`density.form.workloadChoice.${choice}`)}
                description={t(`density.form.workloadHint.${choice}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {values.workload === 'hold' && (
          <NumberInput
            label={t('density.form.holdMiB')}
            value={values.holdMiB}
            onChange={(holdMiB) => set({ holdMiB })}
            min={1}
            max={MAX_HOLD_MIB}
            allowDecimal={false}
            suffix=" MiB"
            error={error('holdMiB')}
            disabled={running}
          />
        )}
        <NumberInput
          label={t('density.form.budget')}
          description={t('density.form.budgetHint', {
            available: formatBytes(limits.memAvailableBytes, i18n.language),
            max: maxMiB,
          })}
          value={values.budgetMiB}
          onChange={(budgetMiB) => set({ budgetMiB })}
          min={MIN_BUDGET_MIB}
          max={maxMiB}
          step={256}
          allowDecimal={false}
          suffix=" MiB"
          error={error('budgetMiB')}
          disabled={running}
        />
        <Checkbox.Group
          label={t('density.form.kinds')}
          value={values.kinds}
          onChange={(kinds) => set({ kinds: densityKinds.filter((kind) => kinds.includes(kind)) })}
          error={error('kinds')}
        >
          <Stack gap="xs" mt={6}>
            {densityKinds.map((kind) => {
              const availability = limits.kinds.find((each) => each.kind === kind);
              if (!availability) return null;
              return (
                <Checkbox
                  key={kind}
                  value={kind}
                  label={kindLabel(kind, t)}
                  disabled={running || !availability.available}
                  description={availability.available ? undefined : reasonText(availability)}
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
        <NumberInput
          label={t('density.form.maxPerKind')}
          description={t('density.form.maxPerKindHint')}
          value={values.maxPerKind}
          onChange={(maxPerKind) => set({ maxPerKind })}
          min={1}
          max={DENSITY_MAX_PER_KIND}
          allowDecimal={false}
          error={error('maxPerKind')}
          disabled={running}
        />
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconPlayerPlay size={16} aria-hidden />} loading={running}>
            {t('density.form.start')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('density.form.cleanupNote')}
        </Text>
      </Stack>
    </Paper>
  );
}
