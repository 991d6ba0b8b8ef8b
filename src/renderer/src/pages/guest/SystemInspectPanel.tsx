import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import type { IdmapRange, SystemInspect } from '@shared/systems';
import { useSystemInspect } from '../../data/systems';
import { DocumentPanel } from './DocumentPanel';
import { formatNumber } from '../../lib/format/number';

const keys = {
  loading: 'systemInspect.loading',
  loadFailed: 'systemInspect.loadFailed',
  hint: 'systemInspect.hint',
  refresh: 'inspect.refresh',
};

/** The user namespace map: which host ids stand behind the ids inside (root inside is not root). */
function IdmapTable({ idmap, hostPid }: { idmap: IdmapRange[]; hostPid: number | null }) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <Paper withBorder radius="md" p="md" data-testid="system-idmap">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('systemInspect.idmapTitle')}
        </Title>
        {idmap.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('systemInspect.noIdmap')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t('systemInspect.idmapExplain', {
                inside: 0,
                outside: number(idmap.find((range) => range.nsid === 0)?.hostid ?? 0),
              })}
            </Text>
            <Table withTableBorder striped maw={620}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('systemInspect.kind')}</Table.Th>
                  <Table.Th>{t('systemInspect.inside')}</Table.Th>
                  <Table.Th>{t('systemInspect.outside')}</Table.Th>
                  <Table.Th>{t('systemInspect.range')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {idmap.map((range) => (
                  <Table.Tr key={`${range.kind}:${range.nsid}`}>
                    <Table.Td>{t(`systemInspect.idKind.${range.kind}`)}</Table.Td>
                    <Table.Td ff="monospace">{number(range.nsid)}</Table.Td>
                    <Table.Td ff="monospace">{number(range.hostid)}</Table.Td>
                    <Table.Td ff="monospace">{number(range.range)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <Text size="sm" data-testid="system-host-pid">
          {hostPid === null
            ? t('systemInspect.hostPidStopped')
            : t('systemInspect.hostPid', { pid: hostPid })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** The instance as LXD describes it (YAML, like `lxc config show --expanded`), its idmap and init's host PID. */
export function SystemInspectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useSystemInspect(id);
  return (
    <Stack gap="md">
      {query.data && <IdmapTable idmap={query.data.idmap} hostPid={query.data.hostPid} />}
      <DocumentPanel<SystemInspect>
        query={query}
        textOf={(data) => stringify(data.instance)}
        keys={keys}
        copyLabel={t('systemInspect.copy')}
        label={t('systemInspect.label')}
        testId="system-config"
      />
    </Stack>
  );
}
