import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconNetwork } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VmSide } from '@shared/template';
import type { XmlFacts } from './vm-values';

interface VmNetworkStepProps {
  vm: VmSide | undefined;
  network: XmlFacts['network'] | undefined;
}

/** Step 3, for reading only: the network the VM gets, and the host ports forwarded into it. */
export function VmNetworkStep({ vm, network = 'user' }: VmNetworkStepProps) {
  const { t } = useTranslation();
  const forwards = vm?.portForwards ?? [];
  return (
    <Stack gap="lg" maw={820}>
      <Paper withBorder radius="md" p="md" data-testid="vm-network">
        <Stack gap="sm">
          <Group gap="sm">
            <IconNetwork size={20} aria-hidden />
            <Title order={3} fz="md">
              {t(`vmWizard.network.kind.${network}`)}
            </Title>
            <Badge variant="light" color="indigo" tt="none">
              {t(`vmWizard.network.badge.${network}`)}
            </Badge>
          </Group>
          <Text size="sm">{t(`vmWizard.network.explain.${network}`)}</Text>
          {network === 'user' && (
            <List size="sm" spacing={4}>
              <List.Item>{t('vmWizard.network.user.address')}</List.Item>
              <List.Item>{t('vmWizard.network.user.outbound')}</List.Item>
              <List.Item>{t('vmWizard.network.user.inbound')}</List.Item>
            </List>
          )}
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t('vmWizard.network.forwards')}
        </Title>
        {forwards.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="vm-no-forwards">
            {t('vmWizard.network.noForwards')}
          </Text>
        ) : (
          <Table withTableBorder striped maw={560} data-testid="vm-forwards">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vmWizard.network.hostPort')}</Table.Th>
                <Table.Th>{t('vmWizard.network.guestPort')}</Table.Th>
                <Table.Th>{t('vmWizard.network.protocol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {forwards.map((forward) => (
                <Table.Tr key={`${forward.protocol}:${forward.host}`}>
                  <Table.Td ff="monospace">127.0.0.1:{forward.host}</Table.Td>
                  <Table.Td ff="monospace">{forward.guest}</Table.Td>
                  <Table.Td>{forward.protocol.toUpperCase()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Alert color="gray" variant="light">
        {t('vmWizard.network.fromTemplate')}
      </Alert>
    </Stack>
  );
}
