import { LitElement, html, nothing } from 'lit';
import { api, formatDateTime, Loader, LocaleController, t } from '@kefu/workbench';

interface Bundle {
  id: number;
  symbolicName: string;
  name: string | null;
  version: string;
  state: string;
  plugin: boolean;
  location: string;
  problem: string | null;
}

const REFRESH_MS = 5000;

const STATE_COLOR: Record<string, string> = {
  ACTIVE: 'green',
  RESOLVED: 'blue',
  STARTING: 'amber',
  STOPPING: 'amber',
  INSTALLED: 'red',
};

/** The OSGi bundles of the running platform, with plug-ins and their problems. */
export class KefuPlatformView extends LitElement {
  static override properties = {
    filter: { state: true },
    pluginsOnly: { state: true },
    problemsOnly: { state: true },
    auto: { state: true },
  };

  declare filter: string;
  declare pluginsOnly: boolean;
  declare problemsOnly: boolean;
  declare auto: boolean;
  private timer: number | undefined;
  // A failed refresh keeps the last good table (and its time) visible under the error.
  private readonly snapshot = new Loader(this, async (signal) => {
    const bundles = await api<Bundle[]>('/api/platform/bundles', { signal });
    return { bundles: [...bundles].sort((a, b) => a.id - b.id), updatedAt: new Date() };
  });

  constructor() {
    super();
    this.filter = '';
    this.pluginsOnly = false;
    this.problemsOnly = false;
    this.auto = true;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.timer = window.setInterval(() => {
      // A slow server must not pile up requests; skip a tick instead.
      if (this.auto && !this.snapshot.loading) void this.snapshot.reload();
    }, REFRESH_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  private visible(bundles: Bundle[]): Bundle[] {
    const words = this.filter.toLowerCase().split(/\s+/).filter(Boolean);
    return bundles.filter((b) => {
      if (this.pluginsOnly && !b.plugin) return false;
      if (this.problemsOnly && !b.problem) return false;
      if (words.length === 0) return true;
      const text = [b.id, b.symbolicName, b.name, b.version, b.state, b.location, b.problem, b.plugin ? 'plugin plug-in' : '']
        .join(' ')
        .toLowerCase();
      return words.every((w) => text.includes(w));
    });
  }

  override render() {
    const { value, loading } = this.snapshot;
    const bundles = value?.bundles ?? null;
    const updatedAt = value?.updatedAt ?? null;
    const error = this.snapshot.error?.message;
    const all = bundles ?? [];
    const shown = this.visible(all);
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('platform.title')}</h1>
        ${updatedAt
          ? html`<span class="kf-muted kf-hint">${t('platform.updatedAt', { time: formatDateTime(updatedAt.toISOString()) })}</span>`
          : nothing}
        <label class="kf-check">
          <input type="checkbox" .checked=${this.auto} @change=${(e: Event) => { this.auto = (e.target as HTMLInputElement).checked; }}>
          ${t('platform.autoRefresh')}
        </label>
        <button type="button" class="kf-btn" data-action="refresh" ?disabled=${loading} @click=${() => void this.snapshot.reload()}>
          ${t('action.refresh')}
        </button>
      </div>
      <div class="kf-toolbar">
        <label class="kf-sr-only" for="kf-platform-filter">${t('platform.filter')}</label>
        <input id="kf-platform-filter" class="kf-input" type="search" name="filter" placeholder=${t('platform.filterHint')}
          .value=${this.filter} @input=${(e: Event) => { this.filter = (e.target as HTMLInputElement).value; }}>
        <label class="kf-check">
          <input type="checkbox" .checked=${this.pluginsOnly}
            @change=${(e: Event) => { this.pluginsOnly = (e.target as HTMLInputElement).checked; }}>
          ${t('platform.pluginsOnly')}
        </label>
        <label class="kf-check">
          <input type="checkbox" .checked=${this.problemsOnly}
            @change=${(e: Event) => { this.problemsOnly = (e.target as HTMLInputElement).checked; }}>
          ${t('platform.problemsOnly')}
        </label>
        <span class="kf-hint kf-push" role="status">${bundles
          ? t('platform.summary', {
              shown: shown.length,
              total: all.length,
              plugins: all.filter((b) => b.plugin).length,
              problems: all.filter((b) => b.problem).length,
            })
          : nothing}</span>
      </div>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error}</div>` : nothing}
      ${bundles === null && loading ? html`<p class="kf-muted" role="status">${t('app.loading')}</p>` : nothing}
      ${bundles
        ? html`<div class="kf-table-wrap">
            <table class="kf-table">
              <thead>
                <tr>
                  <th scope="col" class="kf-num">${t('platform.id')}</th>
                  <th scope="col">${t('platform.name')}</th>
                  <th scope="col">${t('platform.version')}</th>
                  <th scope="col">${t('platform.state')}</th>
                </tr>
              </thead>
              <tbody>
                ${shown.map((b) => html`<tr data-bundle=${b.symbolicName} data-state=${b.state} title=${b.location ?? ''}>
                  <td class="kf-num">${b.id}</td>
                  <td>
                    <div>${b.name || b.symbolicName}
                      ${b.plugin ? html`<span class="kf-badge kf-badge-purple" data-plugin>${t('platform.plugin')}</span>` : nothing}</div>
                    ${b.name && b.name !== b.symbolicName ? html`<div class="kf-muted kf-mono">${b.symbolicName}</div>` : nothing}
                    ${b.problem ? html`<div class="kf-danger-text kf-wrap" data-problem>${b.problem}</div>` : nothing}
                  </td>
                  <td class="kf-mono kf-nowrap">${b.version}</td>
                  <td><span class="kf-badge kf-badge-${STATE_COLOR[b.state] ?? 'gray'}">${b.state}</span></td>
                </tr>`)}
              </tbody>
            </table>
            ${shown.length === 0 ? html`<p class="kf-empty">${t('platform.empty')}</p>` : nothing}
          </div>`
        : nothing}
    </div>`;
  }
}

customElements.define('kefu-platform-view', KefuPlatformView);
