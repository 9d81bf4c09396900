import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import csp from './electron/main/csp.json' with { type: 'json' };

// The policy lives in one place (electron/main/csp.json): the shell and the browser-mode
// server send it as a header, and this copies it into a <meta> tag as a second layer for
// any other way the page is served. `frame-ancestors` is dropped here because browsers
// ignore it in a meta tag (the header carries it).
function cspMeta(): Plugin {
  const policy = csp.policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'bulwark-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

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
    plugins: [react(), cspMeta()],
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      target: 'es2023',
      minify: true,
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
