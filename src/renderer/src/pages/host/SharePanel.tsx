import { Alert, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { IconShare } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SHARE_PORT, type ShareStatus } from '@shared/sharing';
import { CodeWithCopy } from '../../components/CopyCode';
import { HostPanel } from './HostPanel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../data/ApiContext';

const shareKey = ['share.status'] as const;

/**
 * "Share my images", for an instructor: serve this computer's downloads and container images to the
 * room, so attendees on a slow network fetch them from here instead of the internet. Off until
 * switched on; stops with the app.
 */
export function SharePanel() {
  const { t } = useTranslation();
  const api = useApi();
  const client = useQueryClient();
  const [port, setPort] = useState<number>(DEFAULT_SHARE_PORT);
  // Polled: the counts grow as images are pulled and downloaded elsewhere in the app.
  const status = useQuery<ShareStatus>({
    queryKey: shareKey,
    queryFn: () => api.call('share.status', {}),
    refetchInterval: 5000,
  });
  const toggle = useMutation({
    mutationFn: (on: boolean) => (on ? api.call('share.start', { port }) : api.call('share.stop', {})),
    onSuccess: (next) => client.setQueryData(shareKey, next),
  });
  const running = status.data?.running ?? false;
  return (
    <HostPanel
      id="share"
      icon={<IconShare size={18} aria-hidden />}
      title={t('share.title')}
      description={t('share.description')}
    >
      <Group align="end" gap="md">
        <NumberInput
          label={t('share.port')}
          value={port}
          onChange={(value) => setPort(typeof value === 'number' ? value : DEFAULT_SHARE_PORT)}
          min={1024}
          max={65535}
          w={140}
          disabled={running || toggle.isPending}
        />
        <Switch
          label={t('share.switch')}
          checked={running}
          disabled={status.isPending || toggle.isPending}
          onChange={(event) => toggle.mutate(event.currentTarget.checked)}
        />
      </Group>
      {status.data && (
        <Text size="sm" data-testid="share-counts">
          {t('share.counts', { artifacts: status.data.artifacts, images: status.data.images })}
        </Text>
      )}
      {running && status.data && (
        <Stack gap="xs">
          <Text size="sm">{t('share.giveOut')}</Text>
          {status.data.urls.length > 0 ? (
            status.data.urls.map((url) => (
              <CodeWithCopy
                key={url}
                code={url}
                copyLabel={t('share.copy')}
                padRight={44}
                inset={6}
                variant="subtle"
                testId="share-url"
              />
            ))
          ) : (
            <Alert color="yellow" variant="light">
              {t('share.noNetwork')}
            </Alert>
          )}
        </Stack>
      )}
      {toggle.isError && (
        <ErrorAlert
          title={t('share.failed')}
          error={toggle.error}
          onRetry={() => toggle.mutate(!running)}
          retrying={toggle.isPending}
        />
      )}
      {status.isError && (
        <ErrorAlert
          title={t('share.failed')}
          error={status.error}
          onRetry={() => void status.refetch()}
          retrying={status.isFetching}
        />
      )}
    </HostPanel>
  );
}
