import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';

// The diagram adapter and its component are on no screen yet, so their browser tests load
// the real modules on their own: renderer/diagrams and MermaidDiagram, bundled with real
// Mermaid and React into one classic script that a test adds to a blank page. The bundle,
// its entry and its global exist only in a temporary folder, never in the app.
export const BUNDLE_GLOBAL = 'BulwarkDiagrams';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = 'virtual:bulwark-diagram-test';

// The adapter as the app has it, plus a way to mount the component into a page.
const ENTRY_SOURCE = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MermaidDiagram } from ${JSON.stringify(join(ROOT, 'renderer/ui/components/MermaidDiagram.tsx'))};
import ${JSON.stringify(join(ROOT, 'renderer/styles/index.css'))};
export * from ${JSON.stringify(join(ROOT, 'renderer/diagrams/index.ts'))};
export function mountDiagram(element, props) {
  const root = createRoot(element);
  const render = (p) => root.render(createElement(MermaidDiagram, p));
  render(props);
  return { update: render, unmount: () => root.unmount() };
}
`;

function testEntry(): Plugin {
  return {
    name: 'bulwark-diagram-test-entry',
    // Lib mode hands the entry over as a path under the root.
    resolveId: (id) => (id.endsWith(ENTRY) ? `\0${ENTRY}` : null),
    load: (id) => (id === `\0${ENTRY}` ? ENTRY_SOURCE : null),
  };
}

/** Builds the test bundle (Mermaid inlined) into a temporary folder; returns the script and style paths. */
export async function buildDiagramBundle(): Promise<{ script: string; style: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'bulwark-diagrams-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    plugins: [testEntry(), react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2023',
      minify: true,
      reportCompressedSize: false,
      cssCodeSplit: false,
      lib: {
        entry: ENTRY,
        formats: ['iife'],
        name: BUNDLE_GLOBAL,
        fileName: () => 'diagrams.js',
        cssFileName: 'diagrams',
      },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  return { script: join(outDir, 'diagrams.js'), style: join(outDir, 'diagrams.css') };
}
