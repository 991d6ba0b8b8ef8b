import { describe, expect, it } from 'vitest';
import { ConsoleManager } from '../../../src/main/lab/consoles/console-manager';
import { isConsoleError } from '../../../src/main/lab/consoles/errors';
import { InputWriter, splitInput } from '../../../src/main/lab/consoles/input-writer';
import { FakeBackend } from './fake-backend';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('splitInput', () => {
  it('cuts into pieces of at most the chunk size that join back to the input', () => {
    const paste = 'ls -la\r'.repeat(1000);
    const pieces = splitInput(paste, 1024);
    expect(pieces.every((piece) => piece.length <= 1024)).toBe(true);
    expect(pieces.join('')).toBe(paste);
    expect(pieces).toHaveLength(Math.ceil(paste.length / 1024));
  });

  it('never splits a surrogate pair', () => {
    const paste = `a${'😀'.repeat(600)}`;
    const pieces = splitInput(paste, 1024);
    expect(pieces.join('')).toBe(paste);
    for (const piece of pieces) expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
  });
});

describe('InputWriter', () => {
  it('writes typing at once and a large paste piece by piece across event-loop turns', async () => {
    const written: string[] = [];
    const writer = new InputWriter({ inputChunkChars: 1024, maxQueuedInputChars: 1 << 20 }, (piece) =>
      written.push(piece),
    );
    writer.write('x');
    expect(written).toEqual(['x']);
    const paste = 'y'.repeat(10_000);
    writer.write(paste);
    expect(written).toHaveLength(2); // only the first piece went out synchronously
    while (writer.queuedChars > 0) await nextTurn();
    expect(written.slice(1).join('')).toBe(paste);
    expect(written.slice(1).every((piece) => piece.length <= 1024)).toBe(true);
  });

  it('refuses input beyond its queue limit instead of buffering without bound', () => {
    const writer = new InputWriter({ inputChunkChars: 1024, maxQueuedInputChars: 4096 }, () => undefined);
    writer.write('a'.repeat(4096));
    let caught: unknown;
    try {
      writer.write('b'.repeat(2048));
    } catch (error) {
      caught = error;
    }
    expect(isConsoleError(caught, 'input-too-large')).toBe(true);
  });

  it('drops queued input when the backend goes away', async () => {
    const written: string[] = [];
    const writer = new InputWriter({ inputChunkChars: 10, maxQueuedInputChars: 1000 }, (piece) =>
      written.push(piece),
    );
    writer.write('z'.repeat(100));
    writer.setSink(undefined);
    await nextTurn();
    expect(written).toHaveLength(1);
    expect(writer.queuedChars).toBe(0);
  });
});

describe('input through a session', () => {
  it('reaches the backend in ≤ 1 KiB pieces, in order', async () => {
    const backend = new FakeBackend();
    const manager = new ConsoleManager({ onData: () => undefined, onState: () => undefined });
    const { id } = await manager.open({ connect: async () => backend, title: 'in', cols: 80, rows: 24 });
    const paste = Array.from({ length: 3000 }, (_, i) => `echo ${i}\r`).join('');
    manager.write(id, paste);
    while (backend.written.join('').length < paste.length) await nextTurn();
    expect(backend.written.join('')).toBe(paste);
    expect(Math.max(...backend.written.map((piece) => piece.length))).toBeLessThanOrEqual(1024);
  });
});
