import { ActionIcon, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash, type Icon } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDescribeError } from '../i18n/describe-error';

/** i18n key prefix of a guest kind's actions: `guest.action.*`, `guest.remove.*` or `vm.…`. */
type KeyPrefix = 'guest' | 'vm';

interface MutateCallbacks<R> {
  onSuccess: (result: R) => void;
  onError: (error: unknown) => void;
  onSettled: () => void;
}

interface ActionRunnerOptions<A extends string, R> {
  name: string;
  keyPrefix: KeyPrefix;
  onRemoved?: () => void;
  mutate: (action: A, callbacks: MutateCallbacks<R>) => void;
}

/**
 * Runs a guest's lifecycle actions one at a time: Remove asks first, succeeds with a notice and
 * `onRemoved`, and any failure is a red notification.
 */
export function useActionRunner<A extends string, R>({
  name,
  keyPrefix,
  onRemoved,
  mutate,
}: ActionRunnerOptions<A, R>) {
  const { t } = useTranslation();
  const describeError = useDescribeError();
  const [running, setRunning] = useState<A>();
  const [confirming, setConfirming] = useState(false);

  /** `then` is told of the other actions' success, with what main returned. */
  const run = (action: A, then?: (result: R) => void) => {
    setRunning(action);
    mutate(action, {
      onSuccess: (result) => {
        if (action === 'remove') {
          setConfirming(false);
          notifications.show({ color: 'teal', message: t(`${keyPrefix}.remove.done`, { name }) });
          onRemoved?.();
        }
        then?.(result);
      },
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('guest.actionFailed', { action: t(`${keyPrefix}.action.${action}`), name }),
          message: describeError(error),
        }),
      onSettled: () => setRunning(undefined),
    });
  };

  return { running, confirming, setConfirming, run };
}

interface ActionButtonsProps<A extends string> {
  name: string;
  keyPrefix: KeyPrefix;
  actions: A[];
  icons: Record<A, Icon>;
  /** Actions whose icon button is red in the compact form (Remove always is). */
  dangerous?: readonly A[];
  compact: boolean;
  running: A | undefined;
  confirming: boolean;
  onConfirmingChange: (confirming: boolean) => void;
  onRun: (action: A) => void;
}

/** The actions as icon buttons (lists) or labelled buttons, and Remove's confirmation dialog. */
export function ActionButtons<A extends string>({
  name,
  keyPrefix,
  actions,
  icons,
  dangerous = [],
  compact,
  running,
  confirming,
  onConfirmingChange,
  onRun,
}: ActionButtonsProps<A>) {
  const { t } = useTranslation();
  const click = (action: A) => (action === 'remove' ? onConfirmingChange(true) : onRun(action));
  const modal = useMountedFirstClosed(confirming);

  return (
    <>
      {/* Labelled buttons wrap onto a second line rather than run off a narrow window. */}
      <Group gap={compact ? 4 : 'xs'} wrap={compact ? 'nowrap' : 'wrap'}>
        {actions.map((action) => {
          const Shape: Icon = icons[action];
          const label = t(`${keyPrefix}.action.${action}`);
          const busy = running === action && action !== 'remove';
          const danger = action === 'remove' || dangerous.includes(action);
          if (compact) {
            // The label shows in the list's one shared tooltip (pages/lab/DataTooltip), not in a
            // Tooltip per button: a hundred cards' worth of those cost the Lab a second to draw.
            return (
              <ActionIcon
                key={action}
                variant="subtle"
                color={danger ? 'red' : 'gray'}
                size="lg"
                aria-label={t('guest.actionOn', { action: label, name })}
                data-tooltip={label}
                onClick={() => click(action)}
                loading={busy}
                disabled={running !== undefined && !busy}
              >
                <Shape size={18} stroke={1.7} aria-hidden />
              </ActionIcon>
            );
          }
          return (
            <Button
              key={action}
              variant={action === 'remove' ? 'light' : 'default'}
              color={action === 'remove' ? 'red' : undefined}
              size="sm"
              leftSection={<Shape size={16} stroke={1.7} aria-hidden />}
              onClick={() => click(action)}
              loading={busy}
              disabled={running !== undefined && !busy}
            >
              {label}
            </Button>
          );
        })}
      </Group>
      {/* Mounted once first asked for, then kept: a closed Modal on every guest card costs the Lab
          its hooks on every card's first render. */}
      {modal.mounted && (
        <Modal
          opened={modal.opened}
          onClose={() => onConfirmingChange(false)}
          title={t(`${keyPrefix}.remove.title`, { name })}
          centered
        >
          <Stack gap="md">
            <Text size="sm">{t(`${keyPrefix}.remove.body`, { name })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => onConfirmingChange(false)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => onRun('remove' as A)}
                loading={running === 'remove'}
              >
                {t(`${keyPrefix}.remove.confirm`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

/**
 * A dialog mounted on first use, closed for one render and then opened: Mantine notes the element
 * to give focus back to on an update of `opened`, which a dialog mounted open never has.
 */
function useMountedFirstClosed(opened: boolean): { mounted: boolean; opened: boolean } {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!opened || ready) return;
    // The next frame: the closed dialog has been committed by then.
    const frame = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(frame);
  }, [opened, ready]);
  return { mounted: ready || opened, opened: ready && opened };
}
