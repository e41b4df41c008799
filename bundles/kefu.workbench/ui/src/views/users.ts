import { LitElement, html, nothing } from 'lit';
import {
  api, currentUser, Loader, LocaleController, pager, refreshSession, t, toast, type Page,
} from '@kefu/workbench';

interface UserRow {
  id: string | number;
  username: string;
  displayName: string;
  roles: string[];
  enabled: boolean;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRow }
  | { kind: 'reset'; user: UserRow }
  | { kind: 'secret'; username: string; password: string };

const ROLES = ['AGENT', 'SUPERVISOR', 'ANALYST', 'ADMIN'];
const LIMIT = 50;

function roleName(role: string): string {
  const key = `role.${role}`;
  const text = t(key);
  return text === key ? role : text;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function userPath(user: UserRow): string {
  return `/api/users/${encodeURIComponent(String(user.id))}`;
}

/** Administration of accounts: list, create, edit roles and state, reset passwords. */
export class KefuUsersView extends LitElement {
  static override properties = {
    dialog: { state: true },
    dialogError: { state: true },
    busy: { state: true },
  };

  declare dialog: Dialog | null;
  declare dialogError: string | null;
  declare busy: boolean;
  private readonly page = new Loader(this,
    (signal, offset: number) => api<Page<UserRow>>(`/api/users?offset=${offset}&limit=${LIMIT}`, { signal }),
    { arg: 0 });

  constructor() {
    super();
    this.dialog = null;
    this.dialogError = null;
    this.busy = false;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  private open(dialog: Dialog) {
    this.dialogError = null;
    this.dialog = dialog;
  }

  private close() {
    this.dialog = null;
    this.dialogError = null;
  }

  override updated() {
    const element = this.querySelector<HTMLDialogElement>('dialog.kf-dialog');
    if (!element) return;
    if (this.dialog && !element.open) {
      element.showModal();
      element.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (!this.dialog && element.open) {
      element.close();
    }
  }

  private async create(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const body: Record<string, unknown> = {
      username,
      displayName: String(data.get('displayName') ?? '').trim(),
      roles: data.getAll('roles').map(String),
    };
    if (password) body.password = password;
    await this.submit(async () => {
      const result = await api<{ user: UserRow; generatedPassword: string | null }>('/api/users', { method: 'POST', body });
      toast(t('users.created', { username: result.user?.username ?? username }), 'success');
      if (result.generatedPassword) {
        this.open({ kind: 'secret', username: result.user?.username ?? username, password: result.generatedPassword });
      } else {
        this.close();
      }
      void this.page.reload();
    });
  }

  private async save(e: SubmitEvent, user: UserRow) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const body = {
      displayName: String(data.get('displayName') ?? '').trim(),
      roles: data.getAll('roles').map(String),
      enabled: data.get('enabled') !== null,
    };
    await this.submit(async () => {
      const saved = await api<UserRow>(userPath(user), { method: 'PUT', body });
      const page = this.page.value;
      if (page) {
        this.page.value = { ...page, items: page.items.map((u) => (u.id === user.id ? { ...u, ...saved } : u)) };
      }
      toast(t('users.saved', { username: user.username }), 'success');
      this.close();
      // Editing oneself changes what the shell shows in its top bar and which views are allowed.
      if (String(currentUser()?.id) === String(user.id)) void refreshSession().catch(() => undefined);
    });
  }

  private async reset(user: UserRow) {
    await this.submit(async () => {
      const result = await api<{ generatedPassword: string }>(`${userPath(user)}/password-reset`, { method: 'POST' });
      this.open({ kind: 'secret', username: user.username, password: result.generatedPassword });
    });
  }

  /** Runs a dialog action, keeping the dialog open with the server's message when it fails. */
  private async submit(action: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.dialogError = null;
    try {
      await action();
    } catch (e) {
      this.dialogError = message(e);
    } finally {
      this.busy = false;
    }
  }

  private async copy(password: string, input: HTMLInputElement | null) {
    try {
      await navigator.clipboard.writeText(password);
      toast(t('action.copied'), 'success');
    } catch {
      // The async clipboard needs a secure context; plain http falls back to selecting the text.
      input?.select();
      const copied = document.execCommand?.('copy') ?? false;
      toast(t(copied ? 'action.copied' : 'action.copyFailed'), copied ? 'success' : 'error');
    }
  }

  override render() {
    const me = currentUser();
    const { value: page, loading } = this.page;
    const error = this.page.error?.message;
    const items = page?.items ?? [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('users.title')}</h1>
        ${pager(page, (offset) => void this.page.load(offset))}
        <button type="button" class="kf-btn" ?disabled=${loading} @click=${() => void this.page.reload()}>${t('action.refresh')}</button>
        <button type="button" class="kf-btn kf-btn-primary" data-action="new-user"
          @click=${() => this.open({ kind: 'create' })}>${t('users.new')}</button>
      </div>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error}</div>` : nothing}
      <div class="kf-table-wrap" aria-busy=${loading ? 'true' : 'false'}>
        <table class="kf-table">
          <thead>
            <tr>
              <th scope="col">${t('users.username')}</th>
              <th scope="col">${t('users.displayName')}</th>
              <th scope="col">${t('users.roles')}</th>
              <th scope="col">${t('users.status')}</th>
              <th scope="col"><span class="kf-sr-only">${t('users.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${items.map((u) => html`<tr data-user=${u.username}>
              <td><span class="kf-mono">${u.username}</span>
                ${me && String(me.id) === String(u.id) ? html` <span class="kf-muted">(${t('users.you')})</span>` : nothing}</td>
              <td>${u.displayName}</td>
              <td>${(u.roles ?? []).map((r) => html`<span class="kf-badge kf-badge-blue">${roleName(r)}</span>`)}</td>
              <td>${u.enabled
                ? html`<span class="kf-badge kf-badge-green">${t('users.enabled')}</span>`
                : html`<span class="kf-badge kf-badge-gray">${t('users.disabled')}</span>`}</td>
              <td class="kf-num kf-nowrap">
                <button type="button" class="kf-btn kf-btn-small" data-action="edit-user"
                  @click=${() => this.open({ kind: 'edit', user: u })}>${t('action.edit')}</button>
                <button type="button" class="kf-btn kf-btn-small" data-action="reset-password"
                  @click=${() => this.open({ kind: 'reset', user: u })}>${t('users.reset')}</button>
              </td>
            </tr>`)}
          </tbody>
        </table>
        ${page && items.length === 0 ? html`<p class="kf-empty">${t('users.empty')}</p>` : nothing}
      </div>
      <dialog class="kf-dialog" @close=${this.close} aria-labelledby="kf-users-dialog-title">${this.renderDialog()}</dialog>
    </div>`;
  }

  private renderError() {
    return this.dialogError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.dialogError}</div>` : nothing;
  }

  private renderRoles(selected: string[]) {
    const roles = [...ROLES, ...selected.filter((r) => !ROLES.includes(r))];
    return html`<fieldset class="kf-field">
      <legend>${t('users.roles')}</legend>
      <div class="kf-toolbar">
        ${roles.map((r) => html`<label class="kf-check">
          <input type="checkbox" name="roles" value=${r} ?checked=${selected.includes(r)}> ${roleName(r)}
        </label>`)}
      </div>
    </fieldset>`;
  }

  private renderDialog() {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    const actions = (submitLabel: string, danger = false) => html`<div class="kf-dialog-actions">
      <button type="button" class="kf-btn" @click=${this.close}>${t('action.cancel')}</button>
      <button type="submit" class="kf-btn ${danger ? 'kf-btn-danger' : 'kf-btn-primary'}" ?disabled=${this.busy}>${submitLabel}</button>
    </div>`;
    switch (dialog.kind) {
      case 'create':
        return html`<form @submit=${this.create}>
          <h2 id="kf-users-dialog-title">${t('users.new')}</h2>
          ${this.renderError()}
          <label class="kf-field"><span>${t('users.username')}</span>
            <input class="kf-input" name="username" required autofocus autocomplete="off" autocapitalize="none" spellcheck="false">
          </label>
          <label class="kf-field"><span>${t('users.displayName')}</span>
            <input class="kf-input" name="displayName" required autocomplete="off">
          </label>
          ${this.renderRoles(['AGENT'])}
          <label class="kf-field"><span>${t('users.password')}</span>
            <input class="kf-input" name="password" type="password" autocomplete="new-password" aria-describedby="kf-users-pw-hint">
            <span class="kf-hint" id="kf-users-pw-hint">${t('users.passwordHint')}</span>
          </label>
          ${actions(t('users.create'))}
        </form>`;
      case 'edit':
        return html`<form @submit=${(e: SubmitEvent) => this.save(e, dialog.user)}>
          <h2 id="kf-users-dialog-title">${t('users.editTitle', { username: dialog.user.username })}</h2>
          ${this.renderError()}
          <label class="kf-field"><span>${t('users.displayName')}</span>
            <input class="kf-input" name="displayName" required autofocus autocomplete="off" .value=${dialog.user.displayName ?? ''}>
          </label>
          ${this.renderRoles(dialog.user.roles ?? [])}
          <label class="kf-check">
            <input type="checkbox" name="enabled" ?checked=${dialog.user.enabled}> ${t('users.accountEnabled')}
          </label>
          ${actions(t('action.save'))}
        </form>`;
      case 'reset':
        return html`<form @submit=${(e: SubmitEvent) => { e.preventDefault(); void this.reset(dialog.user); }}>
          <h2 id="kf-users-dialog-title">${t('users.reset')}</h2>
          ${this.renderError()}
          <p>${t('users.resetConfirm', { username: dialog.user.username })}</p>
          ${actions(t('users.reset'), true)}
        </form>`;
      case 'secret':
        return html`<div class="kf-dialog-body">
          <h2 id="kf-users-dialog-title">${t('users.secretTitle', { username: dialog.username })}</h2>
          <p class="kf-alert">${t('users.secretOnce')}</p>
          <div class="kf-toolbar">
            <input class="kf-input kf-mono kf-grow" readonly .value=${dialog.password} data-secret
              aria-label=${t('users.secretTitle', { username: dialog.username })} autocomplete="off">
            <button type="button" class="kf-btn" autofocus
              @click=${(e: Event) => void this.copy(dialog.password,
                (e.currentTarget as HTMLElement).parentElement?.querySelector('input') ?? null)}>${t('action.copy')}</button>
          </div>
          <div class="kf-dialog-actions">
            <button type="button" class="kf-btn kf-btn-primary" @click=${this.close}>${t('action.close')}</button>
          </div>
        </div>`;
    }
  }
}

customElements.define('kefu-users-view', KefuUsersView);
