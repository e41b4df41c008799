import { defineConfig, type Plugin } from 'vite';

// Only the environment is read from Node here; a local declaration spares the
// project a dependency on @types/node.
declare const process: { env: Record<string, string | undefined> };

/** Where `npm run dev` sends API calls and plug-in view modules. */
const backend = process.env.KEFU_BACKEND ?? 'http://localhost:8080';

const builtInViews = ['home', 'users', 'audit', 'platform'];

/**
 * The source of a built-in view for a module URL, or null. The server lists
 * them as /workbench/views/kefu.<name>/<name>.js (view id, then file); the
 * bare /workbench/views/<name>.js form is accepted as well.
 */
function builtInViewSource(url: string | undefined): string | null {
  const path = url?.split('?')[0] ?? '';
  const match = /^\/workbench\/views\/(?:kefu\.([a-z]+)\/\1|([a-z]+))\.js$/.exec(path);
  const name = match?.[1] ?? match?.[2];
  return name && builtInViews.includes(name) ? `/src/views/${name}.ts` : null;
}

/**
 * Makes the dev server answer the same URLs as the built output, so the
 * unchanged index.html and import map work in both: /workbench/shell.js,
 * /workbench/lib/{lit,kefu,code-editor,process-modeler,form-viewer}.js, /workbench/lib/lit/* and the
 * built-in views become thin modules over the sources (no such files exist on
 * disk). Because the shell's own '@kefu/workbench' import resolves to the same
 * URL the import map gives to plug-ins, both get one SDK instance (likewise
 * '@kefu/code-editor' and the bpmn.io modules); Lit is one pre-bundled dependency.
 */
function devModules(): Plugin {
  const sources: Record<string, string> = {
    '/workbench/shell.js': '/src/shell.ts',
    '/workbench/lib/kefu.js': '/src/lib/kefu.ts',
    '/workbench/lib/code-editor.js': '/src/lib/code-editor.ts',
    '/workbench/lib/process-modeler.js': '/src/lib/process-modeler.ts',
    '/workbench/lib/form-viewer.js': '/src/lib/form-viewer.ts',
  };
  const bareNames: Record<string, string> = {
    '@kefu/workbench': '/workbench/lib/kefu.js',
    '@kefu/code-editor': '/workbench/lib/code-editor.js',
    '@kefu/process-modeler': '/workbench/lib/process-modeler.js',
    '@kefu/form-viewer': '/workbench/lib/form-viewer.js',
  };
  return {
    name: 'kefu-dev-modules',
    apply: 'serve',
    enforce: 'pre',
    resolveId(id, _importer, options) {
      const known = Object.hasOwn(sources, id) || builtInViewSource(id) !== null ||
        id === '/workbench/lib/lit.js' || id.startsWith('/workbench/lib/lit/');
      if (!Object.hasOwn(bareNames, id) && !known) return null;
      // The dependency scanner reads files from disk; these modules only exist as URLs.
      if ((options as { scan?: boolean }).scan) return { id, external: true };
      return Object.hasOwn(bareNames, id) ? bareNames[id] : id;
    },
    load(id) {
      const source = (Object.hasOwn(sources, id) ? sources[id] : null) ?? builtInViewSource(id);
      if (source) return `export * from '${source}';`;
      if (id === '/workbench/lib/lit.js') return `export * from 'lit';`;
      if (id.startsWith('/workbench/lib/lit/')) return `export * from 'lit/${id.slice('/workbench/lib/lit/'.length)}';`;
      return null;
    },
  };
}

export default defineConfig({
  plugins: [devModules()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/workbench/views': {
        target: backend,
        changeOrigin: false,
        // Built-in views are served from the sources; only plug-in views go to the server.
        bypass: (req) => (builtInViewSource(req.url) ? req.url : undefined),
      },
    },
  },
  optimizeDeps: {
    include: [
      // Pre-bundled together so that the subpath modules share Lit's core with 'lit'.
      'lit', 'lit/directive.js', 'lit/async-directive.js', 'lit/directives/repeat.js', 'lit/directives/class-map.js',
      // The scanner never reaches the code editor (it is only imported by URL), so without this list Vite would
      // find CodeMirror on first use and reload the page; listed together, its packages share one @codemirror/state.
      '@codemirror/state', '@codemirror/view', '@codemirror/commands', '@codemirror/language', '@codemirror/lint',
      '@codemirror/search', '@codemirror/legacy-modes/mode/xml', '@codemirror/legacy-modes/mode/yaml', '@lezer/highlight',
      // The same for the bpmn.io modules, imported by URL only as well.
      'bpmn-js/lib/Modeler', '@bpmn-io/form-js',
    ],
  },
  build: {
    outDir: '../target/classes/static',
    // The folder is outside ui/, so Vite wants this said explicitly.
    emptyOutDir: true,
    target: 'es2022',
    // Kept readable: vendors read these files to learn the SDK and views.
    minify: false,
    modulePreload: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        index: 'index.html',
        'workbench/shell': 'src/shell.ts',
        'workbench/lib/kefu': 'src/lib/kefu.ts',
        ...Object.fromEntries(builtInViews.map((view) => [`workbench/views/${view}`, `src/views/${view}.ts`])),
      },
      // Resolved by the page's import map at run time, never bundled. The code editor is built by vite.editor.config.ts,
      // the bpmn.io modules by vite.bpmn.config.ts.
      external: ['lit', /^lit\//, '@kefu/workbench', '@kefu/code-editor', '@kefu/process-modeler', '@kefu/form-viewer'],
      // Vite drops entry exports in app builds by default; the SDK's exports are its API.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        // Each entry must stay self-contained; a file appearing here means a source imports across entries.
        chunkFileNames: 'workbench/chunks/[name].js',
        assetFileNames: 'workbench/assets/[name][extname]',
      },
    },
  },
});
