/**
 * The attributes after a fence's type (```check target=vm expect="^6\.1"```) or in a step
 * heading's braces ({#id optional requires=sandbox}): bare flags, key=value, key="quoted value"
 * and #id. Inside quotes only \" is an escape, so regular expressions keep their backslashes.
 */
export interface BlockAttributes {
  id?: string;
  flags: string[];
  values: Record<string, string>;
}

export function parseAttributes(text: string): BlockAttributes | { error: string } {
  const attributes: BlockAttributes = { flags: [], values: {} };
  let rest = text.trim();
  while (rest.length > 0) {
    const token = /^(#[^\s=]+|[a-zA-Z][\w-]*)(=)?/.exec(rest);
    if (!token?.[1]) return { error: `cannot read the attributes at "${rest.slice(0, 30)}"` };
    const name = token[1];
    rest = rest.slice(token[0].length);
    if (name.startsWith('#')) {
      if (attributes.id !== undefined) return { error: 'two ids' };
      attributes.id = name.slice(1);
    } else if (!token[2]) {
      attributes.flags.push(name);
    } else {
      const value = readValue(rest);
      if ('error' in value) return { error: `${name}: ${value.error}` };
      if (name in attributes.values) return { error: `${name} is given twice` };
      attributes.values[name] = value.value;
      rest = value.rest;
    }
    if (rest.length > 0 && !/^\s/.test(rest)) return { error: `put a space after ${name}` };
    rest = rest.trimStart();
  }
  return attributes;
}

function readValue(text: string): { value: string; rest: string } | { error: string } {
  if (!text.startsWith('"')) {
    const bare = /^[^\s"]+/.exec(text)?.[0];
    return bare ? { value: bare, rest: text.slice(bare.length) } : { error: 'the value is missing' };
  }
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && text[i + 1] === '"') {
      value += '"';
      i++;
    } else if (char === '"') {
      return { value, rest: text.slice(i + 1) };
    } else {
      value += char;
    }
  }
  return { error: 'the closing quote is missing' };
}
