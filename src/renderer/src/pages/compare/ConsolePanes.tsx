import './compare.css';
import { ActionIcon, Box, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconArrowsMaximize, IconArrowsMinimize } from '@tabler/icons-react';
import { Fragment, useEffect, useState } from 'react';
import { Group as PanelGroup, Panel, Separator } from 'react-resizable-panels';
import { useTranslation } from 'react-i18next';
import type { ConsoleTarget } from '@shared/consoles';
import { splitRoleSuffix } from '@shared/twin-roles';
import { TerminalView } from '../../terminal/TerminalView';
import { GuestName } from '../../guests/GuestName';

export interface ConsolePaneSpec {
  /** Stable id of the pane (the target's key). */
  id: string;
  target: ConsoleTarget;
  /** What it is, e.g. "Container · runc". */
  label: string;
  /** The guest's name, or the host's. */
  name: string;
  color: string;
  onInput?: (data: string) => void;
}

/** The terminal's height in a pane, and when the pane fills the window (header and margins off). */
const paneTerminalHeight = 380;
const maximisedTerminalHeight = 'calc(100vh - 150px)';

function ConsolePane({
  pane,
  maximised,
  onToggle,
}: {
  pane: ConsolePaneSpec;
  maximised: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const toggleLabel = t(maximised ? 'compare.restorePane' : 'compare.maximisePane', { name: pane.label });
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      h="100%"
      className={maximised ? 'compare-pane-maximised' : undefined}
      component="section"
      aria-label={pane.label}
      data-testid={`pane-${pane.target.kind === 'host' ? 'host' : pane.name}`}
      data-maximised={maximised || undefined}
      style={{ minWidth: 0, overflow: 'hidden' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <span
            className="state-dot"
            aria-hidden="true"
            style={{ background: `var(--mantine-color-${pane.color}-6)`, flex: 'none' }}
          />
          {/* The label says what the pane is: the name gives way first; in a narrow pane (a lesson's
              four columns) the label ends in "…" too, never under the maximise button. */}
          <Text
            fw={650}
            size="sm"
            data-testid="pane-label"
            title={pane.label}
            truncate="end"
            style={{ flex: '0 1 auto', minWidth: '3em' }}
          >
            {pane.label}
          </Text>
          {/* Shortened in the middle: the role suffix (-container, -vm…) stays in sight. It never
              gets narrower than the suffix, one character and "…" (monospace, so in ch), so in a narrower pane the
              label gives way rather than the suffix running under the maximise button. */}
          <Text
            component="span"
            size="xs"
            c="dimmed"
            ff="monospace"
            style={{
              minWidth: `${splitRoleSuffix(pane.name).suffix.length + 2}ch`,
              display: 'flex',
              flex: '0 1000 auto',
            }}
          >
            <GuestName name={pane.name} />
          </Text>
        </Group>
        <Tooltip label={maximised ? `${toggleLabel} (Esc)` : toggleLabel} withArrow openDelay={300}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={toggleLabel}
            onClick={onToggle}
            style={{ flex: 'none' }}
          >
            {maximised ? (
              <IconArrowsMinimize size={16} aria-hidden />
            ) : (
              <IconArrowsMaximize size={16} aria-hidden />
            )}
          </ActionIcon>
        </Tooltip>
      </Group>
      <TerminalView
        kind={pane.target.kind}
        guestId={pane.target.guestId}
        label={t('compare.consoleOf', { name: pane.label })}
        height={maximised ? maximisedTerminalHeight : paneTerminalHeight}
        onInput={pane.onInput}
      />
    </Paper>
  );
}

/**
 * The consoles side by side in resizable panes (drag a separator, or focus it and use the arrow
 * keys). One pane can fill the window; Escape or its button puts it back. Maximising only changes
 * the pane's box, so every terminal stays mounted and attached.
 */
export function ConsolePanes({ panes }: { panes: readonly ConsolePaneSpec[] }) {
  const { t } = useTranslation();
  const [maximised, setMaximised] = useState<string>();

  useEffect(() => {
    if (!maximised) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMaximised(undefined);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [maximised]);
  // A pane that went away (host terminal switched off) cannot stay maximised.
  if (maximised && !panes.some((pane) => pane.id === maximised)) setMaximised(undefined);

  return (
    <Box data-testid="console-panes">
      <PanelGroup orientation="horizontal" style={{ minHeight: 470 }}>
        {panes.map((pane, index) => (
          <Fragment key={pane.id}>
            {index > 0 && (
              <Separator
                className="compare-separator"
                aria-label={t('compare.resizeBetween', {
                  left: panes[index - 1]?.label ?? '',
                  right: pane.label,
                })}
              />
            )}
            <Panel id={pane.id} minSize="12%">
              <ConsolePane
                pane={pane}
                maximised={maximised === pane.id}
                onToggle={() => setMaximised((current) => (current === pane.id ? undefined : pane.id))}
              />
            </Panel>
          </Fragment>
        ))}
      </PanelGroup>
    </Box>
  );
}
