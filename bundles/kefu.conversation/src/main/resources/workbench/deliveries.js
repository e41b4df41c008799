// @ts-check
// "Failed deliveries" (发送失败的消息): replies a channel gave up on, with its reason, and a way to send them again.
//
// Plain JavaScript served as it is by the kefu.conversation bundle; 'lit' and '@kefu/workbench' come from the
// shell's import map. Light DOM like Kefu's built-in views, so it only needs the SDK's kf-* classes, which the shell
// already applies to the page. Message text is customer-facing content and is inserted as text only.
import { LitElement, html, nothing } from 'lit';
import { api, formatDateTime, Loader, LocaleController, pager, registerMessages, t, toast } from '@kefu/workbench';

/**
 * @typedef {object} Message
 * @property {string} id
 * @property {string} conversationId
 * @property {string} direction
 * @property {string} channel
 * @property {string} body
 * @property {string|null} authorId
 * @property {string} delivery
 * @property {string} sentAt
 */
/** @typedef {{message: Message, error: string|null}} DeadLetter */
/** @typedef {{items: DeadLetter[], offset: number, limit: number, total: number}} DeadLetterPage */

registerMessages('en', {
  'deliveries.title': 'Failed deliveries',
  'deliveries.intro': 'Replies their channel could not deliver, even after retrying. Retry sends one again once the cause is fixed.',
  'deliveries.time': 'Time',
  'deliveries.channel': 'Channel',
  'deliveries.conversation': 'Conversation',
  'deliveries.message': 'Message',
  'deliveries.error': 'Error',
  'deliveries.actions': 'Actions',
  'deliveries.retry': 'Retry',
  'deliveries.retrying': 'Retrying…',
  'deliveries.retried': 'The reply is queued for delivery again.',
  'deliveries.empty': 'No failed deliveries. Every reply reached its channel.',
  'deliveries.loading': 'Loading…',
  'deliveries.noError': '(no reason given)',
  'inbox.channel.webhook': 'Webhook',
  'inbox.channel.email': 'Email',
  'inbox.channel.webchat': 'Web chat',
});

registerMessages('zh-CN', {
  'deliveries.title': '发送失败的消息',
  'deliveries.intro': '渠道多次重试后仍无法送达的回复。排除原因后，可点击“重试”重新发送。',
  'deliveries.time': '时间',
  'deliveries.channel': '渠道',
  'deliveries.conversation': '会话',
  'deliveries.message': '消息',
  'deliveries.error': '错误',
  'deliveries.actions': '操作',
  'deliveries.retry': '重试',
  'deliveries.retrying': '正在重试…',
  'deliveries.retried': '已重新排队发送此回复。',
  'deliveries.empty': '没有发送失败的消息，所有回复均已送达渠道。',
  'deliveries.loading': '正在加载…',
  'deliveries.noError': '（未提供原因）',
  'inbox.channel.webhook': 'Webhook',
  'inbox.channel.email': '邮件',
  'inbox.channel.webchat': '网页聊天',
});

const LIMIT = 50;
const PREVIEW_CHARS = 160;
const CHANNEL_COLOR = { email: 'blue', webchat: 'green', webhook: 'gray' };

function channelLabel(channel) {
  const key = `inbox.channel.${channel}`;
  const text = t(key);
  return text === key ? channel : text;
}

function preview(body) {
  const text = String(body ?? '').replace(/\s+/g, ' ').trim();
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

/** `<kefu-deliveries-view>`: the paged dead-letter list for administrators. */
export class KefuDeliveriesView extends LitElement {
  static properties = { retrying: { state: true } };

  constructor() {
    super();
    /** Message ids with a retry in flight, so each row's button can say so on its own. @type {Set<string>} */
    this.retrying = new Set();
    /** @type {Loader<DeadLetterPage, number>} */
    this.page = new Loader(this, (signal, offset) =>
      api(`/api/deliveries/failed?offset=${offset}&limit=${LIMIT}`, { signal }), { arg: 0 });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  /** @param {Message} message */
  async retry(message) {
    const id = String(message.id);
    if (this.retrying.has(id)) return;
    this.retrying = new Set([...this.retrying, id]);
    try {
      await api(`/api/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' });
      toast(t('deliveries.retried'), 'success');
      // The retried reply leaves the list (it is PENDING again); if it fails again it comes back.
      await this.page.reload();
      const page = this.page.value;
      // Retrying the last row of the last page would leave an empty page behind; step back one.
      if (page && page.items.length === 0 && page.offset > 0) void this.page.load(Math.max(0, page.offset - LIMIT));
    } catch (e) {
      toast(e instanceof Error ? e.message : String(e), 'error');
    } finally {
      const next = new Set(this.retrying);
      next.delete(id);
      this.retrying = next;
    }
  }

  render() {
    const { value: page, loading } = this.page;
    const error = this.page.error?.message;
    const items = page?.items ?? [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('deliveries.title')}</h1>
        ${pager(page, (offset) => void this.page.load(offset))}
        <button type="button" class="kf-btn" data-action="refresh" ?disabled=${loading}
          @click=${() => void this.page.reload()}>${t('action.refresh')}</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('deliveries.intro')}</p>
      ${error ? html`<div class="kf-alert kf-alert-error" role="alert">${error}</div>` : nothing}
      <div class="kf-table-wrap" aria-busy=${loading ? 'true' : 'false'}>
        <table class="kf-table">
          <thead>
            <tr>
              <th scope="col">${t('deliveries.time')}</th>
              <th scope="col">${t('deliveries.channel')}</th>
              <th scope="col">${t('deliveries.conversation')}</th>
              <th scope="col">${t('deliveries.message')}</th>
              <th scope="col">${t('deliveries.error')}</th>
              <th scope="col"><span class="kf-sr-only">${t('deliveries.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${items.map(({ message: m, error: reason }) => {
              const busy = this.retrying.has(String(m.id));
              return html`<tr data-message=${m.id} data-conversation-id=${m.conversationId}>
                <td class="kf-nowrap">${m.sentAt ? html`<time datetime=${m.sentAt}>${formatDateTime(m.sentAt)}</time>` : nothing}</td>
                <td><span class="kf-badge kf-badge-${CHANNEL_COLOR[m.channel] ?? 'purple'}" data-channel=${m.channel}>${channelLabel(m.channel)}</span></td>
                <td><span class="kf-mono">${m.conversationId}</span></td>
                <td class="kf-wrap" title=${m.body ?? ''}>${preview(m.body)}</td>
                <td class="kf-wrap kf-danger-text">${reason || t('deliveries.noError')}</td>
                <td class="kf-num kf-nowrap">
                  <button type="button" class="kf-btn kf-btn-small" data-action="retry" ?disabled=${busy}
                    @click=${() => void this.retry(m)}>${busy ? t('deliveries.retrying') : t('deliveries.retry')}</button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
        ${page && items.length === 0 ? html`<p class="kf-empty" data-empty="deliveries">${t('deliveries.empty')}</p>` : nothing}
        ${!page && loading ? html`<p class="kf-empty" role="status">${t('deliveries.loading')}</p>` : nothing}
      </div>
    </div>`;
  }
}

customElements.define('kefu-deliveries-view', KefuDeliveriesView);
