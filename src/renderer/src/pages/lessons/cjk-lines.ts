const cjk = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const softBreak = new RegExp(`([${cjk}])[ \\t]*\\n[ \\t]*(?=[${cjk}])`, 'g');

/**
 * Markdown turns a line break inside a paragraph into a space; between two Chinese (or Japanese)
 * characters that space is wrong, so such breaks are joined before rendering.
 */
export function joinCjkLines(markdown: string): string {
  return markdown.replace(softBreak, '$1');
}
