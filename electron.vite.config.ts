import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // Two entries over one lab core: the Electron shell and the loopback browser-mode server.
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          serve: resolve(import.meta.dirname, 'src/main/serve.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      rollupOptions: {
        // A sandboxed preload cannot load ES modules: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: { alias: { ...shared, '@renderer': resolve(import.meta.dirname, 'src/renderer/src') } },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified: 4.7 MB for the browser to parse on every load.
      minify: true,
      rolldownOptions: {
        output: {
          // The framework every page stands on, in a chunk of its own: it changes less often than
          // the app's code. Only packages the shell loads anyway, or they would leave the lazy pages.
          codeSplitting: {
            groups: [
              {
                name: 'vendor',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router|@mantine[\\/](core|hooks|notifications)|@floating-ui|@tanstack|i18next|react-i18next)[\\/]/,
              },
            ],
          },
        },
      },
    },
  },
});
