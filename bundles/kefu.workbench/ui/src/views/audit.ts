import { LitElement, html, nothing } from 'lit';
import { api, formatDateTime, Loader, LocaleController, pager, t, type Page } from '@kefu/workbench';

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
  private readonly page = new Loader(this,
    (signal, offset: number) => api<Page<AuditEntry>>(`/api/audit?offset=${offset}&limit=${LIMIT}`, { signal }),
    { arg: 0 });

  constructor() {
    super();
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  override render() {
    const { value: page, loading } = this.page;
    const error = this.page.error?.message;
    const items = page?.items ?? [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('audit.title')}</h1>
        ${pager(page, (offset) => void this.page.load(offset))}
        <button type="button" class="kf-btn" ?disabled=${loading} @click=${() => void this.page.reload()}>${t('action.refresh')}</button>
      </div>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error}</div>` : nothing}
      <div class="kf-table-wrap" aria-busy=${loading ? 'true' : 'false'}>
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
        ${page && items.length === 0 ? html`<p class="kf-empty">${t('audit.empty')}</p>` : nothing}
      </div>
    </div>`;
  }
}

customElements.define('kefu-audit-view', KefuAuditView);
