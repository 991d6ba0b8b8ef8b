import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageScope, TwinlabImage } from '@shared/containers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useImages, useRemoveImage } from '../../data/guests';
import { useDescribeError } from '../../i18n/describe-error';
import { formatBytes } from '../../lib/format/bytes';
import { formatDateTime } from '../../lib/format/time';

function imageName(image: TwinlabImage): string {
  return image.tags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * The images Twinlab added (imported or pulled) or runs its guests from, with how many guests use
 * each; on request every other image, read-only.
 */
export function ImagesSection() {
  const { t, i18n } = useTranslation();
  const describeError = useDescribeError();
  const [scope, setScope] = useState<ImageScope>('twinlab');
  const images = useImages(scope);
  const remove = useRemoveImage();
  const [confirming, setConfirming] = useState<TwinlabImage>();

  const confirmRemove = () => {
    if (!confirming) return;
    const name = imageName(confirming);
    remove.mutate(confirming.tags[0] ?? confirming.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('images.removed', { name }) });
        setConfirming(undefined);
      },
      onError: (error) => {
        notifications.show({
          color: 'red',
          title: t('images.removeFailed', { name }),
          message: describeError(error),
        });
        setConfirming(undefined);
      },
    });
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="images-heading">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="lg" id="images-heading">
          {t('images.title')}
        </Title>
        <Switch
          label={t('images.showAll')}
          checked={scope === 'all'}
          onChange={(event) => setScope(event.currentTarget.checked ? 'all' : 'twinlab')}
          size="sm"
        />
      </Group>
      {images.isPending ? (
        <LoadingState label={t('images.loading')} />
      ) : images.isError ? (
        <ErrorAlert
          title={t('images.loadFailed')}
          error={images.error}
          onRetry={() => void images.refetch()}
          retrying={images.isFetching}
        />
      ) : images.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('images.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={560}>
            <Table fz="sm" verticalSpacing={6} horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('images.name')}</Table.Th>
                  <Table.Th>{t('images.size')}</Table.Th>
                  <Table.Th>{t('images.created')}</Table.Th>
                  <Table.Th>{t('images.origin')}</Table.Th>
                  <Table.Th>{t('images.usedBy')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('images.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {images.data.map((image) => {
                  const name = imageName(image);
                  return (
                    <Table.Tr key={image.id} data-testid={`image-${name}`}>
                      <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {image.tags.length > 0 ? image.tags.join(', ') : name}
                      </Table.Td>
                      <Table.Td>{formatBytes(image.sizeBytes, i18n.language)}</Table.Td>
                      <Table.Td>{formatDateTime(image.createdAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={image.managed ? 'blue' : 'gray'} tt="none" size="sm">
                          {t(image.managed ? 'images.managed' : 'images.unmanaged')}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-testid="image-in-use">
                        {image.inUse ? t('images.inUse', { count: image.inUse }) : '—'}
                      </Table.Td>
                      <Table.Td ta="right">
                        {image.managed && (
                          <Tooltip label={t('images.remove')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('images.removeNamed', { name })}
                              onClick={() => setConfirming(image)}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <Modal
        opened={confirming !== undefined}
        onClose={() => setConfirming(undefined)}
        title={t('images.confirmTitle', { name: confirming ? imageName(confirming) : '' })}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('images.confirmBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(undefined)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={confirmRemove}
              loading={remove.isPending}
              leftSection={<IconTrash size={16} aria-hidden />}
            >
              {t('images.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
