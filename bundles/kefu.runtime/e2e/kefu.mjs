// Starts the exported Kefu runtime as a process in a fresh home, as the Java integration tests do, and gives the
// browser tests its address and the first admin's password.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, openSync, writeFileSync } from 'node:fs';
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

/** Starts Kefu in a new home; {@code conf} maps file names in conf/ to their content. */
export async function startKefu(name, conf = {}) {
  const root = resolve(join(here, '../target/it-homes'));
  mkdirSync(root, { recursive: true });
  const home = mkdtempSync(join(root, `${name}-`));
  mkdirSync(join(home, 'conf'), { recursive: true });
  for (const [file, content] of Object.entries(conf)) writeFileSync(join(home, 'conf', file), content);
  const port = await freePort();
  const out = openSync(join(home, 'console.log'), 'a');
  const child = spawn('java', [`-Dorg.osgi.service.http.port=${port}`, '-jar', jar], { cwd: home, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Kefu exited with ${child.exitCode}; see ${home}/console.log`);
    try {
      const health = await fetch(`${base}/api/health`);
      // The bundles' REST resources join the application a moment after health answers: wait for the last ones
      // to answer with the 401 of a protected resource rather than a 404.
      if (health.status === 200) {
        const late = await Promise.all(['/api/users', '/api/conversations', '/api/nlu/intents', '/api/knowledge/articles',
          '/api/workflow/processes', '/api/workflow/sops', '/api/tickets']
          .map(async (path) => (await fetch(`${base}${path}`)).status));
        if (late.every((status) => status === 401)) break;
      }
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`Kefu did not become healthy; see ${home}/console.log`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const password = readFileSync(join(home, 'data/initial-admin-password'), 'utf8').match(/^password: (.+)$/m)[1];
  return {
    home,
    base,
    adminPassword: password,
    /** Calls the API as a script would: a bearer token from a login that asked for one. */
    async login(username, userPassword) {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username, password: userPassword, bearer: true }),
      });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
      const token = (await r.json()).token;
      return async (method, path, body) => {
        const answer = await fetch(base + path, {
          method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await answer.text();
        return { status: answer.status, json: text ? JSON.parse(text) : null };
      };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    },
  };
}
