import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  rowKey,
  type BindValues,
  type ContainerWizardValues,
  type EnvValues,
  type PortValues,
  type VolumeValues,
} from './container-values';
import { checkColumn, portColumn, selectColumn, textColumn } from './row-columns';
import { RowListEditor } from './RowListEditor';
import type { StepFormProps } from './step-props';

type ListName = 'ports' | 'volumes' | 'binds' | 'env';
type Mount = VolumeValues | BindValues;

/** Step 3: published ports, volumes, bind mounts and environment variables. */
export function NetworkStep({ values, change, errorFor }: StepFormProps) {
  const { t } = useTranslation();

  /** The editing callbacks of one list of the wizard's values. */
  function listOf<L extends ListName>(list: L, blank: () => ContainerWizardValues[L][number]) {
    type Row = ContainerWizardValues[L][number];
    const rows: Row[] = values[list];
    const replace = (current: ContainerWizardValues, next: Row[]) => ({ ...current, [list]: next });
    return {
      testId: list,
      rows,
      onAdd: () => change(list, (current) => replace(current, [...current[list], blank()])),
      onChange: (index: number, field: string, row: Row) =>
        change(`${list}.${index}.${field}`, (current) =>
          replace(
            current,
            current[list].map((old, at) => (at === index ? row : old)),
          ),
        ),
      onRemove: (index: number) =>
        change(list, (current) =>
          replace(
            current,
            current[list].filter((_row, at) => at !== index),
          ),
        ),
      errorFor: (index: number, field: string) => errorFor(`${list}.${index}.${field}`),
    };
  }

  /** Where a volume or bind mount appears in the container, and whether it is read-only there. */
  const mountColumns = (placeholder: string, validateReadOnly: boolean) => [
    textColumn<Mount>({
      field: 'target',
      heading: t('wizard.network.target'),
      width: 'minmax(140px, 1fr)',
      label: (row) => t('wizard.network.targetRow', { row }),
      placeholder,
      value: (mount) => mount.target,
      patch: (target) => ({ target }),
      validated: true,
    }),
    checkColumn<Mount>({
      field: 'readOnly',
      heading: t('wizard.network.readOnly'),
      width: '110px',
      label: (row) => t('wizard.network.readOnlyRow', { row }),
      text: t('wizard.network.readOnlyShort'),
      value: (mount) => mount.readOnly,
      patch: (readOnly) => ({ readOnly }),
      validated: validateReadOnly,
    }),
  ];

  return (
    <Stack gap="lg">
      <RowListEditor<PortValues>
        {...listOf('ports', () => ({ key: rowKey(), container: '', host: '', protocol: 'tcp', lan: false }))}
        legend={t('wizard.network.ports')}
        description={t('wizard.network.portsHint')}
        addLabel={t('wizard.network.addPort')}
        empty={t('wizard.network.noPorts')}
        removeLabel={(row) => t('wizard.network.removePort', { row })}
        columns={[
          portColumn({
            field: 'container',
            heading: t('wizard.network.containerPort'),
            width: 'minmax(120px, 1fr)',
            label: (row) => t('wizard.network.containerPortRow', { row }),
            placeholder: '80',
            value: (port) => port.container,
            patch: (container) => ({ container }),
            validated: true,
          }),
          portColumn({
            field: 'host',
            heading: t('wizard.network.hostPort'),
            width: 'minmax(120px, 1fr)',
            label: (row) => t('wizard.network.hostPortRow', { row }),
            placeholder: t('wizard.network.anyPort'),
            value: (port) => port.host,
            patch: (host) => ({ host }),
            validated: true,
          }),
          selectColumn({
            field: 'protocol',
            heading: t('wizard.network.protocol'),
            width: '110px',
            label: (row) => t('wizard.network.protocolRow', { row }),
            options: [
              { value: 'tcp', label: 'TCP' },
              { value: 'udp', label: 'UDP' },
            ],
            value: (port) => port.protocol,
            patch: (protocol) => ({ protocol }),
          }),
          checkColumn({
            field: 'lan',
            heading: t('wizard.network.reach'),
            width: '150px',
            label: (row) => t('wizard.network.lanRow', { row }),
            text: t('wizard.network.lanShort'),
            value: (port) => port.lan,
            patch: (lan) => ({ lan }),
          }),
        ]}
      />

      <RowListEditor<VolumeValues>
        {...listOf('volumes', () => ({ key: rowKey(), name: '', target: '', readOnly: false }))}
        legend={t('wizard.network.volumes')}
        description={t('wizard.network.volumesHint')}
        addLabel={t('wizard.network.addVolume')}
        empty={t('wizard.network.noVolumes')}
        removeLabel={(row) => t('wizard.network.removeVolume', { row })}
        columns={[
          textColumn({
            field: 'name',
            heading: t('wizard.network.volumeName'),
            width: 'minmax(140px, 1fr)',
            label: (row) => t('wizard.network.volumeNameRow', { row }),
            placeholder: t('wizard.network.anonymous'),
            value: (volume) => volume.name,
            patch: (name) => ({ name }),
            validated: true,
          }),
          ...mountColumns('/data', true),
        ]}
      />

      <RowListEditor<BindValues>
        {...listOf('binds', () => ({ key: rowKey(), source: '', target: '', readOnly: false }))}
        legend={t('wizard.network.binds')}
        description={t('wizard.network.bindsHint')}
        addLabel={t('wizard.network.addBind')}
        empty={t('wizard.network.noBinds')}
        removeLabel={(row) => t('wizard.network.removeBind', { row })}
        columns={[
          textColumn({
            field: 'source',
            heading: t('wizard.network.source'),
            width: 'minmax(140px, 1fr)',
            label: (row) => t('wizard.network.sourceRow', { row }),
            placeholder: '/home/me/shared',
            value: (bind) => bind.source,
            patch: (source) => ({ source }),
            validated: true,
          }),
          ...mountColumns('/shared', false),
        ]}
      />

      <RowListEditor<EnvValues>
        {...listOf('env', () => ({ key: rowKey(), name: '', value: '' }))}
        legend={t('wizard.network.env')}
        description={t('wizard.network.envHint')}
        addLabel={t('wizard.network.addEnv')}
        empty={t('wizard.network.noEnv')}
        removeLabel={(row) => t('wizard.network.removeEnv', { row })}
        columns={[
          textColumn({
            field: 'name',
            heading: t('wizard.network.envName'),
            width: 'minmax(140px, 1fr)',
            label: (row) => t('wizard.network.envNameRow', { row }),
            placeholder: 'APP_MODE',
            value: (env) => env.name,
            patch: (name) => ({ name }),
            validated: true,
          }),
          textColumn({
            field: 'value',
            heading: t('wizard.network.envValue'),
            width: 'minmax(140px, 2fr)',
            label: (row) => t('wizard.network.envValueRow', { row }),
            placeholder: 'lab',
            value: (env) => env.value,
            patch: (value) => ({ value }),
          }),
        ]}
      />
    </Stack>
  );
}
