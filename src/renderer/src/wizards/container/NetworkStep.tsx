import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rowKey, type ContainerWizardValues, type NumberField } from './container-values';
import type { StepFormProps } from './step-props';
import { monoInputStyles } from '../../components/mono-input';

type ListName = 'ports' | 'volumes' | 'binds' | 'env';

interface RowListProps {
  legend: string;
  description: string;
  /** Column headings, shown once above the rows (each input also carries its own label). */
  columns: string[];
  template: string;
  addLabel: string;
  onAdd: () => void;
  empty: string;
  count: number;
  children: ReactNode;
  testId: string;
}

function RowList({
  legend,
  description,
  columns,
  template,
  addLabel,
  onAdd,
  empty,
  count,
  children,
  testId,
}: RowListProps) {
  return (
    <Fieldset legend={legend} radius="md" data-testid={testId}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {description}
        </Text>
        {count > 0 ? (
          <Box
            style={{ display: 'grid', gridTemplateColumns: template, gap: '6px 10px', alignItems: 'start' }}
          >
            {columns.map((column, index) => (
              <Text key={index} size="xs" fw={600} c="dimmed" aria-hidden>
                {column}
              </Text>
            ))}
            {children}
          </Box>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {empty}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={onAdd}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}

function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={onClick} mt={1}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}

const toNumberField = (value: string | number): NumberField => (typeof value === 'number' ? value : '');

/** Step 3: published ports, volumes, bind mounts and environment variables. */
export function NetworkStep({ values, change, errorFor }: StepFormProps) {
  const { t } = useTranslation();

  /** Updates one row of one list. */
  function setRow<L extends ListName>(
    list: L,
    index: number,
    field: string,
    patch: Partial<ContainerWizardValues[L][number]>,
  ) {
    change(`${list}.${index}.${field}`, (current) => ({
      ...current,
      [list]: current[list].map((row, at) => (at === index ? { ...row, ...patch } : row)),
    }));
  }
  function removeRow(list: ListName, index: number) {
    change(list, (current) => ({ ...current, [list]: current[list].filter((_row, at) => at !== index) }));
  }

  return (
    <Stack gap="lg">
      <RowList
        legend={t('wizard.network.ports')}
        description={t('wizard.network.portsHint')}
        columns={[
          t('wizard.network.containerPort'),
          t('wizard.network.hostPort'),
          t('wizard.network.protocol'),
          t('wizard.network.reach'),
          '',
        ]}
        template="minmax(120px, 1fr) minmax(120px, 1fr) 110px 150px 36px"
        addLabel={t('wizard.network.addPort')}
        onAdd={() =>
          change('ports', (current) => ({
            ...current,
            ports: [
              ...current.ports,
              { key: rowKey(), container: '', host: '', protocol: 'tcp', lan: false },
            ],
          }))
        }
        empty={t('wizard.network.noPorts')}
        count={values.ports.length}
        testId="ports"
      >
        {values.ports.map((port, index) => {
          const row = index + 1;
          return [
            <NumberInput
              key={`${port.key}-container`}
              aria-label={t('wizard.network.containerPortRow', { row })}
              placeholder="80"
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              value={port.container}
              onChange={(value) => setRow('ports', index, 'container', { container: toNumberField(value) })}
              error={errorFor(`ports.${index}.container`)}
            />,
            <NumberInput
              key={`${port.key}-host`}
              aria-label={t('wizard.network.hostPortRow', { row })}
              placeholder={t('wizard.network.anyPort')}
              min={1}
              max={65535}
              allowDecimal={false}
              allowNegative={false}
              value={port.host}
              onChange={(value) => setRow('ports', index, 'host', { host: toNumberField(value) })}
              error={errorFor(`ports.${index}.host`)}
            />,
            <NativeSelect
              key={`${port.key}-protocol`}
              aria-label={t('wizard.network.protocolRow', { row })}
              data={[
                { value: 'tcp', label: 'TCP' },
                { value: 'udp', label: 'UDP' },
              ]}
              value={port.protocol}
              onChange={(event) =>
                setRow('ports', index, 'protocol', {
                  protocol: event.currentTarget.value === 'udp' ? 'udp' : 'tcp',
                })
              }
            />,
            <Checkbox
              key={`${port.key}-lan`}
              mt={8}
              aria-label={t('wizard.network.lanRow', { row })}
              label={t('wizard.network.lanShort')}
              checked={port.lan}
              onChange={(event) => setRow('ports', index, 'lan', { lan: event.currentTarget.checked })}
            />,
            <RemoveRow
              key={`${port.key}-remove`}
              label={t('wizard.network.removePort', { row })}
              onClick={() => removeRow('ports', index)}
            />,
          ];
        })}
      </RowList>

      <RowList
        legend={t('wizard.network.volumes')}
        description={t('wizard.network.volumesHint')}
        columns={[
          t('wizard.network.volumeName'),
          t('wizard.network.target'),
          t('wizard.network.readOnly'),
          '',
        ]}
        template="minmax(140px, 1fr) minmax(140px, 1fr) 110px 36px"
        addLabel={t('wizard.network.addVolume')}
        onAdd={() =>
          change('volumes', (current) => ({
            ...current,
            volumes: [...current.volumes, { key: rowKey(), name: '', target: '', readOnly: false }],
          }))
        }
        empty={t('wizard.network.noVolumes')}
        count={values.volumes.length}
        testId="volumes"
      >
        {values.volumes.map((volume, index) => {
          const row = index + 1;
          return [
            <TextInput
              key={`${volume.key}-name`}
              aria-label={t('wizard.network.volumeNameRow', { row })}
              placeholder={t('wizard.network.anonymous')}
              styles={monoInputStyles}
              value={volume.name}
              onChange={(event) => setRow('volumes', index, 'name', { name: event.currentTarget.value })}
              error={errorFor(`volumes.${index}.name`)}
              spellCheck={false}
            />,
            <TextInput
              key={`${volume.key}-target`}
              aria-label={t('wizard.network.targetRow', { row })}
              placeholder="/data"
              styles={monoInputStyles}
              value={volume.target}
              onChange={(event) => setRow('volumes', index, 'target', { target: event.currentTarget.value })}
              error={errorFor(`volumes.${index}.target`)}
              spellCheck={false}
            />,
            <Checkbox
              key={`${volume.key}-readOnly`}
              mt={8}
              aria-label={t('wizard.network.readOnlyRow', { row })}
              label={t('wizard.network.readOnlyShort')}
              checked={volume.readOnly}
              onChange={(event) =>
                setRow('volumes', index, 'readOnly', { readOnly: event.currentTarget.checked })
              }
              error={errorFor(`volumes.${index}.readOnly`)}
            />,
            <RemoveRow
              key={`${volume.key}-remove`}
              label={t('wizard.network.removeVolume', { row })}
              onClick={() => removeRow('volumes', index)}
            />,
          ];
        })}
      </RowList>

      <RowList
        legend={t('wizard.network.binds')}
        description={t('wizard.network.bindsHint')}
        columns={[t('wizard.network.source'), t('wizard.network.target'), t('wizard.network.readOnly'), '']}
        template="minmax(140px, 1fr) minmax(140px, 1fr) 110px 36px"
        addLabel={t('wizard.network.addBind')}
        onAdd={() =>
          change('binds', (current) => ({
            ...current,
            binds: [...current.binds, { key: rowKey(), source: '', target: '', readOnly: false }],
          }))
        }
        empty={t('wizard.network.noBinds')}
        count={values.binds.length}
        testId="binds"
      >
        {values.binds.map((bind, index) => {
          const row = index + 1;
          return [
            <TextInput
              key={`${bind.key}-source`}
              aria-label={t('wizard.network.sourceRow', { row })}
              placeholder="/home/me/shared"
              styles={monoInputStyles}
              value={bind.source}
              onChange={(event) => setRow('binds', index, 'source', { source: event.currentTarget.value })}
              error={errorFor(`binds.${index}.source`)}
              spellCheck={false}
            />,
            <TextInput
              key={`${bind.key}-target`}
              aria-label={t('wizard.network.targetRow', { row })}
              placeholder="/shared"
              styles={monoInputStyles}
              value={bind.target}
              onChange={(event) => setRow('binds', index, 'target', { target: event.currentTarget.value })}
              error={errorFor(`binds.${index}.target`)}
              spellCheck={false}
            />,
            <Checkbox
              key={`${bind.key}-readOnly`}
              mt={8}
              aria-label={t('wizard.network.readOnlyRow', { row })}
              label={t('wizard.network.readOnlyShort')}
              checked={bind.readOnly}
              onChange={(event) =>
                setRow('binds', index, 'readOnly', { readOnly: event.currentTarget.checked })
              }
            />,
            <RemoveRow
              key={`${bind.key}-remove`}
              label={t('wizard.network.removeBind', { row })}
              onClick={() => removeRow('binds', index)}
            />,
          ];
        })}
      </RowList>

      <RowList
        legend={t('wizard.network.env')}
        description={t('wizard.network.envHint')}
        columns={[t('wizard.network.envName'), t('wizard.network.envValue'), '']}
        template="minmax(140px, 1fr) minmax(140px, 2fr) 36px"
        addLabel={t('wizard.network.addEnv')}
        onAdd={() =>
          change('env', (current) => ({
            ...current,
            env: [...current.env, { key: rowKey(), name: '', value: '' }],
          }))
        }
        empty={t('wizard.network.noEnv')}
        count={values.env.length}
        testId="env"
      >
        {values.env.map((env, index) => {
          const row = index + 1;
          return [
            <TextInput
              key={`${env.key}-name`}
              aria-label={t('wizard.network.envNameRow', { row })}
              placeholder="APP_MODE"
              styles={monoInputStyles}
              value={env.name}
              onChange={(event) => setRow('env', index, 'name', { name: event.currentTarget.value })}
              error={errorFor(`env.${index}.name`)}
              spellCheck={false}
            />,
            <TextInput
              key={`${env.key}-value`}
              aria-label={t('wizard.network.envValueRow', { row })}
              placeholder="lab"
              styles={monoInputStyles}
              value={env.value}
              onChange={(event) => setRow('env', index, 'value', { value: event.currentTarget.value })}
              spellCheck={false}
            />,
            <RemoveRow
              key={`${env.key}-remove`}
              label={t('wizard.network.removeEnv', { row })}
              onClick={() => removeRow('env', index)}
            />,
          ];
        })}
      </RowList>
    </Stack>
  );
}
