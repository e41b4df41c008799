import { defineConfig } from 'vite';
import { licenses } from './vite.licenses';

// Third build step: the code editor element, `@kefu/code-editor`, with
// CodeMirror bundled into it, as /workbench/lib/code-editor.js. It is a module
// of its own so that only views that import it download CodeMirror. It needs
// neither Lit nor the SDK; should it ever import them, they stay bare imports
// for the page's import map, so the page keeps one instance of each.

// CodeMirror and its helpers are MIT-licensed, which asks for their notices to travel with the code: see
// vite.licenses.ts.

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [licenses('Kefu code editor (@kefu/code-editor)')],
  build: {
    outDir: '../target/classes/static',
    // The first build step has emptied it and written the other files.
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { 'workbench/lib/code-editor': 'src/lib/code-editor.ts' },
      external: ['lit', /^lit\//, '@kefu/workbench'],
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // Everything is static imports, so there is one file; a chunk here would mean a dynamic import crept in.
        chunkFileNames: 'workbench/lib/code-editor/[name].js',
      },
    },
  },
});
