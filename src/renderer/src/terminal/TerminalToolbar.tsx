import { Toolbar, Tooltip } from '@mantine/core';
import {
  IconClipboard,
  IconCopy,
  IconDoorExit,
  IconRefresh,
  IconSearch,
  IconZoomIn,
  IconZoomOut,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { zoomFont } from './font-size';
import { shortcutLabels } from './shortcuts';

interface ToolProps {
  label: string;
  icon: Icon;
  onClick: () => void;
  disabled?: boolean;
  active?: boolean;
  shortcut?: string;
}

/** One toolbar button: the accessible name is the plain label; the tooltip adds the shortcut. */
function Tool({ label, icon: ToolIcon, onClick, disabled, active, shortcut }: ToolProps) {
  return (
    <Tooltip label={shortcut ? `${label} (${shortcut})` : label} withArrow openDelay={300}>
      <Toolbar.Toggle aria-label={label} onClick={onClick} disabled={disabled} active={active}>
        <ToolIcon size={17} stroke={1.7} aria-hidden />
      </Toolbar.Toggle>
    </Tooltip>
  );
}

interface TerminalToolbarProps {
  /** The terminal's name, for the toolbar's own accessible name. */
  label: string;
  readOnly: boolean;
  fontSize: number;
  hasSelection: boolean;
  canType: boolean;
  findOpen: boolean;
  canReconnect: boolean;
  canEnd: boolean;
  onCopy: () => void;
  onPaste: () => void;
  onToggleFind: () => void;
  onReconnect: () => void;
  onEndSession: () => void;
}

/** Copy, paste, find, zoom, reconnect and end: each with its shortcut in the tooltip. */
export function TerminalToolbar(props: TerminalToolbarProps) {
  const { t } = useTranslation();
  const { label, readOnly, fontSize, hasSelection, canType, findOpen, canReconnect, canEnd } = props;
  return (
    <Toolbar aria-label={t('terminal.toolbar', { name: label })} size="sm" variant="light" withBorder>
      <Tool
        label={t('terminal.copy')}
        icon={IconCopy}
        onClick={props.onCopy}
        disabled={!hasSelection}
        shortcut={shortcutLabels.copy}
      />
      {!readOnly && (
        <Tool
          label={t('terminal.paste')}
          icon={IconClipboard}
          onClick={props.onPaste}
          disabled={!canType}
          shortcut={shortcutLabels.paste}
        />
      )}
      <Tool
        label={t('terminal.find')}
        icon={IconSearch}
        onClick={props.onToggleFind}
        active={findOpen}
        shortcut={shortcutLabels.find}
      />
      <Toolbar.Divider />
      <Tool
        label={t('terminal.zoomOut')}
        icon={IconZoomOut}
        onClick={() => zoomFont(-1)}
        shortcut={shortcutLabels.zoomOut}
      />
      <Tooltip
        label={t('terminal.zoomReset', { shortcut: shortcutLabels.zoomReset })}
        withArrow
        openDelay={300}
      >
        <Toolbar.Toggle
          aria-label={t('terminal.fontSize', { size: fontSize })}
          onClick={() => zoomFont(0)}
          autoWidth
          px={6}
          fz="xs"
        >
          {fontSize}px
        </Toolbar.Toggle>
      </Tooltip>
      <Tool
        label={t('terminal.zoomIn')}
        icon={IconZoomIn}
        onClick={() => zoomFont(1)}
        shortcut={shortcutLabels.zoomIn}
      />
      <Toolbar.Divider />
      <Tool
        label={t('terminal.reconnect')}
        icon={IconRefresh}
        onClick={props.onReconnect}
        disabled={!canReconnect}
      />
      <Tool
        label={t('terminal.endSession')}
        icon={IconDoorExit}
        onClick={props.onEndSession}
        disabled={!canEnd}
      />
    </Toolbar>
  );
}
