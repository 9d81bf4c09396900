import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for the three runtimes. The preload is CommonJS and fully bundled:
// a sandboxed preload can neither be an ES module nor require local files.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      target: 'es2023',
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
