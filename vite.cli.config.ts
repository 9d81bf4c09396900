import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The CLI is core behind a thin argument parser, bundled into one ES module so that
// `bulwark` starts without a TypeScript loader.
export default defineConfig({
  build: {
    ssr: resolve('bin/cli.ts'),
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'bulwark.mjs' } },
  },
  ssr: { noExternal: true },
});
