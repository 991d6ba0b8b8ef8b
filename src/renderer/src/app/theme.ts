import { createTheme } from '@mantine/core';

/**
 * Fonts come from CSS variables (global.css) so the CJK order can follow the `lang` attribute:
 * Chinese and Korean share Han code points but want their own glyph shapes.
 */
export const theme = createTheme({
  // Blue 7 (#1c7ed6) is the app icon's colour.
  primaryColor: 'blue',
  defaultRadius: 'md',
  cursorType: 'pointer',
  // Focus rings for keyboard users only; mouse clicks do not leave a ring behind.
  focusRing: 'auto',
  fontFamily: 'var(--twinlab-font-sans)',
  fontFamilyMonospace: 'var(--twinlab-font-mono)',
  headings: { fontFamily: 'var(--twinlab-font-sans)', fontWeight: '650' },
});
