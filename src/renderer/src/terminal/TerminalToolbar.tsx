import { Menu, Toolbar, Tooltip } from '@mantine/core';
import {
  IconClipboard,
  IconCopy,
  IconDoorExit,
  IconDots,
  IconRefresh,
  IconSearch,
  IconTextSize,
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
  /** A narrow column (the lesson's three consoles): Find stays, the rest go into one menu. */
  compact: boolean;
  onCopy: () => void;
  onPaste: () => void;
  onToggleFind: () => void;
  onReconnect: () => void;
  onEndSession: () => void;
}

/**
 * The compact toolbar's menu: the same actions as the full toolbar but Find, in its order, with the
 * shortcuts beside them.
 */
function MoreMenu(props: TerminalToolbarProps) {
  const { t } = useTranslation();
  const { readOnly, fontSize, hasSelection, canType, canReconnect, canEnd } = props;
  const more = t('terminal.moreActions');
  const item = (label: string, icon: Icon, onClick: () => void, disabled = false, shortcut?: string) => {
    const ItemIcon = icon;
    return (
      <Menu.Item
        leftSection={<ItemIcon size={16} stroke={1.7} aria-hidden />}
        rightSection={shortcut}
        onClick={onClick}
        disabled={disabled}
      >
        {label}
      </Menu.Item>
    );
  };
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={260}>
      <Menu.Target>
        <Tooltip label={more} withArrow openDelay={300}>
          <Toolbar.Toggle aria-label={more}>
            <IconDots size={17} stroke={1.7} aria-hidden />
          </Toolbar.Toggle>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        {item(t('terminal.copy'), IconCopy, props.onCopy, !hasSelection, shortcutLabels.copy)}
        {!readOnly && item(t('terminal.paste'), IconClipboard, props.onPaste, !canType, shortcutLabels.paste)}
        <Menu.Divider />
        {item(t('terminal.zoomOut'), IconZoomOut, () => zoomFont(-1), false, shortcutLabels.zoomOut)}
        {item(
          t('terminal.fontSize', { size: fontSize }),
          IconTextSize,
          () => zoomFont(0),
          false,
          shortcutLabels.zoomReset,
        )}
        {item(t('terminal.zoomIn'), IconZoomIn, () => zoomFont(1), false, shortcutLabels.zoomIn)}
        <Menu.Divider />
        {item(t('terminal.reconnect'), IconRefresh, props.onReconnect, !canReconnect)}
        {item(t('terminal.endSession'), IconDoorExit, props.onEndSession, !canEnd)}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Copy, paste, find, zoom, reconnect and end: each with its shortcut in the tooltip. */
export function TerminalToolbar(props: TerminalToolbarProps) {
  const { t } = useTranslation();
  const { label, readOnly, fontSize, hasSelection, canType, findOpen, canReconnect, canEnd } = props;
  const find = (
    <Tool
      label={t('terminal.find')}
      icon={IconSearch}
      onClick={props.onToggleFind}
      active={findOpen}
      shortcut={shortcutLabels.find}
    />
  );
  if (props.compact)
    return (
      <Toolbar aria-label={t('terminal.toolbar', { name: label })} size="sm" variant="light" withBorder>
        {find}
        <MoreMenu {...props} />
      </Toolbar>
    );
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
      {find}
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
