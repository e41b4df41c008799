import { LitElement, html, nothing } from 'lit';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, LocaleController, refreshSession, setSession, t, toast, type Session,
} from '@kefu/workbench';
import { errorText, localePicker } from './gate';
import './toasts';

/** One entry of GET /api/workbench/views. */
export interface ViewDef {
  id: string;
  title: string;
  element: string;
  moduleUrl: string;
  order: number;
}

/** What the main area shows for the view named in the URL. */
interface Current {
  id: string;
  def?: ViewDef;
  status: 'loading' | 'ready' | 'error' | 'removed' | 'missing';
  element?: HTMLElement;
  error?: string;
  /** The server now lists another module for this view than the one running. */
  updated?: boolean;
}

type Phase = 'boot' | 'offline' | 'login' | 'password' | 'ready';

const POLL_MS = 5000;
const DEFINE_TIMEOUT_MS = 5000;
const SHORTCUT_WINDOW_MS = 1500;
/**
 * `#/view/<id>`, optionally followed by `/<anything>`: that rest belongs to the view (the inbox keeps the open
 * conversation there, so a link can point at it), and changing it does not reload the view.
 */
const ROUTE = /^#\/view\/([^/]+)(?:\/.*)?$/;

function routeId(): string | null {
  const match = ROUTE.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function routeHash(id: string): string {
  return `#/view/${encodeURIComponent(id)}`;
}

/** Keeps only well-formed entries, so one bad plug-in record cannot break the navigation. */
function cleanViews(raw: unknown): ViewDef[] {
  if (!Array.isArray(raw)) return [];
  const views = raw.filter(
    (v): v is ViewDef =>
      v !== null && typeof v === 'object' &&
      typeof v.id === 'string' && typeof v.element === 'string' && typeof v.moduleUrl === 'string',
  );
  return views
    .map((v) => ({ ...v, title: typeof v.title === 'string' && v.title ? v.title : v.id, order: Number(v.order) || 0 }))
    .sort((a, b) => a.order - b.order);
}

function sameViews(a: ViewDef[], b: ViewDef[]): boolean {
  return a.length === b.length && a.every((v, i) =>
    v.id === b[i].id && v.title === b[i].title && v.element === b[i].element && v.moduleUrl === b[i].moduleUrl);
}

function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => window.setTimeout(() => reject(new Error(message)), ms));
}

function roleName(role: string): string {
  const key = `role.${role}`;
  const text = t(key);
  return text === key ? role : text;
}

/**
 * The workbench shell: sign-in, the forced password change, and then the
 * frame with top bar, navigation and the open view. Renders into the light
 * DOM so its controls are plain page elements for tests and assistive tools.
 */
export class KefuShell extends LitElement {
  static override properties = {
    phase: { state: true },
    offlineReason: { state: true },
    session: { state: true },
    views: { state: true },
    viewsLoaded: { state: true },
    viewsError: { state: true },
    current: { state: true },
    passwordOpen: { state: true },
  };

  declare phase: Phase;
  declare offlineReason: string;
  declare session: Session | null;
  declare views: ViewDef[];
  declare viewsLoaded: boolean;
  declare viewsError: string | null;
  declare current: Current | null;
  declare passwordOpen: boolean;

  private pollTimer: number | undefined;
  private viewsInFlight = false;
  /** Incremented per view activation so a slow module load cannot replace a newer view. */
  private activation = 0;
  private gPressedAt = 0;

  constructor() {
    super();
    this.phase = 'boot';
    this.offlineReason = '';
    this.session = null;
    this.views = [];
    this.viewsLoaded = false;
    this.viewsError = null;
    this.current = null;
    this.passwordOpen = false;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    document.getElementById('kf-boot')?.remove();
    // Kefu's own views render into the light DOM: the SDK's component styles apply to the whole document.
    adoptDocumentStyles(baseStyles);
    window.addEventListener('kefu:session', this.onSession);
    window.addEventListener('kefu:unauthorized', this.onUnauthorized);
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('keydown', this.onKeyDown);
    void this.boot();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('kefu:session', this.onSession);
    window.removeEventListener('kefu:unauthorized', this.onUnauthorized);
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('keydown', this.onKeyDown);
    this.stopPolling();
  }

  // ------------------------------------------------------------ session

  private async boot() {
    this.phase = 'boot';
    try {
      // Answers through the kefu:session event, which moves the phase on.
      await refreshSession();
    } catch (e) {
      this.offlineReason = errorText(e);
      this.phase = 'offline';
    }
  }

  private readonly onSession = (e: Event) => {
    const next = (e as CustomEvent<Session | null>).detail;
    this.session = next;
    if (!next) {
      this.signedOut();
    } else if (next.mustChangePassword) {
      this.stopPolling();
      this.dropView();
      this.phase = 'password';
    } else if (this.phase !== 'ready') {
      this.phase = 'ready';
      this.viewsLoaded = false;
      void this.loadViews();
      this.startPolling();
    }
  };

  private readonly onUnauthorized = () => {
    // Failed sign-in attempts also answer 401; only a lost session matters here.
    if (this.phase !== 'ready' && this.phase !== 'password') return;
    toast(t('app.sessionEnded'), 'info');
    setSession(null);
  };

  private signedOut() {
    this.stopPolling();
    this.dropView();
    this.views = [];
    this.viewsLoaded = false;
    this.viewsError = null;
    this.passwordOpen = false;
    // The URL keeps its #/view/... so signing in again returns to the same view.
    this.phase = 'login';
  }

  private async logout() {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      // Signed out locally either way; a dead server must not trap the user.
    }
    setSession(null);
  }

  // -------------------------------------------------------------- views

  private startPolling() {
    if (this.pollTimer === undefined) this.pollTimer = window.setInterval(() => void this.loadViews(), POLL_MS);
  }

  private stopPolling() {
    window.clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private async loadViews() {
    if (this.viewsInFlight) return;
    this.viewsInFlight = true;
    try {
      const list = cleanViews(await api<unknown>('/api/workbench/views'));
      if (this.phase !== 'ready') return;
      this.viewsError = null;
      this.applyViews(list);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      this.viewsError = errorText(e);
    } finally {
      this.viewsInFlight = false;
    }
  }

  /** Takes a new view list, from the first load or from polling, and reconciles the open view with it. */
  private applyViews(list: ViewDef[]) {
    const firstLoad = !this.viewsLoaded;
    if (firstLoad || !sameViews(this.views, list)) this.views = list;
    this.viewsLoaded = true;

    const wanted = routeId();
    if (wanted === null) {
      if (list.length > 0) this.navigate(list[0].id, true);
      return;
    }
    const current = this.current;
    if (!current || current.id !== wanted) {
      void this.activate(wanted);
      return;
    }
    const def = list.find((v) => v.id === wanted);
    if (!def) {
      if (current.status !== 'removed' && current.status !== 'missing') {
        this.current = { id: current.id, def: current.def, status: 'removed' };
      }
      return;
    }
    const moduleChanged = current.def !== undefined &&
      (current.def.moduleUrl !== def.moduleUrl || current.def.element !== def.element);
    if (current.status === 'removed' || current.status === 'missing' || (moduleChanged && current.status === 'error')) {
      void this.activate(wanted);
    } else if (moduleChanged) {
      // A defined custom element cannot be replaced; only a reload picks up the new module.
      if (!current.updated) this.current = { ...current, updated: true };
    } else if (current.def?.title !== def.title) {
      this.current = { ...current, def };
      this.updateTitle();
    }
  }

  private navigate(id: string, replace = false) {
    const hash = routeHash(id);
    if (replace) {
      history.replaceState(history.state, '', hash);
      void this.activate(id);
    } else if (location.hash !== hash) {
      location.hash = hash;
    } else {
      void this.activate(id);
    }
  }

  private readonly onHashChange = () => {
    if (this.phase !== 'ready' || !this.viewsLoaded) return;
    const wanted = routeId();
    if (wanted === null) {
      if (this.views.length > 0) this.navigate(this.views[0].id, true);
    } else if (this.current?.id !== wanted) {
      void this.activate(wanted);
    }
  };

  private async activate(id: string, retry = false) {
    const token = ++this.activation;
    const def = this.views.find((v) => v.id === id);
    if (!def) {
      this.current = { id, status: 'missing' };
      this.updateTitle();
      return;
    }
    this.current = { id, def, status: 'loading' };
    this.updateTitle();
    try {
      if (!customElements.get(def.element)) {
        // A failed module fetch may be remembered by the browser; a retry asks for a fresh URL.
        const url = retry ? `${def.moduleUrl}${def.moduleUrl.includes('?') ? '&' : '?'}retry=${Date.now()}` : def.moduleUrl;
        await import(/* @vite-ignore */ url);
        if (!customElements.get(def.element)) {
          await Promise.race([
            customElements.whenDefined(def.element),
            timeout(DEFINE_TIMEOUT_MS, t('view.notDefined', { element: def.element })),
          ]);
        }
      }
      if (token !== this.activation) return;
      const element = document.createElement(def.element);
      element.setAttribute('data-view', def.id);
      this.current = { id, def, status: 'ready', element };
    } catch (e) {
      if (token !== this.activation) return;
      console.error(`Kefu: view "${def.id}" from ${def.moduleUrl} failed`, e);
      this.current = { id, def, status: 'error', error: errorText(e) };
    }
  }

  private dropView() {
    this.activation++;
    this.current = null;
    this.updateTitle();
  }

  private updateTitle() {
    const title = this.current?.def?.title;
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }

  private focusMain() {
    this.querySelector<HTMLElement>('#kf-main')?.focus({ preventScroll: true });
  }

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (this.phase !== 'ready' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e.composedPath()[0]) || document.querySelector('dialog[open]')) return;
    if (e.key === 'g') {
      this.gPressedAt = e.timeStamp;
      return;
    }
    const pending = this.gPressedAt !== 0 && e.timeStamp - this.gPressedAt < SHORTCUT_WINDOW_MS;
    this.gPressedAt = 0;
    if (pending && /^[1-9]$/.test(e.key)) {
      const view = this.views[Number(e.key) - 1];
      if (view) {
        e.preventDefault();
        this.navigate(view.id);
        this.focusMain();
      }
    }
  };

  // --------------------------------------------------------- password

  private openPassword() {
    this.passwordOpen = true;
  }

  private closePassword() {
    this.passwordOpen = false;
  }

  private async passwordChanged() {
    this.passwordOpen = false;
    toast(t('password.changed'), 'success');
    try {
      await refreshSession();
    } catch (e) {
      toast(errorText(e), 'error');
    }
  }

  override updated() {
    const dialog = this.querySelector<HTMLDialogElement>('#kf-password-dialog');
    if (dialog && this.passwordOpen && !dialog.open) dialog.showModal();
    if (dialog && !this.passwordOpen && dialog.open) dialog.close();
  }

  // ------------------------------------------------------------ render

  override render() {
    const toasts = html`<kefu-toasts></kefu-toasts>`;
    switch (this.phase) {
      case 'boot':
        return html`<div class="kf-gate"><p class="kf-muted" role="status">${t('app.loading')}</p></div>${toasts}`;
      case 'offline':
        return html`<main class="kf-gate"><div class="kf-gate-card" role="alert">
            <p class="kf-brand">${t('app.name')}</p>
            <p>${t('app.offline')}</p>
            ${this.offlineReason && this.offlineReason !== t('app.offline') ? html`<p class="kf-muted">${this.offlineReason}</p>` : nothing}
            <button type="button" class="kf-btn kf-btn-primary" @click=${() => void this.boot()}>${t('action.retry')}</button>
          </div></main>${toasts}`;
      case 'login':
        return html`<kefu-login></kefu-login>${toasts}`;
      case 'password':
        return html`<main class="kf-gate">
            <kefu-password-form forced @kefu-password-changed=${this.passwordChanged}
              @kefu-logout=${this.logout}></kefu-password-form>
          </main>${toasts}`;
      case 'ready':
        return html`<div class="kf-shell">${this.renderTop()}${this.renderNav()}${this.renderMain()}</div>
          <dialog id="kf-password-dialog" class="kf-dialog" @close=${this.closePassword}>
            ${this.passwordOpen
              ? html`<kefu-password-form @kefu-password-changed=${this.passwordChanged}
                  @kefu-password-cancel=${this.closePassword}></kefu-password-form>`
              : nothing}
          </dialog>${toasts}`;
    }
  }

  private renderTop() {
    const user = this.session?.user;
    const name = user ? user.displayName || user.username : '';
    return html`<header class="kf-topbar">
      <a class="kf-skip" href="#kf-main" @click=${(e: Event) => { e.preventDefault(); this.focusMain(); }}>${t('app.skipToMain')}</a>
      <p class="kf-brand"><span class="kf-brand-mark" aria-hidden="true">K</span>${t('app.name')}</p>
      ${localePicker('kf-top-locale')}
      <div class="kf-user">
        <span class="kf-sr-only">${t('top.user', { name })}</span>
        <span class="kf-user-name" title=${user?.username ?? ''} aria-hidden="true">${name}</span>
        <span class="kf-user-roles">${(user?.roles ?? []).map((r) => html`<span class="kf-badge">${roleName(r)}</span>`)}</span>
      </div>
      <button type="button" class="kf-top-btn" @click=${this.openPassword}>${t('top.changePassword')}</button>
      <button type="button" class="kf-top-btn" data-action="logout" @click=${this.logout}>${t('top.logout')}</button>
    </header>`;
  }

  private renderNav() {
    const activeId = this.current?.id;
    let body;
    if (!this.viewsLoaded) {
      body = this.viewsError ? nothing : html`<p class="kf-nav-note" role="status">${t('app.loading')}</p>`;
    } else if (this.views.length === 0) {
      body = html`<p class="kf-nav-note">${t('nav.empty')}</p>`;
    } else {
      body = html`<ul>
        ${this.views.map((v, i) => html`<li>
          <a href=${routeHash(v.id)} data-view-id=${v.id} aria-current=${v.id === activeId ? 'page' : nothing}
            title=${i < 9 ? t('nav.shortcut', { n: i + 1 }) : nothing}>
            <span class="kf-nav-key" aria-hidden="true">${i < 9 ? i + 1 : ''}</span>
            <span class="kf-nav-title">${v.title}</span>
          </a>
        </li>`)}
      </ul>`;
    }
    return html`<nav class="kf-nav" aria-labelledby="kf-nav-heading">
      <h2 id="kf-nav-heading">${t('nav.label')}</h2>
      ${this.viewsError ? html`<p class="kf-nav-note kf-danger-text" role="alert">${t('nav.error', { message: this.viewsError })}</p>` : nothing}
      ${body}
    </nav>`;
  }

  private renderMain() {
    return html`<main id="kf-main" class="kf-main" tabindex="-1" aria-busy=${this.current?.status === 'loading' ? 'true' : 'false'}>
      ${this.current?.updated
        ? html`<div class="kf-alert kf-banner" role="status">
            <span>${t('view.updated')}</span>
            <button type="button" class="kf-btn kf-btn-small" @click=${() => location.reload()}>${t('action.reload')}</button>
          </div>`
        : nothing}
      ${this.renderView()}
    </main>`;
  }

  private renderView() {
    const current = this.current;
    if (!current) {
      return this.viewsLoaded && this.views.length === 0
        ? html`<section class="kf-panel kf-card"><p>${t('nav.empty')}</p></section>`
        : nothing;
    }
    const first = this.views.find((v) => v.id !== current.id);
    const goFirst = first
      ? html`<p><a href=${routeHash(first.id)}>${t('view.openFirst', { title: first.title })}</a></p>`
      : nothing;
    switch (current.status) {
      case 'loading':
        return html`<p class="kf-panel kf-muted" role="status">${t('view.loading')}</p>`;
      case 'ready':
        return current.element;
      case 'error':
        return html`<section class="kf-panel kf-card" role="alert" data-view-error=${current.id}>
          <h1>${t('view.failed')}</h1>
          <p><strong>${current.def?.title}</strong> <span class="kf-muted kf-mono">(${current.id})</span></p>
          <pre class="kf-danger-text">${current.error}</pre>
          <p class="kf-muted kf-mono">${current.def?.moduleUrl}</p>
          <button type="button" class="kf-btn" @click=${() => void this.activate(current.id, true)}>${t('action.retry')}</button>
        </section>`;
      case 'removed':
        return html`<section class="kf-panel kf-card" role="status" data-view-removed=${current.id}>
          <h1>${t('view.removed')}</h1>
          <p class="kf-muted">${t('view.removedHint')}</p>
          ${goFirst}
        </section>`;
      case 'missing':
        return html`<section class="kf-panel kf-card" role="status">
          <h1>${t('view.notFound', { id: current.id })}</h1>
          ${goFirst}
        </section>`;
    }
  }
}

customElements.define('kefu-shell', KefuShell);
