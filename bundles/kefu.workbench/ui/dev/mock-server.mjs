#!/usr/bin/env node
// In-memory stand-in for Kefu's REST API, for working on the UI without the
// Java runtime. It also serves the built output (../target/classes/static),
// so `npm run build && npm run mock` shows the real shell on
// http://localhost:8080, and `npm run dev` can proxy to it.
//
// Accounts: admin/admin (ADMIN), agent/agent (AGENT),
//           newbie/newbie (ANALYST, must change the password first).
// POST /__mock/plugins/hello toggles the demo plug-in view, to watch the
// shell notice views appearing and disappearing.
//
// Nothing here is Kefu's real behaviour beyond what the API contract says.

import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const staticRoot = resolve(process.env.KEFU_STATIC ?? join(here, '../../target/classes/static'));
const pluginRoot = join(here, 'plugins');

const ROLES = ['AGENT', 'SUPERVISOR', 'ANALYST', 'ADMIN'];
const MAX_FAILURES = 5;
const THROTTLE_SECONDS = 30;

let nextUserId = 1;
const users = new Map();
function addUser(username, displayName, roles, password, mustChangePassword = false) {
  const user = { id: nextUserId++, username, displayName, roles, enabled: true, password, mustChangePassword };
  users.set(user.id, user);
  return user;
}
addUser('admin', 'Administrator 管理员', ['ADMIN'], 'admin');
addUser('agent', '王小明', ['AGENT'], 'agent');
addUser('newbie', 'New Analyst', ['ANALYST'], 'newbie', true);

const sessions = new Map(); // session id -> user id
const failures = new Map(); // username -> { count, until }
const audit = [];
let nextAuditId = 1;
function record(actor, action, target, detail = null) {
  audit.unshift({ id: nextAuditId++, at: new Date().toISOString(), actor, action, target, detail });
}

// Same ids, order and URL scheme (/workbench/views/<id>/<file>) as the kefu.workbench bundle.
const views = [
  { id: 'kefu.home', title: 'Home', element: 'kefu-home-view', module: 'home.js', order: 10, roles: ROLES },
  { id: 'acme.hello', title: 'Hello (plug-in)', element: 'acme-hello-view', module: 'hello.js', order: 50, roles: ROLES, plugin: 'hello' },
  { id: 'acme.broken', title: 'Broken (plug-in)', element: 'acme-broken-view', module: 'missing.js', order: 60, roles: ['ADMIN'] },
  { id: 'kefu.users', title: 'Users', element: 'kefu-users-view', module: 'users.js', order: 80, roles: ['ADMIN'] },
  { id: 'kefu.audit', title: 'Audit log', element: 'kefu-audit-view', module: 'audit.js', order: 85, roles: ['ADMIN'] },
  { id: 'kefu.platform', title: 'Plug-ins & bundles', element: 'kefu-platform-view', module: 'platform.js', order: 90, roles: ['ADMIN'] },
];
const installedPlugins = new Set(['hello']);

function bundles() {
  const list = [
    ['org.apache.felix.framework', 'Apache Felix Framework', '7.0.5'],
    ['org.apache.felix.scr', 'Apache Felix Declarative Services', '2.2.12'],
    ['org.apache.felix.configadmin', 'Apache Felix Configuration Admin', '1.9.26'],
    ['org.eclipse.jetty.server', 'Jetty :: Server', '12.0.16'],
    ['io.kefu.api', 'Kefu API', '0.1.0.SNAPSHOT'],
    ['io.kefu.security', 'Kefu Security', '0.1.0.SNAPSHOT'],
    ['io.kefu.store', 'Kefu Store', '0.1.0.SNAPSHOT'],
    ['io.kefu.workbench', 'Kefu Workbench', '0.1.0.SNAPSHOT'],
  ].map(([symbolicName, name, version], i) => ({
    id: i, symbolicName, name, version, state: 'ACTIVE', plugin: false,
    location: `file:system/${symbolicName}-${version}.jar`, problem: null,
  }));
  if (installedPlugins.has('hello')) {
    list.push({ id: 20, symbolicName: 'com.acme.hello', name: 'ACME Hello', version: '1.0.0', state: 'ACTIVE', plugin: true,
      location: 'file:plugins/acme-hello-1.0.0.jar', problem: null });
  }
  list.push({ id: 21, symbolicName: 'com.acme.broken', name: 'ACME Broken', version: '0.3.0', state: 'INSTALLED', plugin: true,
    location: 'file:plugins/acme-broken-0.3.0.jar',
    problem: 'Unable to resolve com.acme.broken [21](R 21.0): missing requirement [com.acme.broken [21](R 21.0)] osgi.wiring.package; (osgi.wiring.package=com.acme.missing)' });
  return list;
}

// ------------------------------------------------------------------ helpers

function send(res, status, body, headers = {}) {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...headers,
  });
  res.end(payload);
}

const fail = (res, status, code, message, extra = {}) => send(res, status, { code, message, ...extra });

function publicUser(u) {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: [...u.roles], enabled: u.enabled };
}

function sessionUser(req) {
  const cookie = req.headers.cookie ?? '';
  const sid = /(?:^|;\s*)KEFU_SESSION=([^;]+)/.exec(cookie)?.[1];
  const user = sid ? users.get(sessions.get(sid)) : undefined;
  return user && user.enabled ? { sid, user } : null;
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function generatePassword() {
  return randomBytes(9).toString('base64url');
}

function cleanRoles(roles) {
  return Array.isArray(roles) ? [...new Set(roles.filter((r) => ROLES.includes(r)))] : [];
}

function paged(url, list) {
  const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
  const limit = Math.min(200, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
  return { items: list.slice(offset, offset + limit), offset, limit, total: list.length };
}

// ---------------------------------------------------------------- the API

async function handleApi(req, res, url) {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD' && req.headers['x-requested-with'] !== 'kefu') {
    return fail(res, 403, 'csrf.header', 'The X-Requested-With header is missing.');
  }
  const path = url.pathname;

  if (path === '/api/health' && method === 'GET') {
    return send(res, 200, { status: 'UP', checks: { database: 'UP', plugins: installedPlugins.size ? 'UP' : 'DOWN' } });
  }

  if (path === '/api/auth/login' && method === 'POST') {
    const body = await readJson(req);
    const username = String(body?.username ?? '');
    const f = failures.get(username);
    if (f && f.until > Date.now()) {
      const retryAfterSeconds = Math.ceil((f.until - Date.now()) / 1000);
      return fail(res, 429, 'auth.throttled', 'Too many failed sign-in attempts.', { retryAfterSeconds });
    }
    const user = [...users.values()].find((u) => u.username === username);
    if (!user || !user.enabled || user.password !== String(body?.password ?? '')) {
      const count = (f?.count ?? 0) + 1;
      failures.set(username, { count, until: count >= MAX_FAILURES ? Date.now() + THROTTLE_SECONDS * 1000 : 0 });
      return fail(res, 401, 'auth.failed', 'Wrong username or password.');
    }
    failures.delete(username);
    const sid = randomBytes(16).toString('hex');
    sessions.set(sid, user.id);
    record(user.username, 'auth.login', user.username);
    return send(res, 200, { user: publicUser(user), mustChangePassword: user.mustChangePassword }, {
      'Set-Cookie': `KEFU_SESSION=${sid}; Path=/; HttpOnly; SameSite=Strict`,
    });
  }

  const session = sessionUser(req);
  if (!session) return fail(res, 401, 'auth.required', 'Please sign in.');
  const me = session.user;

  if (path === '/api/auth/logout' && method === 'POST') {
    sessions.delete(session.sid);
    record(me.username, 'auth.logout', me.username);
    return send(res, 204, undefined, { 'Set-Cookie': 'KEFU_SESSION=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0' });
  }
  if (path === '/api/auth/me' && method === 'GET') {
    return send(res, 200, { user: publicUser(me), mustChangePassword: me.mustChangePassword });
  }
  if (path === '/api/auth/password' && method === 'POST') {
    const body = await readJson(req);
    if (body?.currentPassword !== me.password) return fail(res, 400, 'password.wrong', 'The current password is wrong.');
    if (typeof body.newPassword !== 'string' || body.newPassword.length < 8) {
      return fail(res, 400, 'password.weak', 'The new password needs at least 8 characters.');
    }
    me.password = body.newPassword;
    me.mustChangePassword = false;
    record(me.username, 'auth.password.change', me.username);
    return send(res, 204);
  }
  if (path === '/api/workbench/views' && method === 'GET') {
    const allowed = views
      .filter((v) => !v.plugin || installedPlugins.has(v.plugin))
      .filter((v) => v.roles.some((r) => me.roles.includes(r)))
      .map(({ id, title, element, module, order }) => ({ id, title, element, moduleUrl: `/workbench/views/${id}/${module}`, order }));
    return send(res, 200, allowed);
  }

  if (!me.roles.includes('ADMIN')) return fail(res, 403, 'auth.forbidden', 'This needs the ADMIN role.');

  if (path === '/api/users' && method === 'GET') {
    return send(res, 200, paged(url, [...users.values()].map(publicUser)));
  }
  if (path === '/api/users' && method === 'POST') {
    const body = await readJson(req);
    const username = String(body?.username ?? '').trim();
    if (!/^[a-zA-Z0-9._-]{2,40}$/.test(username)) {
      return fail(res, 400, 'user.username.invalid', 'A username has 2 to 40 letters, digits, dots, dashes or underscores.');
    }
    if ([...users.values()].some((u) => u.username === username)) {
      return fail(res, 409, 'user.username.taken', `The username ${username} is taken.`);
    }
    const given = typeof body.password === 'string' && body.password ? body.password : null;
    const password = given ?? generatePassword();
    const user = addUser(username, String(body.displayName ?? username), cleanRoles(body.roles), password, given === null);
    record(me.username, 'user.create', username, `roles=${user.roles.join(',')}`);
    return send(res, 201, { user: publicUser(user), generatedPassword: given === null ? password : null });
  }
  const userMatch = /^\/api\/users\/(\d+)(\/password-reset)?$/.exec(path);
  if (userMatch) {
    const user = users.get(Number(userMatch[1]));
    if (!user) return fail(res, 404, 'user.notFound', 'No such user.');
    if (userMatch[2] && method === 'POST') {
      const password = generatePassword();
      user.password = password;
      user.mustChangePassword = true;
      record(me.username, 'user.password.reset', user.username);
      return send(res, 200, { generatedPassword: password });
    }
    if (!userMatch[2] && method === 'PUT') {
      const body = await readJson(req);
      const roles = cleanRoles(body?.roles);
      if (user.id === me.id && !roles.includes('ADMIN')) {
        return fail(res, 409, 'user.selfAdmin', 'You cannot remove the ADMIN role from yourself.');
      }
      if (user.id === me.id && body?.enabled === false) {
        return fail(res, 409, 'user.selfDisable', 'You cannot disable your own account.');
      }
      user.displayName = String(body?.displayName ?? user.displayName);
      user.roles = roles;
      user.enabled = body?.enabled !== false;
      record(me.username, 'user.update', user.username, `roles=${roles.join(',')} enabled=${user.enabled}`);
      return send(res, 200, publicUser(user));
    }
  }
  if (path === '/api/audit' && method === 'GET') return send(res, 200, paged(url, audit));
  if (path === '/api/platform/bundles' && method === 'GET') return send(res, 200, bundles());

  return fail(res, 404, 'http.notFound', `No endpoint ${method} ${path}.`);
}

// ------------------------------------------------------------ static files

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

async function serveFile(res, root, relative) {
  const file = normalize(join(root, relative));
  if (file !== root && !file.startsWith(root + sep)) return fail(res, 404, 'http.notFound', 'Not found.');
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    fail(res, 404, 'http.notFound', `Not found: ${relative}`);
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
    if (url.pathname === '/__mock/plugins/hello' && req.method === 'POST') {
      if (installedPlugins.has('hello')) installedPlugins.delete('hello');
      else installedPlugins.add('hello');
      return send(res, 200, { installed: installedPlugins.has('hello') });
    }
    const viewFile = /^\/workbench\/views\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (viewFile) {
      const [, id, file] = viewFile;
      if (id.startsWith('kefu.')) return await serveFile(res, join(staticRoot, 'workbench/views'), file);
      if (id === 'acme.hello' && installedPlugins.has('hello')) return await serveFile(res, pluginRoot, file);
      return fail(res, 404, 'http.notFound', `Not found: ${url.pathname}`);
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    return await serveFile(res, staticRoot, relative);
  } catch (e) {
    console.error(e);
    if (!res.headersSent) fail(res, 500, 'http.internal', 'Mock server error.');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Kefu mock server on http://localhost:${port} (static files from ${staticRoot})`);
});
