import { describe, expect, it } from 'vitest';
import { inputChunkChars, splitInput } from '../../../src/renderer/src/terminal/input-chunks';
import { shortcutOf, type KeyLike } from '../../../src/renderer/src/terminal/shortcuts';
import { consoleWriteSchema } from '../../../src/shared/consoles';

describe('console input pieces', () => {
  it('sends short input as it is and nothing for nothing', () => {
    expect(splitInput('ls\r')).toEqual(['ls\r']);
    expect(splitInput('')).toEqual([]);
  });

  it('splits a long paste into pieces console.write accepts, in order', () => {
    const paste = 'x'.repeat(inputChunkChars * 2 + 5);
    const pieces = splitInput(paste);
    expect(pieces.map((piece) => piece.length)).toEqual([inputChunkChars, inputChunkChars, 5]);
    expect(pieces.join('')).toBe(paste);
    for (const data of pieces)
      expect(consoleWriteSchema.safeParse({ sessionId: 's', data }).success).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const text = `ab${'😀'.repeat(10)}`;
    const pieces = splitInput(text, 3);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(
        piece.charCodeAt(piece.length - 1) >= 0xd800 && piece.charCodeAt(piece.length - 1) <= 0xdbff,
      ).toBe(false);
    }
  });
});

describe('terminal shortcuts', () => {
  const key = (patch: Partial<KeyLike>): KeyLike => ({
    key: '',
    code: '',
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    metaKey: false,
    ...patch,
  });

  it('use Ctrl+Shift for the clipboard and find, leaving Ctrl+C and Ctrl+V to the shell', () => {
    expect(shortcutOf(key({ key: 'C', code: 'KeyC', ctrlKey: true, shiftKey: true }))).toBe('copy');
    expect(shortcutOf(key({ key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true }))).toBe('paste');
    expect(shortcutOf(key({ key: 'F', code: 'KeyF', ctrlKey: true, shiftKey: true }))).toBe('find');
    expect(shortcutOf(key({ key: 'c', code: 'KeyC', ctrlKey: true }))).toBeUndefined();
    expect(shortcutOf(key({ key: 'v', code: 'KeyV', ctrlKey: true }))).toBeUndefined();
    expect(shortcutOf(key({ key: 'C', code: 'KeyC', shiftKey: true }))).toBeUndefined();
  });

  it('zoom with Ctrl and =, +, - and 0', () => {
    expect(shortcutOf(key({ key: '=', code: 'Equal', ctrlKey: true }))).toBe('zoomIn');
    expect(shortcutOf(key({ key: '+', code: 'Equal', ctrlKey: true, shiftKey: true }))).toBe('zoomIn');
    expect(shortcutOf(key({ key: '-', code: 'Minus', ctrlKey: true }))).toBe('zoomOut');
    expect(shortcutOf(key({ key: '0', code: 'Digit0', ctrlKey: true }))).toBe('zoomReset');
    expect(shortcutOf(key({ key: '0', code: 'Digit0', ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('follow the physical key on other layouts', () => {
    // Korean 2-set layout: the C key types ㅊ, yet Ctrl+Shift+C still copies.
    expect(shortcutOf(key({ key: 'ㅊ', code: 'KeyC', ctrlKey: true, shiftKey: true }))).toBe('copy');
  });
});
