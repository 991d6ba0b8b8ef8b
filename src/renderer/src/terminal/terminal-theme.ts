import type { ITheme } from '@xterm/xterm';

/** Terminal colours for each colour scheme; ANSI colours picked to stay readable on each background. */
export const terminalThemes: Record<'light' | 'dark', ITheme> = {
  light: {
    background: '#ffffff',
    foreground: '#1f2328',
    cursor: '#1f2328',
    cursorAccent: '#ffffff',
    selectionBackground: '#b3d7ff',
    black: '#1f2328',
    red: '#c4261d',
    green: '#107c10',
    yellow: '#8a6d00',
    blue: '#0451a5',
    magenta: '#a821a8',
    cyan: '#0a7a8f',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#d1382d',
    brightGreen: '#1a8f1a',
    brightYellow: '#9a7b00',
    brightBlue: '#1f6fd1',
    brightMagenta: '#bc3fbc',
    brightCyan: '#0b8ba3',
    brightWhite: '#8c959f',
  },
  dark: {
    background: '#17181c',
    foreground: '#dcdee3',
    cursor: '#dcdee3',
    cursorAccent: '#17181c',
    selectionBackground: '#264f78',
    black: '#2e3038',
    red: '#f1707a',
    green: '#7ed491',
    yellow: '#e5c07b',
    blue: '#74adf4',
    magenta: '#d39ef0',
    cyan: '#6fd3e3',
    white: '#c8ccd4',
    brightBlack: '#7f848e',
    brightRed: '#ff8a93',
    brightGreen: '#98e6a9',
    brightYellow: '#f2d08f',
    brightBlue: '#94c2ff',
    brightMagenta: '#e2b6f7',
    brightCyan: '#8ee4f0',
    brightWhite: '#ffffff',
  },
};

/** Search highlights; the search addon wants #RRGGBB. */
export const searchDecorations = {
  light: {
    matchBackground: '#fff3a3',
    matchOverviewRuler: '#e0b400',
    activeMatchBackground: '#ffb347',
    activeMatchColorOverviewRuler: '#ff8c00',
  },
  dark: {
    matchBackground: '#5c4a00',
    matchOverviewRuler: '#b89500',
    activeMatchBackground: '#a35200',
    activeMatchColorOverviewRuler: '#ff8c00',
  },
} as const;
