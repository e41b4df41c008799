import { LitElement, html, nothing } from 'lit';
import { api, ApiError, currentUser, LocaleController, locale, locales, setLocale, setSession, t, type Locale, type Session } from '@kefu/workbench';

/** Text to show for any failure of a call made from the shell. */
export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/** The language picker, shared by the sign-in pages and the top bar. */
export function localePicker(id: string) {
  return html`<label class="kf-sr-only" for=${id}>${t('app.language')}</label>
    <select id=${id} @change=${(e: Event) => setLocale((e.target as HTMLSelectElement).value as Locale)}>
      ${locales.map((l) => html`<option value=${l.id} ?selected=${l.id === locale()} lang=${l.id}>${l.name}</option>`)}
    </select>`;
}

/**
 * The sign-in form. It renders into the light DOM so that password managers
 * and browser-driven tests see ordinary page inputs.
 */
export class KefuLogin extends LitElement {
  static override properties = {
    error: { state: true },
    busy: { state: true },
    remaining: { state: true },
  };

  declare error: string | null;
  declare busy: boolean;
  /** Seconds left before the server accepts another attempt (after 429). */
  declare remaining: number;
  private countdown: number | undefined;

  constructor() {
    super();
    this.error = null;
    this.busy = false;
    this.remaining = 0;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override firstUpdated() {
    this.querySelector<HTMLInputElement>('input[name="username"]')?.focus();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.countdown);
  }

  private startCountdown(seconds: number) {
    window.clearInterval(this.countdown);
    const until = Date.now() + seconds * 1000;
    const tick = () => {
      this.remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (this.remaining === 0) window.clearInterval(this.countdown);
    };
    tick();
    this.countdown = window.setInterval(tick, 1000);
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy || this.remaining > 0) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!username || !password) return;
    this.busy = true;
    this.error = null;
    try {
      const session = await api<Session>('/api/auth/login', { method: 'POST', body: { username, password } });
      setSession(session);
    } catch (err) {
      this.error = errorText(err);
      if (err instanceof ApiError && err.status === 429) this.startCountdown(err.retryAfterSeconds ?? 30);
      const field = form.elements.namedItem('password') as HTMLInputElement | null;
      if (field) {
        field.value = '';
        field.focus();
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const waiting = this.remaining > 0;
    return html`<main class="kf-gate">
      <form class="kf-gate-card" @submit=${this.submit} aria-labelledby="kf-login-title">
        <p class="kf-brand"><span class="kf-brand-mark" aria-hidden="true">K</span>${t('app.name')}</p>
        <h1 id="kf-login-title" class="kf-subtitle">${t('login.title')}</h1>
        ${this.error
          ? html`<div class="kf-alert kf-alert-error" role="alert">
              ${this.error}${waiting ? html` ${t('login.wait', { seconds: this.remaining })}` : nothing}
            </div>`
          : nothing}
        <label class="kf-field">
          <span>${t('login.username')}</span>
          <input class="kf-input" name="username" type="text" autocomplete="username" autocapitalize="none"
            spellcheck="false" required>
        </label>
        <label class="kf-field">
          <span>${t('login.password')}</span>
          <input class="kf-input" name="password" type="password" autocomplete="current-password" required>
        </label>
        <button type="submit" class="kf-btn kf-btn-primary" ?disabled=${this.busy || waiting}>
          ${this.busy ? t('login.busy') : t('login.submit')}
        </button>
        <div class="kf-gate-foot">${localePicker('kf-login-locale')}</div>
      </form>
    </main>`;
  }
}

/**
 * Change-password form, used both as the forced step after sign-in and in the
 * top bar's dialog. Fires `kefu-password-changed` on success and
 * `kefu-password-cancel` when the user backs out.
 */
export class KefuPasswordForm extends LitElement {
  static override properties = {
    forced: { type: Boolean },
    error: { state: true },
    busy: { state: true },
  };

  /** True when the server requires a new password before anything else. */
  declare forced: boolean;
  declare error: string | null;
  declare busy: boolean;

  constructor() {
    super();
    this.forced = false;
    this.error = null;
    this.busy = false;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override firstUpdated() {
    this.querySelector<HTMLInputElement>('input[name="currentPassword"]')?.focus();
  }

  private async submit(e: SubmitEvent) {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const currentPassword = String(data.get('currentPassword') ?? '');
    const newPassword = String(data.get('newPassword') ?? '');
    const repeat = String(data.get('repeatPassword') ?? '');
    if (newPassword !== repeat) {
      this.error = t('password.mismatch');
      return;
    }
    if (newPassword === currentPassword) {
      this.error = t('password.unchanged');
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await api('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
      form.reset();
      this.dispatchEvent(new CustomEvent('kefu-password-changed', { bubbles: true }));
    } catch (err) {
      // A 401 here means the session is gone; the shell is already on it.
      if (!(err instanceof ApiError && err.status === 401)) this.error = errorText(err);
    } finally {
      this.busy = false;
    }
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('kefu-password-cancel', { bubbles: true }));
  }

  override render() {
    const user = currentUser();
    return html`<form class=${this.forced ? 'kf-gate-card' : 'kf-password-form'} @submit=${this.submit}
        aria-labelledby="kf-password-title">
      ${this.forced ? html`<p class="kf-brand"><span class="kf-brand-mark" aria-hidden="true">K</span>${t('app.name')}</p>` : nothing}
      <h2 id="kf-password-title">${t('password.title')}</h2>
      ${this.forced ? html`<p class="kf-alert">${t('password.mustChange')}</p>` : nothing}
      ${this.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.error}</div>` : nothing}
      <!-- Lets password managers file the new password under the right account. -->
      <input type="text" autocomplete="username" .value=${user?.username ?? ''} hidden readonly>
      <label class="kf-field">
        <span>${t('password.current')}</span>
        <input class="kf-input" name="currentPassword" type="password" autocomplete="current-password" required>
      </label>
      <label class="kf-field">
        <span>${t('password.new')}</span>
        <input class="kf-input" name="newPassword" type="password" autocomplete="new-password" required>
      </label>
      <label class="kf-field">
        <span>${t('password.repeat')}</span>
        <input class="kf-input" name="repeatPassword" type="password" autocomplete="new-password" required>
      </label>
      <div class="kf-dialog-actions">
        ${this.forced
          ? html`<button type="button" class="kf-btn" data-action="logout"
              @click=${() => this.dispatchEvent(new CustomEvent('kefu-logout', { bubbles: true }))}>${t('top.logout')}</button>`
          : html`<button type="button" class="kf-btn" @click=${this.cancel}>${t('action.cancel')}</button>`}
        <button type="submit" class="kf-btn kf-btn-primary" ?disabled=${this.busy}>${t('password.submit')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kefu-login', KefuLogin);
customElements.define('kefu-password-form', KefuPasswordForm);
