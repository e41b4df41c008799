import { defineConfig, type Plugin } from 'vite';

// Third build step: the code editor element, `@kefu/code-editor`, with
// CodeMirror bundled into it, as /workbench/lib/code-editor.js. It is a module
// of its own so that only views that import it download CodeMirror. It needs
// neither Lit nor the SDK; should it ever import them, they stay bare imports
// for the page's import map, so the page keeps one instance of each.

/**
 * CodeMirror and its helpers are MIT-licensed, which asks for their notices to
 * travel with the code: this writes the license of every package that ended
 * up in the bundle next to it, and a comment naming them at the top.
 */
function licenses(): Plugin {
  return {
    name: 'kefu-editor-licenses',
    async generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        const roots = new Map<string, string>();
        for (const [id, module] of Object.entries(file.modules)) {
          if (module.renderedLength === 0) continue;
          const match = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (match) roots.set(match[2].replace(/\\/g, '/'), match[1] + match[2]);
        }
        const names = [...roots.keys()].sort();
        const sections: string[] = [];
        const versions: string[] = [];
        for (const name of names) {
          const root = roots.get(name)!;
          const manifest = JSON.parse(await this.fs.readFile(`${root}/package.json`, { encoding: 'utf8' })) as { version: string; license?: string };
          versions.push(`${name} ${manifest.version}`);
          let text = `License: ${manifest.license ?? 'see the package'}`;
          for (const candidate of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) {
            try {
              text = (await this.fs.readFile(`${root}/${candidate}`, { encoding: 'utf8' })).trim();
              break;
            } catch {
              // Try the next spelling.
            }
          }
          sections.push(`${name} ${manifest.version}\n\n${text}`);
        }
        const licenseFile = file.fileName.replace(/\.js$/, '.licenses.txt');
        this.emitFile({
          type: 'asset',
          fileName: licenseFile,
          source: `Third-party code bundled into /${file.fileName}\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
        });
        file.code = `/*! Kefu code editor (@kefu/code-editor). Bundles ${versions.join(', ')}.\n`
          + ` * Their licenses: /${licenseFile} */\n${file.code}`;
      }
    },
  };
}

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [licenses()],
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
