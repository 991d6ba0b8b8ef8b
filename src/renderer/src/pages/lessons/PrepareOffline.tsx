import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconCheck, IconCloudDownload, IconPlugConnectedX, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrepareReport } from '@shared/lessons';
import type { OperationProgress } from '@shared/operations';
import { useApi } from '../../data/ApiContext';
import { newOperationId } from '../../data/operations';
import { useCatalog } from '../../data/queries';
import { currentLocale } from '../../i18n';
import { useDescribeError } from '../../i18n/describe-error';
import { templateText } from '../../data/template-text';
import { defaultTemplateId, twinTemplates } from './lesson-logic';

function percentOf(event: OperationProgress | undefined): number | undefined {
  if (event?.pull) return event.pull.percent;
  const download = event?.download;
  if (download?.totalBytes) return (100 * download.receivedBytes) / download.totalBytes;
  return undefined;
}

/** Fetching runs as one operation; its progress events say which part is being fetched. */
function PrepareBody() {
  const { t } = useTranslation();
  const api = useApi();
  const describeError = useDescribeError();
  const catalog = useCatalog();
  const [templateId, setTemplateId] = useState<string>();
  const chosen = templateId ?? defaultTemplateId(catalog.data?.entries ?? []);
  const report = useQuery({
    queryKey: ['lessons.prepare', chosen],
    queryFn: () => api.call('lessons.prepare', { templateId: chosen ?? '' }),
    enabled: chosen !== undefined,
  });
  const [fetching, setFetching] = useState<OperationProgress | 'started'>();
  const [fetched, setFetched] = useState<PrepareReport>();
  const [error, setError] = useState<unknown>();
  const unsubscribe = useRef<() => void>(undefined);
  useEffect(() => () => unsubscribe.current?.(), []);
  const shown = fetched?.templateId === chosen ? fetched : report.data;

  const fetchMissing = () => {
    if (!chosen) return;
    const operationId = newOperationId();
    setError(undefined);
    setFetching('started');
    unsubscribe.current = api.on('operation.progress', (event) => {
      if (event.operationId === operationId) setFetching(event);
    });
    api
      .call('lessons.prepare', { templateId: chosen, operationId })
      .then(setFetched, setError)
      .finally(() => {
        unsubscribe.current?.();
        setFetching(undefined);
      });
  };

  const twins = twinTemplates(catalog.data?.entries ?? []);
  const event = fetching === 'started' ? undefined : fetching;
  const percent = percentOf(event);
  return (
    <Stack gap="md">
      <Text size="sm">{t('lessons.prepare.intro')}</Text>
      <Select
        label={t('lessons.template')}
        data={twins.map((entry) => ({
          value: entry.template.id,
          label: templateText(entry.template, currentLocale()).name,
        }))}
        value={chosen ?? null}
        onChange={(value) => {
          setTemplateId(value ?? undefined);
          setFetched(undefined);
        }}
        allowDeselect={false}
        disabled={fetching !== undefined}
      />
      {report.isPending && chosen && <Loader size="sm" aria-label={t('lessons.prepare.checking')} />}
      {report.isError && (
        <Alert color="red" variant="light" role="alert">
          {describeError(report.error)}
        </Alert>
      )}
      {shown && (
        <List spacing={6} size="sm" data-testid="prepare-items" center>
          {shown.items.map((item) => (
            <List.Item
              key={`${item.kind}:${item.name}`}
              icon={
                <ThemeIcon
                  size={18}
                  radius="xl"
                  variant="light"
                  color={item.present ? 'teal' : 'orange'}
                  aria-hidden
                >
                  {item.present ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
              }
            >
              {t(`lessons.prepare.kind.${item.kind}`)}{' '}
              <Text span ff="monospace" size="xs">
                {item.name}
              </Text>{' '}
              <Text span size="xs" c="dimmed">
                {t(
                  item.present
                    ? 'lessons.prepare.present'
                    : item.fetchable
                      ? 'lessons.prepare.missing'
                      : 'lessons.prepare.missingFile',
                )}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {fetching !== undefined && (
        <Stack gap={4} role="status">
          <Text size="sm">
            {t(event?.step === 'downloading' ? 'lessons.prepare.downloading' : 'lessons.prepare.pulling')}
          </Text>
          <Progress
            value={percent ?? 100}
            animated={percent === undefined}
            aria-label={t('lessons.prepare.fetching')}
          />
        </Stack>
      )}
      {error !== undefined && (
        <Alert color="red" variant="light" role="alert" title={t('lessons.prepare.failed')}>
          {describeError(error)}
        </Alert>
      )}
      {shown?.ready ? (
        <Alert
          color="teal"
          variant="light"
          icon={<IconPlugConnectedX aria-hidden />}
          role="status"
          title={t('lessons.prepare.readyTitle')}
        >
          {t('lessons.prepare.ready')}
        </Alert>
      ) : (
        shown && (
          <Group>
            <Button
              leftSection={<IconCloudDownload size={16} aria-hidden />}
              onClick={fetchMissing}
              loading={fetching !== undefined}
              disabled={!shown.items.some((item) => !item.present && item.fetchable)}
            >
              {t('lessons.prepare.fetch')}
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}

/** For instructors: make sure a template's images are here before the workshop goes offline. */
export function PrepareOfflineButton() {
  const { t } = useTranslation();
  const [opened, dialog] = useDisclosure(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconCloudDownload size={16} aria-hidden />}
        onClick={dialog.open}
      >
        {t('lessons.prepare.button')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('lessons.prepare.title')} size="lg" centered>
        <PrepareBody />
      </Modal>
    </>
  );
}
