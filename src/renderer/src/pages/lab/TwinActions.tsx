import { Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay, IconPlayerStop, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwinAction, type TwinVerb } from '../../data/twins';
import { GuestName } from '../../guests/GuestName';
import { useDescribeError } from '../../i18n/describe-error';
import { columnLook, roleColor } from '../compare/columns';
import type { TwinGroup } from '../compare/twin-groups';

const verbIcon = { start: IconPlayerPlay, stop: IconPlayerStop, delete: IconTrash } as const;

/**
 * Start twin / Stop twin / Delete twin: one call each for all of the twin's parts. Delete asks once,
 * listing the parts it removes; a part that does not follow is named in the red notice.
 */
export function TwinActions({ twin, name }: { twin: TwinGroup; name: string }) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const action = useTwinAction(twin.twinId);
  const [confirming, setConfirming] = useState(false);
  const anyRunning = twin.guests.some((guest) => guest.state === 'running');
  const allRunning = twin.guests.every((guest) => guest.state === 'running');
  const busy = action.isPending ? action.variables : undefined;

  const run = (verb: TwinVerb) =>
    action.mutate(verb, {
      onSuccess: () => {
        setConfirming(false);
        notifications.show({ color: 'teal', message: t(`twins.done.${verb}`, { name }) });
      },
      onError: (error) => {
        setConfirming(false);
        notifications.show({
          color: 'red',
          title: t(`twins.failed.${verb}`, { name }),
          message: describeError(error),
          autoClose: false,
        });
      },
    });

  const button = (verb: TwinVerb, onClick: () => void) => {
    const Icon = verbIcon[verb];
    return (
      <Button
        variant={verb === 'delete' ? 'light' : 'default'}
        color={verb === 'delete' ? 'red' : undefined}
        size="sm"
        leftSection={<Icon size={16} stroke={1.7} aria-hidden />}
        onClick={onClick}
        loading={busy === verb && verb !== 'delete'}
        disabled={busy !== undefined && busy !== verb}
        aria-label={t('twins.action.on', { action: t(`twins.action.${verb}`), name })}
        data-testid={`twin-${verb}`}
      >
        {t(`twins.action.${verb}`)}
      </Button>
    );
  };

  return (
    <>
      <Group gap="xs" wrap="nowrap">
        {!allRunning && button('start', () => run('start'))}
        {anyRunning && button('stop', () => run('stop'))}
        {button('delete', () => setConfirming(true))}
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('twins.delete.title', { name })}
        size="lg"
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('twins.delete.body')}</Text>
          <Stack component="ul" gap={6} m={0} p={0} aria-label={t('twins.delete.parts')}>
            {twin.guests.map((guest) => {
              const look = columnLook(guest);
              return (
                <Group component="li" key={guest.id} gap="xs" wrap="nowrap" style={{ listStyle: 'none' }}>
                  <Badge variant="light" color={roleColor[look.role]} tt="none" style={{ flexShrink: 0 }}>
                    {t(look.labelKey)}
                  </Badge>
                  <Text component="span" size="sm" ff="monospace" style={{ minWidth: 0, display: 'flex' }}>
                    <GuestName name={guest.name} />
                  </Text>
                </Group>
              );
            })}
          </Stack>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => run('delete')}
              loading={busy === 'delete'}
              data-testid="twin-delete-confirm"
            >
              {t('twins.action.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
