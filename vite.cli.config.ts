import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

// core/openapi/source.ts gets the YAML library through bin/lazy-yaml.ts, which imports it
// only when analyze reads YAML: a JSON description then loads none of it (about 9 ms).
const OPENAPI_SOURCE = resolve('core/openapi/source.ts');
const LAZY_YAML = resolve('bin/lazy-yaml.ts');
const lazyYaml: Plugin = {
  name: 'bulwark-lazy-yaml',
  enforce: 'pre',
  resolveId: (id, importer) => (id === 'yaml' && importer === OPENAPI_SOURCE ? LAZY_YAML : null),
};

// The CLI is core behind a thin argument parser, bundled into ES modules so that
// `bulwark` starts without a TypeScript loader. Each command is a dynamic import in
// bin/cli.ts and so its own chunk: a verb loads only the code it runs.
export default defineConfig({
  plugins: [lazyYaml],
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
