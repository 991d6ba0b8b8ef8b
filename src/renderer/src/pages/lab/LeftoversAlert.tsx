import { Alert, Button, Code, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCleanupLeftovers, useVmLeftovers } from '../../data/vms';
import { describeError } from '../../i18n/describe-error';

/**
 * What an interrupted VM create left behind (a domain without its disk, or a disk folder without
 * a domain), offered for cleanup. Only Twinlab's own domains and folders are ever listed.
 */
export function LeftoversAlert() {
  const { t } = useTranslation();
  const leftovers = useVmLeftovers();
  const cleanup = useCleanupLeftovers();
  const broken = leftovers.data?.brokenDomains ?? [];
  const orphans = leftovers.data?.orphanFolders ?? [];
  if (broken.length + orphans.length === 0) return null;
  return (
    <Alert color="yellow" title={t('lab.leftovers.title')} data-testid="vm-leftovers">
      <Stack gap="xs">
        <Text size="sm">{t('lab.leftovers.body')}</Text>
        <List size="sm">
          {broken.map((domain) => (
            <List.Item key={domain.id}>{t('lab.leftovers.brokenDomain', { name: domain.name })}</List.Item>
          ))}
          {orphans.map((folder) => (
            <List.Item key={folder.path}>
              {t('lab.leftovers.orphanFolder')} <Code>{folder.path}</Code>
            </List.Item>
          ))}
        </List>
        <Button
          variant="light"
          color="yellow"
          w="fit-content"
          leftSection={<IconTrash size={16} aria-hidden />}
          loading={cleanup.isPending}
          onClick={() =>
            cleanup.mutate(undefined, {
              onSuccess: () => notifications.show({ color: 'teal', message: t('lab.leftovers.done') }),
              onError: (error) => notifications.show({ color: 'red', message: describeError(error, t) }),
            })
          }
        >
          {t('lab.leftovers.cleanUp')}
        </Button>
      </Stack>
    </Alert>
  );
}
