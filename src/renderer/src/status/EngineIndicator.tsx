import { Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EngineStatus, StatusEngineName } from '@shared/engines';
import { formatTime } from '../lib/format/time';

type IndicatorState = EngineStatus['state'];

interface EngineIndicatorProps {
  engine: StatusEngineName;
  /** Undefined until the first status arrives. */
  status: EngineStatus | undefined;
  /** The link to main is down: this is the last known state, shown faded. */
  stale: boolean;
}

/** Only system containers need LXD/Incus: without it the lab works, so it is not shown as a fault. */
const optionalEngines: ReadonlySet<StatusEngineName> = new Set(['lxd']);

/**
 * One engine in the status bar. Its accessible name is the engine alone ("Docker"), stable across
 * states; `data-state` carries the state for tests; the visible text says both, not colour alone.
 */
export function EngineIndicator({ engine, status, stale }: EngineIndicatorProps) {
  const { t, i18n } = useTranslation();
  const state: IndicatorState = status?.state ?? 'connecting';
  const name = t(`status.engine.${engine}`);
  const optional = optionalEngines.has(engine);
  // LXD's version names its product ("LXD 5.0.2", "Incus 6.0"), so it replaces the name.
  const label = status?.state !== 'up' ? name : optional ? status.version : `${name} ${status.version}`;
  const stateText = optional && state === 'down' ? t('status.state.unavailable') : t(`status.state.${state}`);
  return (
    <Tooltip
      label={status && <EngineDetails engine={engine} status={status} language={i18n.language} />}
      disabled={!status}
      multiline
      maw={420}
      withArrow
      openDelay={300}
      // Keyboard users reach the details by focusing the indicator.
      events={{ hover: true, focus: true, touch: false }}
    >
      <Group
        role="group"
        aria-label={name}
        tabIndex={0}
        gap={6}
        wrap="nowrap"
        className="status-item"
        data-testid={`engine-${engine}`}
        data-state={state}
        opacity={stale ? 0.5 : 1}
      >
        <span
          className="engine-dot"
          data-state={state}
          data-optional={optional || undefined}
          aria-hidden="true"
        />
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {`${label} · ${stateText}`}
        </Text>
      </Group>
    </Tooltip>
  );
}

interface EngineDetailsProps {
  engine: StatusEngineName;
  status: EngineStatus;
  language: string;
}

function EngineDetails({ engine, status, language }: EngineDetailsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="xs">{t('status.endpoint', { endpoint: status.endpoint })}</Text>
      {status.state !== 'connecting' && (
        <Text size="xs">{t('status.since', { time: formatTime(status.since, language) })}</Text>
      )}
      {status.state === 'down' && <Text size="xs">{t('status.reason', { reason: status.reason })}</Text>}
      {status.state === 'down' && <Text size="xs">{t(`status.whatToDo.${engine}`)}</Text>}
    </Stack>
  );
}
