import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * A lesson body read as CommonMark (the structure react-markdown sees in the renderer), flattened
 * into what the lesson parser needs, in source order, with 1-based body lines:
 *   heading: a level-2 heading at the top level (a step), its text as written, attributes included
 *   fence:   a fenced code block whose info string starts with a lesson block type, at any depth
 *   prose:   the Markdown source between those, untouched, for display
 *   unclosed: a fence that runs to the end of its container because it has no closing line
 */
export type BodyPart =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'fence'; type: string; info: string; body: string[]; line: number }
  | { kind: 'prose'; text: string; line: number }
  | { kind: 'unclosed'; marker: string; line: number };

export function readBody(source: string, fenceTypes: readonly string[]): BodyPart[] {
  const parts: BodyPart[] = [];
  let cursor = 0;
  const prose = (end: number) => {
    const slice = source.slice(cursor, end);
    const text = slice.trim();
    if (text)
      parts.push({ kind: 'prose', text, line: lineAt(source, cursor + slice.indexOf(text[0] ?? '')) });
  };
  const visit = (node: Nodes, topLevel: boolean) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end || start.offset === undefined || end.offset === undefined) return;
    if (node.type === 'heading' && node.depth === 2 && topLevel) {
      prose(start.offset);
      const first = node.children[0]?.position?.start.offset ?? start.offset;
      const last = node.children.at(-1)?.position?.end.offset ?? start.offset;
      parts.push({ kind: 'heading', text: source.slice(first, last), line: start.line });
      cursor = end.offset;
      return;
    }
    if (node.type === 'code') {
      const fence = readFence(source.slice(start.offset, end.offset));
      if (!fence) return; // indented code: prose
      if (!fence.closed) parts.push({ kind: 'unclosed', marker: fence.marker, line: start.line });
      const type = fence.info.split(/\s/)[0] ?? '';
      if (!fenceTypes.includes(type)) return;
      prose(start.offset);
      const body = node.value === '' ? [] : node.value.split('\n');
      parts.push({ kind: 'fence', type, info: fence.info.slice(type.length), body, line: start.line });
      cursor = end.offset;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child, false);
  };
  for (const child of fromMarkdown(source).children) visit(child, true);
  prose(source.length);
  return parts;
}

/**
 * The info string as written: mdast's `meta` has CommonMark's backslash escapes applied, which would
 * turn expect="^\d+\.\d+" into ^\d+.\d+ and \" into a bare quote.
 */
function readFence(raw: string): { marker: string; info: string; closed: boolean } | undefined {
  const lines = raw.split('\n');
  const open = /^\s*(`{3,}|~{3,})(.*)$/.exec(lines[0] ?? '');
  if (!open?.[1]) return undefined;
  const marker = open[1];
  // Later lines keep their container's prefix (list indentation, > of a quote).
  const close = new RegExp(`^[\\s>]*${marker[0]}{${marker.length},}\\s*$`);
  const closed = lines.length > 1 && close.test(lines.at(-1) ?? '');
  return { marker, info: (open[2] ?? '').trim(), closed };
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source[i] === '\n') line++;
  return line;
}
