import type { Plugin } from 'vite';

/**
 * The third-party code bundled into Kefu's library modules (CodeMirror, bpmn.io) is under licenses that ask for
 * their notices to travel with the code: this writes the license of every package that ended up in an entry chunk
 * next to it, as `<entry>.licenses.txt`, and a comment naming them at the top of the entry.
 *
 * @param title - names the module in that comment, e.g. `Kefu code editor (@kefu/code-editor)`
 */
export function licenses(title: string): Plugin {
  return {
    name: 'kefu-licenses',
    async generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        const roots = new Map<string, string>();
        // An entry's lazily loaded chunks are its own code too: their packages are listed with it.
        const chunks = [file, ...file.dynamicImports.map((name) => bundle[name]).filter((c) => c?.type === 'chunk')];
        for (const chunk of chunks) {
          if (chunk.type !== 'chunk') continue;
          for (const [id, module] of Object.entries(chunk.modules)) {
            if (module.renderedLength === 0) continue;
            // Virtual modules (CommonJS wrappers, say) start with a NUL character before the path.
            const match = /^\0?(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
            if (match) roots.set(match[2].replace(/\\/g, '/'), match[1] + match[2]);
          }
        }
        const names = [...roots.keys()].sort();
        const sections: string[] = [];
        const versions: string[] = [];
        for (const name of names) {
          const root = roots.get(name)!;
          const manifest = JSON.parse(await this.fs.readFile(`${root}/package.json`, { encoding: 'utf8' })) as { version: string; license?: string };
          versions.push(`${name} ${manifest.version}`);
          let text = `License: ${manifest.license ?? 'see the package'}`;
          for (const candidate of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'license.md', 'license.txt']) {
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
        file.code = `/*! ${title}. Bundles ${versions.join(', ')}.\n`
          + ` * Their licenses: /${licenseFile} */\n${file.code}`;
      }
    },
  };
}
