import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

/**
 * One JSON document in Twinlab's data folder, not the renderer's storage: in browser mode the origin
 * (port) changes at every start, and with it the browser's storage. Updates are queued and atomic
 * (temp file + rename), so a crash never leaves half a file; a file from a newer version or edited
 * by hand reads as empty rather than failing the page that needs it.
 */
export class JsonFileStore<T> {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {}

  async read(): Promise<T> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return this.empty();
      throw error;
    }
    const parsed = this.schema.safeParse(safeJson(text));
    return parsed.success ? parsed.data : this.empty();
  }

  /** Reads, changes and writes the document, one update after another. */
  update(change: (current: T) => T): Promise<void> {
    const next = this.#queue.then(async () => {
      const value = change(await this.read());
      await mkdir(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
      await rename(temp, this.file);
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
