import { Badge, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monoInputStyles } from '../../components/mono-input';
import { roleColor } from '../../pages/compare/columns';
import { twinGuestNames } from './twin-values';

interface TwinNameStepProps {
  name: string;
  error: string | undefined;
  onName: (name: string) => void;
  /** The sandbox runtime Docker has (runsc, kata-…), if any: only then is the column offered. */
  sandboxRuntime: string | undefined;
  sandbox: boolean;
  onSandbox: (on: boolean) => void;
  /** The template has a system side: its column is made when LXD/Incus answers. */
  withSystem: boolean;
}

/** Step 2: the twin's name (its guests are named after it) and whether to add the sandbox column. */
export function TwinNameStep({
  name,
  error,
  onName,
  sandboxRuntime,
  sandbox,
  onSandbox,
  withSystem,
}: TwinNameStepProps) {
  const { t } = useTranslation();
  const withSandbox = sandboxRuntime !== undefined && sandbox;
  return (
    <Stack gap="lg">
      <TextInput
        label={t('twinWizard.name.label')}
        description={t('twinWizard.name.hint')}
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
        error={error}
        maw={420}
        spellCheck={false}
        autoComplete="off"
        styles={monoInputStyles}
        data-autofocus
      />
      {sandboxRuntime !== undefined && (
        <Checkbox
          label={t('twinWizard.name.sandbox', {
            runtime: t(sandboxRuntime === 'runsc' ? 'twinWizard.runtime.gvisor' : 'twinWizard.runtime.kata'),
          })}
          description={t('twinWizard.name.sandboxHint')}
          checked={sandbox}
          onChange={(event) => onSandbox(event.currentTarget.checked)}
        />
      )}
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('twinWizard.name.guests')}
        </Text>
        <Group gap="xs" data-testid="twin-guest-names">
          {twinGuestNames(name || '…', withSandbox, withSystem).map((guest) => (
            <Badge key={guest.role} variant="light" tt="none" ff="monospace" color={roleColor[guest.role]}>
              {guest.name}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Stack>
  );
}
