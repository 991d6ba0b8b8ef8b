/**
 * A tiny XML writer for the fixed shapes Twinlab sends to libvirt. Element names come from our code;
 * every text and attribute value is escaped here, so a template or user value can never add markup.
 */
export type XmlAttrValue = string | number | boolean | undefined;

export interface XmlElement {
  name: string;
  attrs: [string, string][];
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;

/** `el('disk', { type: 'file' }, el('source', { file }))`; undefined attributes and children are left out. */
export function el(
  name: string,
  attrs: Record<string, XmlAttrValue> = {},
  ...children: (XmlChild | undefined | false | XmlChild[])[]
): XmlElement {
  const flat = children.flat().filter((child): child is XmlChild => child !== undefined && child !== false);
  const pairs = Object.entries(attrs)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]): [string, string] => [key, String(value)]);
  return { name, attrs: pairs, children: flat };
}

/** XML 1.0 carries tab, LF, CR and U+0020 upwards, minus surrogates and U+FFFE/U+FFFF. */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

function checkChars(value: string): void {
  // for…of walks code points, so a valid surrogate pair is one character and a lone surrogate fails.
  for (const char of value) {
    if (!isXmlChar(char.codePointAt(0) ?? 0)) {
      throw new Error(`value contains a character XML cannot carry: ${JSON.stringify(value)}`);
    }
  }
}

export function escapeText(value: string): string {
  checkChars(value);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values are written in single quotes; newlines and tabs are kept as character references. */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/'/g, '&apos;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Indented with two spaces; an element holding only text stays on one line. */
export function renderXml(root: XmlElement): string {
  return `${render(root, '')}\n`;
}

function render(node: XmlElement, indent: string): string {
  const attrs = node.attrs.map(([key, value]) => ` ${key}='${escapeAttr(value)}'`).join('');
  if (node.children.length === 0) return `${indent}<${node.name}${attrs}/>`;
  if (node.children.every((child) => typeof child === 'string')) {
    return `${indent}<${node.name}${attrs}>${node.children.map((text) => escapeText(text)).join('')}</${node.name}>`;
  }
  const inner = node.children
    .map((child) =>
      typeof child === 'string' ? `${indent}  ${escapeText(child)}` : render(child, `${indent}  `),
    )
    .join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}
