import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The CLI is core behind a thin argument parser, bundled into ES modules so that
// `bulwark` starts without a TypeScript loader. Each command is a dynamic import in
// bin/cli.ts and so its own chunk: a verb loads only the code it runs.
export default defineConfig({
  build: {
    ssr: resolve('bin/cli.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'bulwark.mjs',
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
  ssr: { noExternal: true },
});
