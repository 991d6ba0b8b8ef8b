/** Terminal shortcuts: Ctrl+Shift for clipboard and find (plain Ctrl+C/V belong to the shell), Ctrl for zoom. */
export type TerminalShortcut = 'copy' | 'paste' | 'find' | 'zoomIn' | 'zoomOut' | 'zoomReset';

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/** Physical keys first (`code`), so the shortcuts stay where they are on any keyboard layout. */
export function shortcutOf(event: KeyLike): TerminalShortcut | undefined {
  if (!event.ctrlKey || event.altKey || event.metaKey) return undefined;
  const key = event.key.toLowerCase();
  if (event.shiftKey) {
    if (event.code === 'KeyC' || key === 'c') return 'copy';
    if (event.code === 'KeyV' || key === 'v') return 'paste';
    if (event.code === 'KeyF' || key === 'f') return 'find';
  }
  if (event.code === 'Equal' || event.code === 'NumpadAdd' || key === '=' || key === '+') return 'zoomIn';
  if (event.code === 'Minus' || event.code === 'NumpadSubtract' || key === '-' || key === '_')
    return 'zoomOut';
  if (!event.shiftKey && (event.code === 'Digit0' || event.code === 'Numpad0' || key === '0'))
    return 'zoomReset';
  return undefined;
}

/** How each shortcut is written in tooltips and menus. */
export const shortcutLabels: Record<TerminalShortcut, string> = {
  copy: 'Ctrl+Shift+C',
  paste: 'Ctrl+Shift+V',
  find: 'Ctrl+Shift+F',
  zoomIn: 'Ctrl+=',
  zoomOut: 'Ctrl+-',
  zoomReset: 'Ctrl+0',
};
