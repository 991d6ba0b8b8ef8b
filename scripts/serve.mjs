// `npm run serve [-- --port N]`: builds Twinlab when the build is missing or older than its
// sources, then starts browser mode (out/main/serve.js) in this same process.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['out/main/serve.js', 'out/renderer/index.html'].map((path) => join(root, path));
const inputs = ['src', 'electron.vite.config.ts', 'package.json'].map((path) => join(root, path));

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const built =
  outputs.every(existsSync) && Math.min(...outputs.map(newestMtime)) >= Math.max(...inputs.map(newestMtime));
if (!built) {
  console.error('Twinlab: building (sources changed since the last build)…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}
await import(pathToFileURL(outputs[0]).href);
