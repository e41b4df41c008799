import { LitElement, html, nothing } from 'lit';
import { api, formatDateTime, LocaleController, pager, t, type Page } from '@kefu/workbench';

interface AuditEntry {
  id: string | number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
}

const LIMIT = 50;

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** Read-only, paged audit log; the server returns the newest entries first. */
export class KefuAuditView extends LitElement {
  static override properties = {
    page: { state: true },
    loading: { state: true },
    error: { state: true },
  };

  declare page: Page<AuditEntry> | null;
  declare loading: boolean;
  declare error: string | null;
  private offset = 0;
  private request: AbortController | undefined;

  constructor() {
    super();
    this.page = null;
    this.loading = false;
    this.error = null;
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.request?.abort();
  }

  private async load(offset = this.offset) {
    this.request?.abort();
    const request = (this.request = new AbortController());
    this.loading = true;
    try {
      this.page = await api<Page<AuditEntry>>(`/api/audit?offset=${offset}&limit=${LIMIT}`, { signal: request.signal });
      this.offset = offset;
      this.error = null;
    } catch (e) {
      if (request.signal.aborted) return;
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.request === request) this.loading = false;
    }
  }

  override render() {
    const items = this.page?.items ?? [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('audit.title')}</h1>
        ${pager(this.page, (offset) => void this.load(offset))}
        <button type="button" class="kf-btn" ?disabled=${this.loading} @click=${() => void this.load()}>${t('action.refresh')}</button>
      </div>
      ${this.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.error}</div>` : nothing}
      <div class="kf-table-wrap" aria-busy=${this.loading ? 'true' : 'false'}>
        <table class="kf-table">
          <thead>
            <tr>
              <th scope="col">${t('audit.time')}</th>
              <th scope="col">${t('audit.actor')}</th>
              <th scope="col">${t('audit.action')}</th>
              <th scope="col">${t('audit.target')}</th>
              <th scope="col">${t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map((entry) => html`<tr data-audit-id=${String(entry.id)}>
              <td class="kf-nowrap"><time datetime=${entry.at} title=${entry.at}>${formatDateTime(entry.at)}</time></td>
              <td>${entry.actor}</td>
              <td><span class="kf-mono">${entry.action}</span></td>
              <td>${entry.target ?? ''}</td>
              <td class="kf-wrap">${detailText(entry.detail)}</td>
            </tr>`)}
          </tbody>
        </table>
        ${this.page && items.length === 0 ? html`<p class="kf-empty">${t('audit.empty')}</p>` : nothing}
      </div>
    </div>`;
  }
}

customElements.define('kefu-audit-view', KefuAuditView);
