import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startBrowserMode, type BrowserModeServer } from './browser-mode/server';
import { createLab } from './lab';
import { createLogger, ignoreClosedOutput } from './lab/log';

/**
 * Browser mode: the lab core in plain Node, the renderer served to a browser tab on 127.0.0.1.
 * Built to out/main/serve.js next to out/renderer; the project root is two folders up.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = createLogger('serve');

// Last resort: a bug in one request's handling must not end every console and twin the user has
// open. Each request and socket is guarded where it is handled; anything that still escapes is
// written down with its stack so it can be fixed, and the server keeps serving the others.
ignoreClosedOutput();
process.on('uncaughtException', (error) => log.error('uncaught exception (kept running)', error));
process.on('unhandledRejection', (reason) => log.error('unhandled rejection (kept running)', reason));

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `Twinlab: --port must be a whole number from 0 to 65535 (0 picks a free port), not "${values.port}".`,
  );
  process.exit(2);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const lab = await createLab({ version, mode: 'browser', resourcesDir: join(root, 'resources') });
const token = process.env['TWINLAB_TOKEN'] || randomBytes(24).toString('base64url');

let server: BrowserModeServer;
try {
  server = await startBrowserMode({ lab, rendererDir: join(root, 'out', 'renderer'), token, port, log });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Twinlab: port ${port} is already in use; choose another with --port N, or omit it to pick a free one.`
      : `Twinlab could not start: ${(error as Error).message}`,
  );
  await lab.dispose();
  process.exit(1);
}
console.log(`Twinlab is running at ${server.url}`);

const shutdown = async () => {
  await server.close();
  await lab.dispose();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
