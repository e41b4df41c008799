/**
 * `@kefu/workbench` — the view SDK of the Kefu workbench.
 *
 * Every view shown by the workbench shell, built-in or from a plug-in, is an
 * ES module that defines one custom element. Such a module imports this SDK
 * by its bare name, which the shell page's import map resolves to
 * `/workbench/lib/kefu.js`:
 *
 * ```js
 * import { LitElement, html } from 'lit';
 * import { api, currentUser, toast, t } from '@kefu/workbench';
 * ```
 *
 * The shell and all views share this one module instance, so the signed-in
 * user, the language and the notices are the same everywhere.
 *
 * Window events this module dispatches (views may listen to them):
 * - `kefu:unauthorized` — a request got 401; the shell shows the sign-in form.
 * - `kefu:session` — the signed-in user changed (`detail` is the session or null).
 * - `kefu:locale` — the language changed (`detail` is the new locale).
 * - `kefu:toast` — a notice was requested (`detail` is `{message, kind}`).
 *
 * @module
 */
import { css, html, nothing, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import en from '../i18n/en';
import zhCN from '../i18n/zh-CN';

// ---------------------------------------------------------------- REST calls

/** The error body every Kefu endpoint sends with a 4xx or 5xx status. */
export interface ErrorBody {
  code: string;
  message: string;
  [extra: string]: unknown;
}

/**
 * Thrown by {@link api} for any response outside 2xx, and for network
 * failures (then `status` is 0 and `code` is `"network"`).
 */
export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** Machine-readable code from the server, e.g. `"auth.failed"`; `"http.<status>"` when it sent none. */
  readonly code: string;
  /** The parsed response body, when it was JSON; extra fields such as `retryAfterSeconds` are here. */
  readonly body: unknown;
  /** Seconds to wait before trying again, when the server said so (429, 503). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, code: string, message: string, body?: unknown, retryAfterSeconds?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Options of {@link api}. */
export interface ApiOptions {
  /** HTTP method; defaults to GET, or POST when a body is given. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Aborts the request; the promise then rejects with the AbortError, not an ApiError. */
  signal?: AbortSignal;
}

/**
 * Calls the Kefu REST API with the session cookie and the header the server
 * requires against cross-site requests.
 *
 * @param path - absolute path on the same origin, e.g. `/api/users?offset=0&limit=50`
 * @returns the parsed JSON body, or `undefined` when there is none (204)
 * @throws {ApiError} when the status is not 2xx; on 401 the `kefu:unauthorized`
 *   event is dispatched first so the shell can ask the user to sign in again
 *
 * @example
 * const page = await api('/api/users?offset=0&limit=50');
 * await api(`/api/users/${id}`, { method: 'PUT', body: { displayName, roles, enabled } });
 */
export async function api<T = unknown>(path: string, options: ApiOptions = {}): Promise<T> {
  // The server rejects state-changing requests without this header: a page on
  // another site cannot set it without a CORS preflight, which the server refuses.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'kefu' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('error.network'));
  }
  const text = await response.text();
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      // A proxy's HTML error page is not worth surfacing; the status says enough.
      data = undefined;
    }
  }
  if (!response.ok) {
    const err = data as Partial<ErrorBody> | undefined;
    const retry = Number(err?.retryAfterSeconds ?? response.headers.get('Retry-After') ?? NaN);
    const error = new ApiError(
      response.status,
      typeof err?.code === 'string' ? err.code : `http.${response.status}`,
      typeof err?.message === 'string' && err.message ? err.message : `HTTP ${response.status} ${response.statusText}`.trim(),
      data,
      Number.isFinite(retry) ? retry : undefined,
    );
    if (response.status === 401) window.dispatchEvent(new CustomEvent('kefu:unauthorized', { detail: error }));
    throw error;
  }
  return data as T;
}

/** Options of {@link Loader}. */
export interface LoaderOptions<A> {
  /**
   * The argument for {@link Loader.reload} until a load has succeeded, e.g.
   * the first page's offset. Give it whenever `A` is not `void`.
   */
  arg?: A;
  /** Whether to load each time the element is connected to the page; defaults to true. */
  loadOnConnect?: boolean;
}

/**
 * Loads data for a Lit element and keeps the answer, the loading flag and the
 * error on the element's behalf, re-rendering it when they change. Create it
 * as a field of the element; it loads when the element is connected to the
 * page, and aborts the request in flight when the element is removed.
 *
 * Only the newest request's answer is kept: a load aborts the one before it
 * (through the signal handed to `task`), so a slow older answer can never
 * overwrite a newer one. A failed load keeps the last good {@link value}
 * and sets {@link error}; a successful one clears the error.
 *
 * @typeParam T - what `task` resolves to
 * @typeParam A - the argument of {@link load}, e.g. a page offset; `void` for none
 *
 * @example
 * class AcmeOrders extends LitElement {
 *   orders = new Loader(this, (signal, offset) =>
 *     api(`/api/acme/orders?offset=${offset}&limit=50`, { signal }), { arg: 0 });
 *
 *   render() {
 *     return html`${this.orders.error ? html`<div class="kf-alert kf-alert-error">${this.orders.error.message}</div>` : ''}
 *       ${pager(this.orders.value, (offset) => this.orders.load(offset))}
 *       <button class="kf-btn" ?disabled=${this.orders.loading} @click=${() => this.orders.reload()}>Refresh</button>
 *       ...`;
 *   }
 * }
 */
export class Loader<T, A = void> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly task: (signal: AbortSignal, arg: A) => Promise<T>;
  private readonly loadOnConnect: boolean;
  private current: T | undefined;
  private busy = false;
  private failure: Error | null = null;
  /** The argument of the last successful load: what {@link reload} asks for again. */
  private lastArg: A;
  private request: AbortController | undefined;

  /**
   * @param host - the element; the loader registers itself with it
   * @param task - fetches the data; pass `signal` on to {@link api} (or `fetch`)
   *   so that superseded and abandoned requests are cancelled
   */
  constructor(host: ReactiveControllerHost, task: (signal: AbortSignal, arg: A) => Promise<T>, options: LoaderOptions<A> = {}) {
    this.host = host;
    this.task = task;
    this.loadOnConnect = options.loadOnConnect ?? true;
    // Left undefined only when A is void, as documented on the option.
    this.lastArg = options.arg as A;
    host.addController(this);
  }

  /** The last successfully loaded data; `undefined` until the first load succeeds. */
  get value(): T | undefined {
    return this.current;
  }

  /**
   * Replaces the data shown, e.g. with one row edited in place after a save,
   * without asking the server again. A load in flight still overwrites it.
   */
  set value(next: T | undefined) {
    this.current = next;
    this.host.requestUpdate();
  }

  /** Whether a load is in flight, e.g. to disable a refresh button. */
  get loading(): boolean {
    return this.busy;
  }

  /** Why the last load failed (an {@link ApiError} for API calls), or null after a success. */
  get error(): Error | null {
    return this.failure;
  }

  /**
   * Loads with the given argument, aborting any load in flight. Never
   * rejects: the outcome lands in {@link value} or {@link error}.
   * @returns a promise that settles when this load is done or superseded
   */
  async load(arg: A): Promise<void> {
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.busy = true;
    this.host.requestUpdate();
    try {
      const next = await this.task(request.signal, arg);
      // Aborted means a newer load took over or the element left the page.
      if (request.signal.aborted) return;
      this.current = next;
      this.lastArg = arg;
      this.failure = null;
    } catch (e) {
      if (request.signal.aborted) return;
      this.failure = e instanceof Error ? e : new Error(String(e));
    } finally {
      // A superseded load leaves the flag to the newer one; an abandoned one clears it.
      if (this.request === request) {
        this.busy = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Loads again with the argument of the last successful load (or the `arg` option before that). */
  reload(): Promise<void> {
    return this.load(this.lastArg);
  }

  /** Lit calls this when the element is connected: the load on connect. */
  hostConnected(): void {
    if (this.loadOnConnect) void this.reload();
  }

  /** Lit calls this when the element is removed: abandons the load in flight. */
  hostDisconnected(): void {
    this.request?.abort();
  }
}

// ------------------------------------------------------------------ session

/** Roles known to Kefu itself; plug-ins may see others. */
export type Role = 'AGENT' | 'SUPERVISOR' | 'ANALYST' | 'ADMIN';

/** The signed-in user as `/api/auth/me` describes it. */
export interface User {
  id: string | number;
  username: string;
  displayName: string;
  roles: string[];
}

/** What `/api/auth/login` and `/api/auth/me` return. */
export interface Session {
  user: User;
  mustChangePassword: boolean;
}

let session: Session | null = null;

/** The signed-in user, or null before sign-in and after sign-out. */
export function currentUser(): User | null {
  return session ? session.user : null;
}

/** Whether the signed-in user has the role, e.g. `hasRole('ADMIN')`. */
export function hasRole(role: Role | string): boolean {
  return session !== null && session.user.roles.includes(role);
}

/**
 * Replaces the session and tells everyone through the `kefu:session` event.
 * @internal Used by the shell after sign-in and sign-out; views do not need it.
 */
export function setSession(next: Session | null): void {
  // Only these two fields are kept: the login answer may also carry the
  // session token, which page scripts and plug-ins have no use for.
  session = next ? { user: next.user, mustChangePassword: next.mustChangePassword === true } : null;
  window.dispatchEvent(new CustomEvent('kefu:session', { detail: session }));
}

/**
 * Reads the session again from the server, e.g. after a view changed the
 * current user's own roles, so the shell shows them.
 * @returns the session, or null when nobody is signed in
 */
export async function refreshSession(): Promise<Session | null> {
  try {
    const next = await api<Session>('/api/auth/me');
    setSession(next);
    return next;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setSession(null);
      return null;
    }
    throw e;
  }
}

// ------------------------------------------------------------------ notices

/** How a notice looks. */
export type ToastKind = 'info' | 'success' | 'error';

/**
 * Shows a short notice in the shell's corner; it goes away by itself.
 * @example toast('Saved.', 'success')
 */
export function toast(message: string, kind: ToastKind = 'info'): void {
  window.dispatchEvent(new CustomEvent('kefu:toast', { detail: { message: String(message), kind } }));
}

// --------------------------------------------------------------- languages

/** The languages the workbench speaks. */
export type Locale = 'en' | 'zh-CN';

/** Every locale, with its name written in that language (for pickers). */
export const locales: ReadonlyArray<{ id: Locale; name: string }> = [
  { id: 'en', name: 'English' },
  { id: 'zh-CN', name: '简体中文' },
];

const catalogs: Record<Locale, Record<string, string>> = { en: { ...en }, 'zh-CN': { ...zhCN } };
const STORAGE_KEY = 'kefu.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // Storage can be off (privacy settings); the browser language still works.
  }
  return /^zh\b/i.test(navigator.language ?? '') ? 'zh-CN' : 'en';
}

let activeLocale: Locale = initialLocale();
document.documentElement.lang = activeLocale;

/** The language in use: `'en'` or `'zh-CN'`. */
export function locale(): Locale {
  return activeLocale;
}

/** Switches the language, remembers it in this browser and dispatches `kefu:locale`. */
export function setLocale(next: Locale): void {
  if (!(next in catalogs) || next === activeLocale) return;
  activeLocale = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered then; the switch itself still applies.
  }
  window.dispatchEvent(new CustomEvent('kefu:locale', { detail: next }));
}

/**
 * Adds messages to a language's catalog. Plug-ins should prefix their keys
 * with their own name (`'acme.title'`) so they cannot replace Kefu's.
 */
export function registerMessages(target: Locale, messages: Record<string, string>): void {
  Object.assign(catalogs[target], messages);
}

/**
 * Translates a key into the active language, filling `{name}` placeholders.
 * Falls back to English, then to the key itself.
 * @example t('paging.range', { from: 1, to: 50, total: 120 })
 */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = catalogs[activeLocale][key] ?? catalogs.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Re-renders a Lit element when the language changes. Create it in the
 * constructor: `new LocaleController(this)`.
 */
export class LocaleController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('kefu:locale', this.onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('kefu:locale', this.onChange);
  }
}

/** Formats an ISO-8601 instant as local date and time in the active language. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(activeLocale, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

// ------------------------------------------------------------- look & feel

/** One page of a paged list, as `/api/users` and `/api/audit` return it. */
export interface Page<T> {
  items: T[];
  offset: number;
  limit: number;
  total: number;
}

/**
 * Renders "1–50 of 120" with previous/next buttons for a {@link Page}.
 * @param go - called with the offset of the page to show
 */
export function pager(page: Pick<Page<unknown>, 'offset' | 'limit' | 'total'> | null | undefined, go: (offset: number) => void): TemplateResult | typeof nothing {
  if (!page || page.total === 0) return nothing;
  const from = page.offset + 1;
  const to = Math.min(page.offset + page.limit, page.total);
  return html`<nav class="kf-pager" aria-label=${t('paging.label')}>
    <span>${t('paging.range', { from, to, total: page.total })}</span>
    <button type="button" class="kf-btn kf-btn-small" ?disabled=${page.offset === 0}
      @click=${() => go(Math.max(0, page.offset - page.limit))} aria-label=${t('paging.previous')}>‹</button>
    <button type="button" class="kf-btn kf-btn-small" ?disabled=${to >= page.total}
      @click=${() => go(page.offset + page.limit)} aria-label=${t('paging.next')}>›</button>
  </nav>`;
}

/**
 * The workbench's component styles: buttons, form fields, tables, badges,
 * alerts, dialogs. A view in shadow DOM adds them with
 * `static styles = [baseStyles, css\`...\`]`; the colours come from CSS custom
 * properties that the shell sets on the page and that reach into shadow roots.
 *
 * Classes: `kf-page`, `kf-page-header`, `kf-title`, `kf-toolbar`, `kf-card`,
 * `kf-btn` (+ `kf-btn-primary`, `kf-btn-danger`, `kf-btn-small`),
 * `kf-field`, `kf-input`, `kf-check`, `kf-hint`, `kf-table-wrap`, `kf-table`,
 * `kf-badge` (+ `kf-badge-green|blue|amber|red|gray|purple`),
 * `kf-alert` (+ `kf-alert-error|success`), `kf-dialog`, `kf-pager`,
 * `kf-grid`, `kf-facts` (a `<dl>`), `kf-list`, `kf-push` (pushes to the right), `kf-grow`, `kf-nowrap`, `kf-wrap`,
 * `kf-muted`, `kf-mono`, `kf-danger-text`, `kf-empty`, `kf-sr-only`.
 */
export const baseStyles = css`
  .kf-page { padding: 16px 20px 24px; display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  .kf-page-header { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
  .kf-title { font-size: 18px; font-weight: 600; margin: 0; margin-right: auto; }
  .kf-subtitle { font-size: 14px; font-weight: 600; margin: 0 0 8px; }
  .kf-toolbar { display: flex; align-items: center; gap: 8px 12px; flex-wrap: wrap; }
  .kf-toolbar > .kf-subtitle { margin: 0; }
  .kf-card > .kf-toolbar { margin-bottom: 10px; }
  .kf-card { background: var(--kf-surface); border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 14px 16px; }
  .kf-muted { color: var(--kf-text-muted); }
  .kf-mono { font-family: var(--kf-font-mono); font-size: 12.5px; }
  .kf-danger-text { color: var(--kf-danger); }
  .kf-empty { padding: 24px; text-align: center; color: var(--kf-text-muted); }
  .kf-push { margin-left: auto; }
  .kf-grow { flex: 1 1 auto; }
  .kf-nowrap { white-space: nowrap; }
  .kf-wrap { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 16ch; }
  .kf-grid { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); align-items: start; }
  .kf-facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; font-size: 13px; }
  .kf-facts dt { color: var(--kf-text-muted); }
  .kf-facts dd { margin: 0; }
  .kf-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; font-size: 13px; }
  .kf-list > li { display: flex; align-items: baseline; gap: 8px; }
  .kf-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

  .kf-btn {
    font: inherit; font-size: 13px; line-height: 20px; padding: 5px 12px; border-radius: var(--kf-radius);
    border: 1px solid var(--kf-border-strong); background: var(--kf-surface); color: var(--kf-text);
    cursor: pointer; white-space: nowrap;
  }
  .kf-btn:hover:not(:disabled) { background: var(--kf-hover); }
  .kf-btn:disabled { opacity: 0.55; cursor: default; }
  .kf-btn-primary { background: var(--kf-accent); border-color: var(--kf-accent); color: var(--kf-on-accent); }
  .kf-btn-primary:hover:not(:disabled) { background: var(--kf-accent-strong); }
  .kf-btn-danger { color: var(--kf-danger); border-color: var(--kf-danger); }
  .kf-btn-small { padding: 1px 8px; font-size: 12px; }
  .kf-btn:focus-visible, .kf-input:focus-visible, .kf-check input:focus-visible {
    outline: 2px solid var(--kf-focus); outline-offset: 1px;
  }

  .kf-field { display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
  .kf-field > span, .kf-field > label, fieldset.kf-field > legend { font-weight: 500; }
  fieldset.kf-field { border: 0; padding: 0; margin: 0; }
  .kf-input {
    font: inherit; font-size: 13px; padding: 5px 8px; border: 1px solid var(--kf-border-strong);
    border-radius: var(--kf-radius); background: var(--kf-surface); color: var(--kf-text); min-width: 0;
  }
  input[type='search'].kf-input { width: min(340px, 100%); }
  .kf-check { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; cursor: pointer; }
  .kf-hint { font-size: 12px; color: var(--kf-text-muted); }

  .kf-table-wrap { overflow: auto; border: 1px solid var(--kf-border); border-radius: var(--kf-radius); background: var(--kf-surface); }
  .kf-table { width: 100%; border-collapse: collapse; font-size: 13px; }
  .kf-table th {
    text-align: left; font-weight: 600; font-size: 12px; color: var(--kf-text-muted); background: var(--kf-surface-alt);
    position: sticky; top: 0; padding: 7px 10px; border-bottom: 1px solid var(--kf-border); white-space: nowrap;
  }
  .kf-table td { padding: 6px 10px; border-bottom: 1px solid var(--kf-border); vertical-align: top; }
  .kf-table tbody tr:last-child td { border-bottom: 0; }
  .kf-table tbody tr:hover { background: var(--kf-hover); }
  .kf-table .kf-num { text-align: right; font-variant-numeric: tabular-nums; }

  .kf-badge {
    display: inline-block; font-size: 11px; font-weight: 600; line-height: 18px; padding: 0 7px; border-radius: 9px;
    background: var(--kf-gray-bg); color: var(--kf-gray-fg); white-space: nowrap; vertical-align: baseline;
  }
  .kf-badge + .kf-badge { margin-left: 4px; }
  .kf-badge-green { background: var(--kf-green-bg); color: var(--kf-green-fg); }
  .kf-badge-blue { background: var(--kf-blue-bg); color: var(--kf-blue-fg); }
  .kf-badge-amber { background: var(--kf-amber-bg); color: var(--kf-amber-fg); }
  .kf-badge-red { background: var(--kf-red-bg); color: var(--kf-red-fg); }
  .kf-badge-purple { background: var(--kf-purple-bg); color: var(--kf-purple-fg); }
  .kf-badge-gray { background: var(--kf-gray-bg); color: var(--kf-gray-fg); }

  .kf-alert { padding: 8px 12px; border-radius: var(--kf-radius); font-size: 13px; border: 1px solid var(--kf-blue-fg); background: var(--kf-blue-bg); color: var(--kf-blue-fg); }
  .kf-alert-error { border-color: var(--kf-danger); background: var(--kf-red-bg); color: var(--kf-red-fg); }
  .kf-alert-success { border-color: var(--kf-green-fg); background: var(--kf-green-bg); color: var(--kf-green-fg); }

  .kf-dialog {
    border: 1px solid var(--kf-border); border-radius: 8px; padding: 0; width: min(460px, calc(100vw - 32px));
    background: var(--kf-surface); color: var(--kf-text); box-shadow: 0 12px 40px rgb(0 0 0 / 0.2);
  }
  .kf-dialog::backdrop { background: rgb(15 23 42 / 0.35); }
  .kf-dialog form, .kf-dialog .kf-dialog-body { display: flex; flex-direction: column; gap: 12px; padding: 16px 18px; }
  .kf-dialog h2 { font-size: 16px; margin: 0; }
  .kf-dialog .kf-dialog-actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 4px; }

  .kf-pager { display: flex; align-items: center; gap: 6px; font-size: 12px; color: var(--kf-text-muted); }
`;

const adoptedSheets = new WeakSet<CSSResult>();

/**
 * Applies style sheets to the whole document, each once however often it is asked: views that render into the
 * light DOM (as Kefu's own do) call it when they connect, with `baseStyles` and their own sheet, every rule scoped
 * under their tag name. Views in shadow DOM add sheets to their own roots instead.
 */
export function adoptDocumentStyles(...sheets: CSSResult[]): void {
  for (const sheet of sheets) {
    if (adoptedSheets.has(sheet)) continue;
    adoptedSheets.add(sheet);
    const native = sheet.styleSheet;
    if (native) {
      if (!document.adoptedStyleSheets.includes(native)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, native];
    } else {
      const style = document.createElement('style');
      style.textContent = sheet.cssText;
      document.head.append(style);
    }
  }
}
