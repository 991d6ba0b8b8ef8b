import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCamera, IconHistory, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { snapshotNamePattern, type SystemSnapshot, type SystemSnapshotAction } from '@shared/systems';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { monoInputStyles } from '../../components/mono-input';
import { useSnapshotChange, useSystemSnapshots } from '../../data/systems';
import { useDescribeError } from '../../i18n/describe-error';
import { formatDateTime } from '../../lib/format/time';

/** LXD's own default names: snap0, snap1… the first one the list does not have yet. */
function nextSnapshotName(snapshots: readonly SystemSnapshot[]): string {
  const taken = new Set(snapshots.map((snapshot) => snapshot.name));
  let index = 0;
  while (taken.has(`snap${index}`)) index += 1;
  return `snap${index}`;
}

/** Restore and Delete ask first: both throw something away (the current files, or the snapshot). */
type Pending = { action: Exclude<SystemSnapshotAction, 'create'>; snapshot: string };

/**
 * A system container's snapshots: take one of the root filesystem as it is now, restore one (LXD
 * stops and starts a running container for that), delete one. A user's own instance is listed only.
 */
export function SystemSnapshotsPanel({ id, managed }: { id: string; managed: boolean }) {
  const { t, i18n } = useTranslation();
  const describeError = useDescribeError();
  const snapshots = useSystemSnapshots(id);
  const change = useSnapshotChange(id);
  const [typed, setTyped] = useState<string>();
  const [pending, setPending] = useState<Pending>();

  if (snapshots.isPending) return <LoadingState label={t('systemSnapshots.loading')} />;
  if (snapshots.isError)
    return (
      <ErrorAlert
        title={t('systemSnapshots.loadFailed')}
        error={snapshots.error}
        onRetry={() => void snapshots.refetch()}
        retrying={snapshots.isFetching}
      />
    );
  const name = typed ?? nextSnapshotName(snapshots.data);
  const nameProblem = snapshotNamePattern.test(name) ? undefined : t('systemSnapshots.nameInvalid');
  const run = (action: SystemSnapshotAction, snapshot: string) =>
    change.mutate({ action, snapshot }, { onSuccess: () => setTyped(undefined) });

  return (
    <Stack gap="md" maw={820}>
      <Text size="sm" c="dimmed">
        {t('systemSnapshots.hint')}
      </Text>
      {managed ? (
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('systemSnapshots.name')}
            styles={monoInputStyles}
            value={name}
            error={nameProblem}
            onChange={(event) => setTyped(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !nameProblem) run('create', name);
            }}
            data-testid="snapshot-name"
          />
          <Button
            leftSection={<IconCamera size={16} aria-hidden />}
            onClick={() => run('create', name)}
            loading={change.isPending && change.variables.action === 'create'}
            disabled={Boolean(nameProblem) || change.isPending}
          >
            {t('systemSnapshots.take')}
          </Button>
        </Group>
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />}>
          {t('systemSnapshots.readOnly')}
        </Alert>
      )}
      {change.isError && (
        <Alert color="red" variant="light" role="alert" title={t('systemSnapshots.failed')}>
          {describeError(change.error)}
        </Alert>
      )}
      {snapshots.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="snapshots-empty">
          {t('systemSnapshots.none')}
        </Text>
      ) : (
        <Table withTableBorder striped data-testid="snapshots">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('systemSnapshots.name')}</Table.Th>
              <Table.Th>{t('systemSnapshots.takenAt')}</Table.Th>
              {managed && <Table.Th>{t('systemSnapshots.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshots.data.map((snapshot) => (
              <Table.Tr key={snapshot.name} data-testid={`snapshot-${snapshot.name}`}>
                <Table.Td ff="monospace">{snapshot.name}</Table.Td>
                <Table.Td>{formatDateTime(snapshot.createdAt, i18n.language)}</Table.Td>
                {managed && (
                  <Table.Td>
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconHistory size={14} aria-hidden />}
                        aria-label={t('systemSnapshots.restoreNamed', { snapshot: snapshot.name })}
                        disabled={change.isPending}
                        onClick={() => setPending({ action: 'restore', snapshot: snapshot.name })}
                      >
                        {t('systemSnapshots.restore')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        aria-label={t('systemSnapshots.deleteNamed', { snapshot: snapshot.name })}
                        disabled={change.isPending}
                        onClick={() => setPending({ action: 'delete', snapshot: snapshot.name })}
                      >
                        {t('systemSnapshots.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={pending !== undefined}
        onClose={() => setPending(undefined)}
        title={pending && t(`systemSnapshots.confirm.${pending.action}Title`, { snapshot: pending.snapshot })}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{pending && t(`systemSnapshots.confirm.${pending.action}Body`)}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPending(undefined)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={pending?.action === 'delete' ? 'red' : undefined}
              onClick={() => {
                if (pending) run(pending.action, pending.snapshot);
                setPending(undefined);
              }}
            >
              {pending && t(`systemSnapshots.${pending.action}`)}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
