/**
 * Styles for inputs whose value is code-like (names, paths, variables): only the typed text is
 * monospace; label, description and error stay in the UI font, which CJK text needs.
 */
export const monoInputStyles = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
