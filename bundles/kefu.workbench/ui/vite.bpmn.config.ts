import { defineConfig } from 'vite';
import { licenses } from './vite.licenses';

// Fourth and fifth build steps: the bpmn.io modules, each a file of its own with everything bundled in, so that only
// views that import one download it. `--mode modeler` builds /workbench/lib/process-modeler.js (`@kefu/process-modeler`:
// bpmn-js Modeler with the Camunda 7 moddle, form-js FormEditor), `--mode viewer` /workbench/lib/form-viewer.js
// (`@kefu/form-viewer`: the form-js viewer alone). Two runs rather than two inputs of one, so that the code they
// share is copied into both instead of landing in a chunk both import.
//
// Assets that are not inlined into the JavaScript (the modeler's icon font: the page's Content-Security-Policy
// refuses data: fonts) go to /workbench/lib/<module>/; the CSS reaches the page as strings the modules adopt.

const modules = {
  modeler: { name: 'process-modeler', source: 'src/lib/process-modeler.ts', title: 'Kefu process modeler (@kefu/process-modeler)' },
  viewer: { name: 'form-viewer', source: 'src/lib/form-viewer.ts', title: 'Kefu form viewer (@kefu/form-viewer)' },
} as const;

export default defineConfig(({ mode }) => {
  const module = modules[mode as keyof typeof modules];
  if (!module) throw new Error(`vite.bpmn.config.ts: --mode must be one of ${Object.keys(modules).join(', ')}, not ${mode}`);
  return {
    publicDir: false,
    logLevel: 'warn',
    plugins: [licenses(module.title)],
    // Some of the bundled packages look at process.env.NODE_ENV to leave out development checks.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: '../target/classes/static',
      // The first build step has emptied it and written the other files.
      emptyOutDir: false,
      target: 'es2022',
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      // bpmn-js and form-js are big; the sizes are reported in README.md instead of warned about.
      chunkSizeWarningLimit: 4096,
      // The icon font must stay a file (see above).
      assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
      rollupOptions: {
        input: { [`workbench/lib/${module.name}`]: module.source },
        external: ['lit', /^lit\//, '@kefu/workbench'],
        // The modeler's lazily loaded form editor imports the code both share from the entry itself, which therefore
        // exports more than its API; 'strict' would move that code into a third file and leave the entry a facade.
        preserveEntrySignatures: 'allow-extension' as const,
        output: {
          format: 'es' as const,
          entryFileNames: '[name].js',
          chunkFileNames: `workbench/lib/${module.name}/[name].js`,
          assetFileNames: `workbench/lib/${module.name}/[name][extname]`,
        },
      },
    },
  };
});
