import { Button, Code, CopyButton, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useVmXml } from '../../data/vms';

/** The VM's libvirt domain XML, as `virsh dumpxml` prints it, to read and to copy. */
export function VmInspectPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const query = useVmXml(id);
  if (query.isPending) return <LoadingState label={t('vmInspect.loading')} />;
  if (query.isError) {
    return (
      <ErrorAlert
        title={t('vmInspect.loadFailed')}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const { xml } = query.data;
  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {t('vmInspect.hint')}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void query.refetch()}
            loading={query.isFetching}
          >
            {t('inspect.refresh')}
          </Button>
          <CopyButton value={xml} timeout={1500}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={
                  copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
                }
                onClick={copy}
                aria-label={t('vmWizard.review.copyXml')}
              >
                {copied ? t('common.copied') : t('vmWizard.review.copyXml')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Group>
      <Paper withBorder radius="md">
        <ScrollArea.Autosize mah="max(240px, calc(100dvh - 430px))" type="auto" offsetScrollbars>
          <Code
            block
            fz="xs"
            style={{ whiteSpace: 'pre', background: 'transparent' }}
            data-testid="domain-xml"
            tabIndex={0}
            aria-label={t('vmWizard.review.xmlLabel')}
          >
            {xml}
          </Code>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}
