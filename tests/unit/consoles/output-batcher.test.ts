import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleManager } from '../../../src/main/lab/consoles/console-manager';
import { OutputBatcher } from '../../../src/main/lab/consoles/output-batcher';
import { FakeBackend } from './fake-backend';

const limits = { flushIntervalMs: 5, flushChars: 64 * 1024 };
const cjk = '漢字とかなのテキスト，한국어 텍스트，中文文本。😀';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('OutputBatcher', () => {
  it('keeps multibyte characters that arrive split at every possible byte', () => {
    const bytes = Buffer.from(cjk, 'utf8');
    for (let split = 1; split < bytes.length; split++) {
      const out: string[] = [];
      const batcher = new OutputBatcher(limits, (text) => out.push(text));
      batcher.push(bytes.subarray(0, split));
      batcher.push(bytes.subarray(split));
      batcher.flush();
      expect(out.join('')).toBe(cjk);
    }
  });

  it('survives a stream fed one byte at a time', () => {
    const out: string[] = [];
    const batcher = new OutputBatcher(limits, (text) => out.push(text));
    for (const byte of Buffer.from(cjk)) batcher.push(Buffer.from([byte]));
    vi.advanceTimersByTime(5);
    expect(out).toEqual([cjk]);
  });

  it('gathers small reads into one batch every 5 ms', () => {
    const out: string[] = [];
    const batcher = new OutputBatcher(limits, (text) => out.push(text));
    batcher.push(Buffer.from('a'));
    batcher.push(Buffer.from('b'));
    vi.advanceTimersByTime(4);
    expect(out).toEqual([]);
    batcher.push('c');
    vi.advanceTimersByTime(1);
    expect(out).toEqual(['abc']);
    batcher.push('d');
    vi.advanceTimersByTime(5);
    expect(out).toEqual(['abc', 'd']);
  });

  it('sends a batch at once when it reaches 64 KiB', () => {
    const out: string[] = [];
    const batcher = new OutputBatcher(limits, (text) => out.push(text));
    batcher.push(Buffer.alloc(40 * 1024, 0x61));
    expect(out).toHaveLength(0);
    batcher.push(Buffer.alloc(30 * 1024, 0x62));
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(70 * 1024);
  });

  it('ends a stream with a replacement for a truncated character and starts the next one clean', () => {
    const out: string[] = [];
    const batcher = new OutputBatcher(limits, (text) => out.push(text));
    batcher.push(Buffer.from('漢', 'utf8').subarray(0, 2));
    batcher.endStream();
    batcher.push(Buffer.from('字', 'utf8'));
    batcher.flush();
    expect(out).toEqual(['\ufffd', '字']);
  });
});

describe('decoding in a session', () => {
  it('delivers CJK text split across backend chunks intact, to the viewer and the replay', async () => {
    const backend = new FakeBackend();
    const received: string[] = [];
    const manager = new ConsoleManager({
      onData: (_id, data) => received.push(data),
      onState: () => undefined,
    });
    const { id } = await manager.open({ connect: async () => backend, title: 'cjk', cols: 80, rows: 24 });
    manager.attach(id);
    const bytes = Buffer.from(cjk.repeat(3));
    for (let at = 0; at < bytes.length; at += 7) backend.emit(bytes.subarray(at, at + 7));
    vi.advanceTimersByTime(5);
    expect(received.join('')).toBe(cjk.repeat(3));
    expect(manager.attach(id).replay).toBe(cjk.repeat(3));
  });
});
