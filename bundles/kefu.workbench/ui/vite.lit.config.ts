import { defineConfig, type Plugin } from 'vite';

// Second build step: bundles Lit once, as /workbench/lib/lit.js, plus thin
// modules under /workbench/lib/lit/ for the `lit/...` subpaths that plain-JS
// plug-ins may import through the import map's "lit/" entry. Every module of
// Lit itself goes into lit.js, so the subpath files only re-export from it and
// the page never holds two copies.

const subpaths = [
  'async-directive',
  'decorators',
  'directive',
  'directive-helpers',
  'static-html',
  ...[
    'async-append', 'async-replace', 'cache', 'choose', 'class-map', 'guard',
    'if-defined', 'join', 'keyed', 'live', 'map', 'range', 'ref', 'repeat',
    'style-map', 'template-content', 'unsafe-html', 'unsafe-mathml', 'unsafe-svg',
    'until', 'when',
  ].map((d) => `directives/${d}`),
];

// The subpath files are emitted as chunks of their own so that each keeps
// exactly the exports of its Lit module ('strict'), while lit.js alone may
// grow the extra internal exports they import from it.
const subpathEntries: Plugin = {
  name: 'kefu-lit-subpaths',
  buildStart() {
    for (const p of subpaths) {
      this.emitFile({
        type: 'chunk',
        id: `lit/${p}.js`,
        fileName: `workbench/lib/lit/${p}.js`,
        preserveSignature: 'strict',
      });
    }
  },
};

// The facade files of the `lit` package itself (lit/directives/*.js and so on)
// stay out of the chunk so that each subpath entry keeps its own file; only
// lit/index.js, the one src/lib/lit.ts re-exports, goes in.
const litModule = /[\\/]node_modules[\\/](lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|[\\/]node_modules[\\/]lit[\\/]index\.js$|[\\/]src[\\/]lib[\\/]lit\.ts$/;

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [subpathEntries],
  build: {
    outDir: '../target/classes/static',
    // The first build step has emptied it and written the other files.
    emptyOutDir: false,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: { 'workbench/lib/lit': 'src/lib/lit.ts' },
      // Lets lit.js carry the extra internal exports the subpath files import, instead
      // of becoming a facade over a separately named chunk.
      preserveEntrySignatures: 'allow-extension',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'workbench/lib/lit/_chunks/[name].js',
        manualChunks: (id) => (litModule.test(id) ? 'workbench/lib/lit' : undefined),
      },
    },
  },
});
