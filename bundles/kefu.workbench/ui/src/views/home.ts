import { LitElement, html, nothing } from 'lit';
import { api, ApiError, currentUser, Loader, LocaleController, t } from '@kefu/workbench';

interface Health {
  status: string;
  checks?: Record<string, string>;
}

const ROLE_ORDER = ['AGENT', 'SUPERVISOR', 'ANALYST', 'ADMIN'];

function roleName(role: string): string {
  const key = `role.${role}`;
  const text = t(key);
  return text === key ? role : text;
}

function statusBadge(status: string | undefined) {
  const color = status === 'UP' ? 'green' : status === 'DOWN' ? 'red' : 'gray';
  const label = status === 'UP' || status === 'DOWN' ? t(`home.health.${status}`) : t('home.health.unknown');
  return html`<span class="kf-badge kf-badge-${color}" data-status=${status ?? 'UNKNOWN'}>${label}</span>`;
}

/** Landing view: who is signed in, whether the system is healthy, and where to go next. */
export class KefuHomeView extends LitElement {
  private readonly health = new Loader(this, async (signal) => {
    try {
      return await api<Health>('/api/health', { signal });
    } catch (e) {
      // Health endpoints commonly answer 503 while DOWN, still with the report as body.
      const body = e instanceof ApiError ? (e.body as Health | undefined) : undefined;
      if (body && typeof body.status === 'string') return body;
      throw e;
    }
  });

  constructor() {
    super();
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override render() {
    const user = currentUser();
    if (!user) return nothing;
    const roles = [...user.roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
    const hints = roles.filter((r) => ROLE_ORDER.includes(r));
    const { error, loading } = this.health;
    // A failed check shows only its error, not the report from before it.
    const health = error ? null : this.health.value;
    const checks = Object.entries(health?.checks ?? {});
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('home.welcome', { name: user.displayName || user.username })}</h1>
      </div>
      <div class="kf-grid">
        <section class="kf-card" aria-labelledby="kf-home-account">
          <h2 class="kf-subtitle" id="kf-home-account">${t('home.account')}</h2>
          <dl class="kf-facts">
            <dt>${t('home.username')}</dt>
            <dd class="kf-mono">${user.username}</dd>
            <dt>${t('home.roles')}</dt>
            <dd>${roles.length
              ? roles.map((r) => html`<span class="kf-badge kf-badge-blue">${roleName(r)}</span>`)
              : html`<span class="kf-muted">${t('home.noRoles')}</span>`}</dd>
          </dl>
        </section>
        <section class="kf-card" aria-labelledby="kf-home-health" aria-busy=${loading ? 'true' : 'false'}>
          <div class="kf-toolbar">
            <h2 class="kf-subtitle" id="kf-home-health">${t('home.health')}</h2>
            ${health ? statusBadge(health.status) : nothing}
            <button type="button" class="kf-btn kf-btn-small kf-push" ?disabled=${loading}
              @click=${() => void this.health.reload()}>${t('action.refresh')}</button>
          </div>
          ${error?.message
            ? html`<p class="kf-danger-text" role="alert">${t('home.health.failed', { message: error.message })}</p>`
            : nothing}
          ${checks.length
            ? html`<ul class="kf-list">
                ${checks.map(([name, status]) => html`<li>${statusBadge(status)}<span class="kf-mono">${name}</span></li>`)}
              </ul>`
            : nothing}
        </section>
      </div>
      ${hints.length
        ? html`<section class="kf-card" aria-labelledby="kf-home-hints">
            <h2 class="kf-subtitle" id="kf-home-hints">${t('home.hints')}</h2>
            <ul class="kf-list">
              ${hints.map((r) => html`<li><span class="kf-badge">${roleName(r)}</span> ${t(`home.hint.${r}`)}</li>`)}
            </ul>
          </section>`
        : nothing}
    </div>`;
  }
}

customElements.define('kefu-home-view', KefuHomeView);
