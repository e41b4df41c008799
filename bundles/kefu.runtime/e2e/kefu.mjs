// Starts the exported Kefu runtime as a process in a fresh home, as the Java integration tests do, and gives the
// browser tests its address and the first admin's password.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const jar = resolve(process.env.KEFU_JAR ?? join(here, '../target/kefu.jar'));
export const samplePlugin = resolve(process.env.KEFU_SAMPLE_PLUGIN ?? join(here, '../target/plugins-under-test/sample-plugin.jar'));

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

export async function startKefu(name) {
  const root = resolve(join(here, '../target/it-homes'));
  mkdirSync(root, { recursive: true });
  const home = mkdtempSync(join(root, `${name}-`));
  const port = await freePort();
  const out = openSync(join(home, 'console.log'), 'a');
  const child = spawn('java', [`-Dorg.osgi.service.http.port=${port}`, '-jar', jar], { cwd: home, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kefu exited with ${child.exitCode}; see ${home}/console.log`);
    try {
      const health = await fetch(`${base}/api/health`);
      if (health.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`Kefu did not become healthy; see ${home}/console.log`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const password = readFileSync(join(home, 'data/initial-admin-password'), 'utf8').match(/^password: (.+)$/m)[1];
  return {
    home,
    base,
    adminPassword: password,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}
