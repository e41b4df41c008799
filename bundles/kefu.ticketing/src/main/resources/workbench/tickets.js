// @ts-check
// "Tickets" (工单): the list of tickets with filters (status, mine, team, text), each with its priority and its SLA
// targets (time left, warned in amber, breached in red, paused in grey), and beside it the open ticket: its fields,
// linked conversations, comments (public replies and internal notes), attachments, history, the status changes its
// lifecycle allows now, and priority, team and assignee to change.
//
// Registered by the kefu.ticketing bundle as a io.kefu.api.spi.WorkbenchView:
//   id "kefu.tickets", title "Tickets" (工单), element "kefu-ticketing-tickets-view",
//   resourceRoot "/workbench", module "tickets.js", roles AGENT, SUPERVISOR and ADMIN.
// The open ticket is in the address, #/view/<view id>/t/<ticket id> (the shell leaves what follows the view id to the
// view), so a link can point at it; the inbox links a conversation's tickets that way.
//
// Plain JavaScript served as it is by the kefu.ticketing bundle (no build step); 'lit', 'lit/…' and '@kefu/workbench'
// come from the shell's import map. Like Kefu's built-in views it renders into the light DOM; its own styles are
// adopted into the document once, every rule scoped under the element's tag name. Subjects, comments, names and
// file names are only ever inserted through Lit's text bindings, and only http(s) and same-site links are made
// from attachment URLs.
import { LitElement, html, css, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { live } from 'lit/directives/live.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, currentUser, formatDateTime, Loader, LocaleController, locale, registerMessages, t, toast,
} from '@kefu/workbench';

/**
 * @typedef {object} Sla
 * @property {'FIRST_RESPONSE'|'RESOLUTION'} target
 * @property {'RUNNING'|'PAUSED'|'WARNED'|'MET'|'BREACHED'} state
 * @property {string|null} dueAt
 * @property {string|null} warnAt
 * @property {string|null} metAt
 * @property {string|null} breachedAt
 * @property {number|null} remainingMillis
 */
/**
 * @typedef {object} TicketSummary
 * @property {string} id
 * @property {string|number|null} number
 * @property {string|null} type
 * @property {string} subject
 * @property {string} priority LOW, NORMAL, HIGH or URGENT
 * @property {string} status NEW, TRIAGE, ASSIGNED, PENDING_CUSTOMER, RESOLVED or CLOSED
 * @property {string|null} customerId
 * @property {string|null} customerName
 * @property {string|null} assigneeId
 * @property {string|null} teamId
 * @property {string|null} createdAt
 * @property {string|null} updatedAt
 * @property {Sla[]} sla
 */
/** @typedef {{id: string, authorId: string|null, authorName: string|null, body: string, publicReply: boolean, createdAt: string}} Comment */
/** @typedef {{id: string, fileName: string, contentType: string|null, sizeBytes: number|null, url: string|null}} Attachment */
/** @typedef {{at: string, actor: string|null, kind: string, detail: string|null}} HistoryEntry */
/**
 * @typedef {TicketSummary & {
 *   description: string|null, source: string|null, conversationIds: string[], fields: Record<string, unknown>,
 *   comments: Comment[], attachments: Attachment[], history: HistoryEntry[], processInstanceId: string|null, actions: string[]
 * }} Ticket
 */
/** @typedef {{status: string, mine: boolean, team: string, q: string, limit: number}} Filters */
/** @typedef {{id: string, username: string, displayName: string}} Agent */

// ------------------------------------------------------------------ texts

registerMessages('en', {
  'ticketing.title': 'Tickets',
  'ticketing.filter.status': 'Status',
  'ticketing.filter.anyStatus': 'All statuses',
  'ticketing.filter.open': 'Open (not resolved)',
  'ticketing.filter.mine': 'Mine',
  'ticketing.filter.team': 'Team',
  'ticketing.filter.teamPlaceholder': 'Team id',
  'ticketing.filter.search': 'Search tickets',
  'ticketing.filter.searchPlaceholder': 'Subject, number, customer…',
  'ticketing.list.loading': 'Loading tickets…',
  'ticketing.list.empty': 'No tickets match.',
  'ticketing.list.more': 'Show more',
  'ticketing.list.count': '{count} tickets',
  'ticketing.col.number': '#',
  'ticketing.col.subject': 'Subject',
  'ticketing.col.status': 'Status',
  'ticketing.col.priority': 'Priority',
  'ticketing.col.sla': 'SLA',
  'ticketing.col.assignee': 'Assignee',
  'ticketing.col.team': 'Team',
  'ticketing.col.updated': 'Updated',
  'ticketing.open': 'Open ticket {number}',

  'ticketing.detail.none': 'Choose a ticket to see it here.',
  'ticketing.detail.loading': 'Loading the ticket…',
  'ticketing.detail.close': 'Close the ticket pane',
  'ticketing.detail.fields': 'Details',
  'ticketing.detail.type': 'Type',
  'ticketing.detail.priority': 'Priority',
  'ticketing.detail.status': 'Status',
  'ticketing.detail.customer': 'Customer',
  'ticketing.detail.assignee': 'Assignee',
  'ticketing.detail.team': 'Team',
  'ticketing.detail.source': 'Source',
  'ticketing.detail.created': 'Created',
  'ticketing.detail.updated': 'Updated',
  'ticketing.detail.sla': 'Service levels',
  'ticketing.detail.noSla': 'No service-level targets.',
  'ticketing.detail.description': 'Description',
  'ticketing.detail.custom': 'Custom fields',
  'ticketing.detail.conversations': 'Linked conversations',
  'ticketing.detail.noConversations': 'No conversation is linked.',
  'ticketing.detail.openConversation': 'Open conversation {id} in the inbox',
  'ticketing.detail.comments': 'Comments',
  'ticketing.detail.noComments': 'No comments yet.',
  'ticketing.detail.attachments': 'Attachments',
  'ticketing.detail.noAttachments': 'No attachments.',
  'ticketing.detail.history': 'History',
  'ticketing.detail.noHistory': 'No history yet.',
  'ticketing.detail.actions': 'Change status',
  'ticketing.detail.noActions': 'The lifecycle allows no status change now.',
  'ticketing.unassigned': 'Unassigned',
  'ticketing.noTeam': 'No team',
  'ticketing.you': 'you',
  'ticketing.assignToMe': 'Assign to me',
  'ticketing.save': 'Save',
  'ticketing.saved': 'Ticket {number} updated.',
  'ticketing.statusChanged': 'Ticket {number} is now “{status}”.',
  'ticketing.conflict': 'Not allowed now: {message}',

  'ticketing.comment.public': 'Public reply',
  'ticketing.comment.internal': 'Internal note',
  'ticketing.comment.publicHint': 'The customer receives this reply.',
  'ticketing.comment.internalHint': 'Only colleagues see internal notes.',
  'ticketing.comment.kind': 'Comment type',
  'ticketing.comment.label': 'Comment',
  'ticketing.comment.placeholderPublic': 'Reply to the customer…',
  'ticketing.comment.placeholderInternal': 'Note for colleagues…',
  'ticketing.comment.add': 'Add comment',
  'ticketing.comment.send': 'Send reply',
  'ticketing.comment.adding': 'Saving…',
  'ticketing.comment.added': 'Comment added.',

  'ticketing.status.NEW': 'New',
  'ticketing.status.TRIAGE': 'Triage',
  'ticketing.status.ASSIGNED': 'Assigned',
  'ticketing.status.PENDING_CUSTOMER': 'Waiting for customer',
  'ticketing.status.RESOLVED': 'Resolved',
  'ticketing.status.CLOSED': 'Closed',
  'ticketing.action.ASSIGNED': 'Work on it',
  'ticketing.action.reopen': 'Reopen',
  'ticketing.action.PENDING_CUSTOMER': 'Wait for customer',
  'ticketing.action.RESOLVED': 'Resolve',
  'ticketing.action.CLOSED': 'Close',
  'ticketing.priority.LOW': 'Low',
  'ticketing.priority.NORMAL': 'Normal',
  'ticketing.priority.HIGH': 'High',
  'ticketing.priority.URGENT': 'Urgent',

  'ticketing.sla.FIRST_RESPONSE': 'First response',
  'ticketing.sla.RESOLUTION': 'Resolution',
  'ticketing.sla.short.FIRST_RESPONSE': 'FR',
  'ticketing.sla.short.RESOLUTION': 'RES',
  'ticketing.sla.left': '{time} left',
  'ticketing.sla.over': '{time} over',
  'ticketing.sla.breached': 'breached',
  'ticketing.sla.paused': 'paused',
  'ticketing.sla.met': 'met',
  'ticketing.sla.due': 'due {time}',
  'ticketing.sla.metAt': 'met {time}',
  'ticketing.sla.breachedAt': 'breached {time}',
  'ticketing.sla.title': '{target}: {state}, due {due}',
  'ticketing.dur.lessThanMinute': '<1m',
  'ticketing.dur.minutes': '{m}m',
  'ticketing.dur.hours': '{h}h {m}m',
  'ticketing.dur.days': '{d}d {h}h',
  'ticketing.history.by': 'by {actor}',
});

registerMessages('zh-CN', {
  'ticketing.title': '工单',
  'ticketing.filter.status': '状态',
  'ticketing.filter.anyStatus': '全部状态',
  'ticketing.filter.open': '未解决',
  'ticketing.filter.mine': '我的',
  'ticketing.filter.team': '团队',
  'ticketing.filter.teamPlaceholder': '团队 ID',
  'ticketing.filter.search': '搜索工单',
  'ticketing.filter.searchPlaceholder': '主题、编号、客户…',
  'ticketing.list.loading': '正在加载工单…',
  'ticketing.list.empty': '没有符合条件的工单。',
  'ticketing.list.more': '显示更多',
  'ticketing.list.count': '{count} 个工单',
  'ticketing.col.number': '编号',
  'ticketing.col.subject': '主题',
  'ticketing.col.status': '状态',
  'ticketing.col.priority': '优先级',
  'ticketing.col.sla': 'SLA',
  'ticketing.col.assignee': '处理人',
  'ticketing.col.team': '团队',
  'ticketing.col.updated': '更新时间',
  'ticketing.open': '打开工单 {number}',

  'ticketing.detail.none': '选择一个工单，在此查看详情。',
  'ticketing.detail.loading': '正在加载工单…',
  'ticketing.detail.close': '关闭工单详情',
  'ticketing.detail.fields': '详情',
  'ticketing.detail.type': '类型',
  'ticketing.detail.priority': '优先级',
  'ticketing.detail.status': '状态',
  'ticketing.detail.customer': '客户',
  'ticketing.detail.assignee': '处理人',
  'ticketing.detail.team': '团队',
  'ticketing.detail.source': '来源',
  'ticketing.detail.created': '创建时间',
  'ticketing.detail.updated': '更新时间',
  'ticketing.detail.sla': '服务水平',
  'ticketing.detail.noSla': '没有服务水平目标。',
  'ticketing.detail.description': '描述',
  'ticketing.detail.custom': '自定义字段',
  'ticketing.detail.conversations': '关联会话',
  'ticketing.detail.noConversations': '没有关联的会话。',
  'ticketing.detail.openConversation': '在收件箱中打开会话 {id}',
  'ticketing.detail.comments': '评论',
  'ticketing.detail.noComments': '还没有评论。',
  'ticketing.detail.attachments': '附件',
  'ticketing.detail.noAttachments': '没有附件。',
  'ticketing.detail.history': '历史记录',
  'ticketing.detail.noHistory': '还没有历史记录。',
  'ticketing.detail.actions': '更改状态',
  'ticketing.detail.noActions': '当前流程不允许更改状态。',
  'ticketing.unassigned': '未分配',
  'ticketing.noTeam': '无团队',
  'ticketing.you': '你',
  'ticketing.assignToMe': '分配给我',
  'ticketing.save': '保存',
  'ticketing.saved': '工单 {number} 已更新。',
  'ticketing.statusChanged': '工单 {number} 的状态已改为“{status}”。',
  'ticketing.conflict': '当前不允许：{message}',

  'ticketing.comment.public': '公开回复',
  'ticketing.comment.internal': '内部备注',
  'ticketing.comment.publicHint': '客户会收到这条回复。',
  'ticketing.comment.internalHint': '内部备注仅同事可见。',
  'ticketing.comment.kind': '评论类型',
  'ticketing.comment.label': '评论',
  'ticketing.comment.placeholderPublic': '回复客户…',
  'ticketing.comment.placeholderInternal': '写给同事的备注…',
  'ticketing.comment.add': '添加评论',
  'ticketing.comment.send': '发送回复',
  'ticketing.comment.adding': '正在保存…',
  'ticketing.comment.added': '评论已添加。',

  'ticketing.status.NEW': '新建',
  'ticketing.status.TRIAGE': '分诊中',
  'ticketing.status.ASSIGNED': '已分配',
  'ticketing.status.PENDING_CUSTOMER': '等待客户',
  'ticketing.status.RESOLVED': '已解决',
  'ticketing.status.CLOSED': '已关闭',
  'ticketing.action.ASSIGNED': '开始处理',
  'ticketing.action.reopen': '重新打开',
  'ticketing.action.PENDING_CUSTOMER': '等待客户',
  'ticketing.action.RESOLVED': '解决',
  'ticketing.action.CLOSED': '关闭',
  'ticketing.priority.LOW': '低',
  'ticketing.priority.NORMAL': '普通',
  'ticketing.priority.HIGH': '高',
  'ticketing.priority.URGENT': '紧急',

  'ticketing.sla.FIRST_RESPONSE': '首次响应',
  'ticketing.sla.RESOLUTION': '解决时限',
  'ticketing.sla.short.FIRST_RESPONSE': '首响',
  'ticketing.sla.short.RESOLUTION': '解决',
  'ticketing.sla.left': '剩余 {time}',
  'ticketing.sla.over': '超时 {time}',
  'ticketing.sla.breached': '已超时',
  'ticketing.sla.paused': '已暂停',
  'ticketing.sla.met': '已达成',
  'ticketing.sla.due': '截止 {time}',
  'ticketing.sla.metAt': '达成于 {time}',
  'ticketing.sla.breachedAt': '超时于 {time}',
  'ticketing.sla.title': '{target}：{state}，截止 {due}',
  'ticketing.dur.lessThanMinute': '不到 1 分钟',
  'ticketing.dur.minutes': '{m} 分钟',
  'ticketing.dur.hours': '{h} 小时 {m} 分',
  'ticketing.dur.days': '{d} 天 {h} 小时',
  'ticketing.history.by': '操作人：{actor}',
});

// ---------------------------------------------------------------- helpers

const ELEMENT = 'kefu-ticketing-tickets-view';
/** The id this view is registered under; the shell's data-view attribute says it for sure. */
const DEFAULT_VIEW_ID = 'kefu.tickets';
/** The inbox opens the conversation a link names (see kefu.conversation's inbox.js). */
const INBOX_HASH = '#/view/kefu.inbox/c/';
const PREFS_KEY = 'kefu.tickets.filters';
const PAGE = 100;
const SEARCH_DEBOUNCE_MS = 300;
const CLOCK_MS = 30_000;
const REFRESH_MS = 60_000;
const STATUSES = ['NEW', 'TRIAGE', 'ASSIGNED', 'PENDING_CUSTOMER', 'RESOLVED', 'CLOSED'];
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const DONE = new Set(['RESOLVED', 'CLOSED']);
const STATUS_COLOR = { NEW: 'blue', TRIAGE: 'purple', ASSIGNED: 'blue', PENDING_CUSTOMER: 'amber', RESOLVED: 'green', CLOSED: 'gray' };
const PRIORITY_COLOR = { LOW: 'gray', NORMAL: 'blue', HIGH: 'amber', URGENT: 'red' };
/** Status changes that close work get the plain button; the others the primary one. */
const PRIMARY_ACTIONS = new Set(['ASSIGNED', 'RESOLVED']);
/** A pseudo status for the filter: the tickets still to work on (not resolved or closed), asked of the server without a status. */
const NOT_CLOSED = 'open';

function enc(value) {
  return encodeURIComponent(String(value));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function sameId(a, b) {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

/** Translates `prefix + value`, falling back to the value for codes the catalog does not know. */
function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = prefix + value;
  const text = t(key);
  return text === key ? String(value) : text;
}

function numberText(ticket) {
  return ticket?.number !== null && ticket?.number !== undefined && ticket?.number !== '' ? `#${ticket.number}` : '';
}

/** Compact age ("5 min", "3 h"); the full date and time go into the title. */
function age(iso, now) {
  if (!iso) return '';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const minutes = Math.floor(Math.max(0, now - then) / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return new Date(iso).toLocaleDateString(locale(), { month: 'short', day: 'numeric' });
}

function fileSize(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Only web links and links within Kefu become hrefs: an attachment's URL is data, and javascript: must stay text. */
export function safeHref(url) {
  const text = String(url ?? '').trim();
  if (/^https?:\/\//i.test(text)) return text;
  if (text.startsWith('/') && !text.startsWith('//')) return text;
  return null;
}

/** "2h 05m", "3d 4h", "12m". */
export function durationText(ms) {
  const minutes = Math.floor(Math.abs(Number(ms) || 0) / 60000);
  if (minutes < 1) return t('ticketing.dur.lessThanMinute');
  if (minutes < 60) return t('ticketing.dur.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('ticketing.dur.hours', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('ticketing.dur.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * What an SLA badge shows at `now`. A RUNNING target whose time ran out shows red at once (the server marks it
 * BREACHED a moment later); one past its warning time shows amber; PAUSED shows the time it had left, in grey.
 * @param {Sla} sla @param {number} now
 * @returns {{color: string, text: string, state: string}}
 */
export function slaView(sla, now) {
  const due = sla?.dueAt ? Date.parse(sla.dueAt) : NaN;
  const warn = sla?.warnAt ? Date.parse(sla.warnAt) : NaN;
  const remaining = Number.isFinite(due) ? due - now : Number(sla?.remainingMillis);
  switch (sla?.state) {
    case 'MET':
      return { color: 'green', text: t('ticketing.sla.met'), state: 'MET' };
    case 'BREACHED':
      return {
        color: 'red', state: 'BREACHED',
        text: Number.isFinite(remaining) && remaining < 0 ? t('ticketing.sla.over', { time: durationText(remaining) }) : t('ticketing.sla.breached'),
      };
    case 'PAUSED': {
      const left = Number(sla.remainingMillis);
      return {
        color: 'gray', state: 'PAUSED',
        text: Number.isFinite(left) && sla.remainingMillis !== null ? `${t('ticketing.sla.paused')} · ${t('ticketing.sla.left', { time: durationText(left) })}` : t('ticketing.sla.paused'),
      };
    }
    default: {
      if (!Number.isFinite(remaining)) return { color: 'blue', text: label('ticketing.sla.', sla?.state ?? ''), state: sla?.state ?? '' };
      if (remaining < 0) return { color: 'red', text: t('ticketing.sla.over', { time: durationText(remaining) }), state: 'BREACHED' };
      const warned = sla.state === 'WARNED' || (Number.isFinite(warn) && now >= warn);
      return { color: warned ? 'amber' : 'blue', text: t('ticketing.sla.left', { time: durationText(remaining) }), state: warned ? 'WARNED' : 'RUNNING' };
    }
  }
}

/** @param {Sla} sla @param {number} now @param {boolean} long the detail pane names the target in full */
function slaBadge(sla, now, long) {
  const view = slaView(sla, now);
  const target = label('ticketing.sla.', sla.target);
  return html`<span class="kf-badge kf-badge-${view.color}" data-test="ticket-sla" data-target=${sla.target ?? ''} data-state=${view.state}
      title=${t('ticketing.sla.title', { target, state: view.text, due: sla.dueAt ? formatDateTime(sla.dueAt) : '—' })}>${long ? target : label('ticketing.sla.short.', sla.target)} ${view.text}</span>`;
}

function statusBadge(status) {
  return html`<span class="kf-badge kf-badge-${STATUS_COLOR[status] ?? 'gray'}" data-test="ticket-status" data-status=${status ?? ''}>${label('ticketing.status.', status)}</span>`;
}

function priorityBadge(priority) {
  return html`<span class="kf-badge kf-badge-${PRIORITY_COLOR[priority] ?? 'gray'}" data-priority=${priority ?? ''}>${label('ticketing.priority.', priority)}</span>`;
}

function readPrefs() {
  try {
    const value = JSON.parse(localStorage.getItem(PREFS_KEY) ?? 'null');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

function writePrefs(filters) {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify({ status: filters.status, mine: filters.mine, team: filters.team }));
  } catch {
    // Not remembered then.
  }
}

/** A custom field's value as text. */
function fieldText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// ------------------------------------------------------------------ styles

const ticketStyles = css`
  kefu-ticketing-tickets-view { display: block; container-type: inline-size; container-name: kefu-tickets; }
  kefu-ticketing-tickets-view .tk-filters { display: flex; gap: 8px 12px; flex-wrap: wrap; align-items: center; }
  kefu-ticketing-tickets-view .tk-filters select, kefu-ticketing-tickets-view .tk-filters input[name="team"] { width: auto; max-width: 180px; }
  kefu-ticketing-tickets-view .tk-layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; align-items: start; }
  kefu-ticketing-tickets-view .tk-layout.has-detail { grid-template-columns: minmax(0, 1.25fr) minmax(340px, 1fr); }
  kefu-ticketing-tickets-view .tk-list .kf-table-wrap { max-height: calc(100vh - 220px); }
  kefu-ticketing-tickets-view .tk-list .tk-col-subject { min-width: 16ch; }
  /* Beside an open ticket the list keeps what matters for choosing one. */
  kefu-ticketing-tickets-view .tk-layout.has-detail .tk-col-wide { display: none; }
  kefu-ticketing-tickets-view .tk-list tbody tr { cursor: pointer; }
  kefu-ticketing-tickets-view .tk-list tbody tr[aria-selected="true"] { background: var(--kf-accent-soft); box-shadow: inset 3px 0 0 var(--kf-accent); }
  kefu-ticketing-tickets-view .tk-list tbody tr[data-breached] td:first-child { box-shadow: inset 3px 0 0 var(--kf-danger); }
  kefu-ticketing-tickets-view .tk-subject { color: var(--kf-text); font-weight: 600; text-decoration: none; overflow-wrap: anywhere; }
  kefu-ticketing-tickets-view .tk-subject:hover { text-decoration: underline; }
  kefu-ticketing-tickets-view .tk-subject:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-ticketing-tickets-view .tk-sub { display: block; font-size: 12px; color: var(--kf-text-muted); }
  kefu-ticketing-tickets-view .tk-badges { display: flex; gap: 3px; flex-wrap: wrap; }
  kefu-ticketing-tickets-view .tk-badges .kf-badge + .kf-badge, kefu-ticketing-tickets-view .tk-detail .kf-badge + .kf-badge { margin-left: 0; }
  kefu-ticketing-tickets-view .tk-list-foot { display: flex; align-items: center; gap: 8px; margin-top: 8px; font-size: 12px; color: var(--kf-text-muted); }
  kefu-ticketing-tickets-view .tk-detail { display: flex; flex-direction: column; gap: 14px; position: sticky; top: 8px; max-height: calc(100vh - 80px); overflow-y: auto; }
  kefu-ticketing-tickets-view .tk-detail-head { display: flex; align-items: flex-start; gap: 8px; }
  kefu-ticketing-tickets-view .tk-detail-head h2 { font-size: 16px; margin: 0; overflow-wrap: anywhere; flex: 1 1 auto; }
  kefu-ticketing-tickets-view .tk-number { font-family: var(--kf-font-mono); color: var(--kf-text-muted); font-weight: 500; margin-right: 6px; }
  kefu-ticketing-tickets-view .tk-detail h3 { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600; }
  kefu-ticketing-tickets-view .tk-detail section { display: flex; flex-direction: column; }
  kefu-ticketing-tickets-view .tk-actions { display: flex; gap: 6px; flex-wrap: wrap; }
  kefu-ticketing-tickets-view .tk-facts { grid-template-columns: max-content minmax(0, 1fr); align-items: center; }
  kefu-ticketing-tickets-view .tk-facts dd { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; min-width: 0; }
  kefu-ticketing-tickets-view .tk-facts select, kefu-ticketing-tickets-view .tk-facts input { font-size: 12.5px; padding: 2px 6px; max-width: 200px; }
  kefu-ticketing-tickets-view .tk-inline { display: inline-flex; gap: 4px; align-items: center; }
  kefu-ticketing-tickets-view .tk-sla-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  kefu-ticketing-tickets-view .tk-sla-list li { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; font-size: 12.5px; }
  kefu-ticketing-tickets-view .tk-description { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; font-size: 13px; }
  kefu-ticketing-tickets-view .tk-plain-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; font-size: 13px; }
  kefu-ticketing-tickets-view .tk-plain-list a { color: var(--kf-accent); }
  kefu-ticketing-tickets-view .tk-comments { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
  kefu-ticketing-tickets-view .tk-comment { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 6px 9px; background: var(--kf-surface); }
  kefu-ticketing-tickets-view .tk-comment[data-public="false"] { background: var(--kf-note-bg, #fff8c5); border-style: dashed; border-color: var(--kf-note-border, #e9d26b); }
  kefu-ticketing-tickets-view .tk-comment[data-public="true"] { border-left: 3px solid var(--kf-accent); }
  kefu-ticketing-tickets-view .tk-comment-meta { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; font-size: 11.5px; color: var(--kf-text-muted); margin-bottom: 3px; }
  kefu-ticketing-tickets-view .tk-comment-meta strong { color: var(--kf-text); }
  kefu-ticketing-tickets-view .tk-comment-body { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
  kefu-ticketing-tickets-view .tk-compose { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
  kefu-ticketing-tickets-view .tk-compose textarea { width: 100%; resize: vertical; min-height: 64px; }
  kefu-ticketing-tickets-view .tk-compose.is-public textarea { border-color: var(--kf-accent); }
  kefu-ticketing-tickets-view .tk-compose-bar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  kefu-ticketing-tickets-view .tk-seg { display: inline-flex; border: 1px solid var(--kf-border-strong); border-radius: var(--kf-radius); overflow: hidden; }
  kefu-ticketing-tickets-view .tk-seg button { font: inherit; font-size: 12.5px; border: 0; background: var(--kf-surface); color: var(--kf-text-muted); padding: 3px 10px; cursor: pointer; }
  kefu-ticketing-tickets-view .tk-seg button + button { border-left: 1px solid var(--kf-border-strong); }
  kefu-ticketing-tickets-view .tk-seg button[aria-pressed="true"] { background: var(--kf-accent-soft); color: var(--kf-accent-strong); font-weight: 600; }
  kefu-ticketing-tickets-view .tk-seg button:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-ticketing-tickets-view .tk-history { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 3px; font-size: 12.5px; }
  kefu-ticketing-tickets-view .tk-history li { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 8px; }
  kefu-ticketing-tickets-view .tk-history time { color: var(--kf-text-muted); white-space: nowrap; }
  kefu-ticketing-tickets-view .tk-history-kind { font-weight: 600; }
  @container kefu-tickets (max-width: 900px) {
    kefu-ticketing-tickets-view .tk-layout.has-detail { grid-template-columns: minmax(0, 1fr); }
    kefu-ticketing-tickets-view .tk-detail { position: static; max-height: none; }
    kefu-ticketing-tickets-view .tk-col-wide { display: none; }
  }
`;

// ------------------------------------------------------------------ view

/** `<kefu-ticketing-tickets-view>`: the tickets list with filters and the open ticket beside it. */
export class KefuTicketingTicketsView extends LitElement {
  static properties = {
    filters: { state: true },
    openId: { state: true },
    now: { state: true },
    busy: { state: true },
    commentPublic: { state: true },
    commenting: { state: true },
    commentError: { state: true },
  };

  constructor() {
    super();
    const prefs = readPrefs();
    /** @type {Filters} */
    this.filters = {
      status: typeof prefs.status === 'string' && (prefs.status === '' || prefs.status === NOT_CLOSED || STATUSES.includes(prefs.status)) ? prefs.status : NOT_CLOSED,
      mine: prefs.mine === true,
      team: typeof prefs.team === 'string' ? prefs.team : '',
      q: '',
      limit: PAGE,
    };
    /** @type {string|null} */
    this.openId = null;
    this.now = Date.now();
    /** @type {string|null} what is being saved ('priority', 'team', 'assignee', 'status') */
    this.busy = null;
    this.commentPublic = false;
    this.commenting = false;
    /** @type {string|null} */
    this.commentError = null;
    /** @type {Record<string, number|undefined>} */
    this.timers = {};
    /** @type {Loader<TicketSummary[], Filters>} */
    this.tickets = new Loader(this, (signal, filters) => api(`/api/tickets?${this.query(filters)}`, { signal }).then(list),
      { arg: this.filters });
    /** @type {Loader<Ticket|null, string|null>} */
    this.ticket = new Loader(this, (signal, id) => (id ? api(`/api/tickets/${enc(id)}`, { signal }) : Promise.resolve(null)),
      { arg: null, loadOnConnect: false });
    /** @type {Loader<Agent[]>} */
    this.agents = new Loader(this, (signal) => api('/api/agents', { signal }).then(list).catch(() => []));
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    adoptDocumentStyles(baseStyles, ticketStyles);
    window.addEventListener('hashchange', this.onHashChange);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.timers.clock = window.setInterval(() => { this.now = Date.now(); }, CLOCK_MS);
    this.scheduleRefresh();
    const linked = this.ticketInHash();
    if (linked) this.open(linked, false);
    else if (this.openId) void this.ticket.load(this.openId);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearInterval(this.timers.clock);
    window.clearTimeout(this.timers.refresh);
    window.clearTimeout(this.timers.search);
    this.timers = {};
  }

  // --------------------------------------------------------- address

  /** The id the shell knows this view by (it sets data-view), for links to tickets. */
  get viewId() {
    return this.getAttribute('data-view') || DEFAULT_VIEW_ID;
  }

  get viewHash() {
    return `#/view/${encodeURIComponent(this.viewId)}`;
  }

  /** The ticket a link names: `#/view/<view id>/t/<ticket id>`. */
  ticketInHash() {
    const prefix = `${this.viewHash}/t/`;
    if (!location.hash.startsWith(prefix)) return null;
    const rest = location.hash.slice(prefix.length);
    if (!rest || rest.includes('/')) return null;
    try {
      return decodeURIComponent(rest);
    } catch {
      return null;
    }
  }

  /** Shows the open ticket in the address bar without adding a history entry per click. @param {string|null} id */
  showInHash(id) {
    const base = this.viewHash;
    if (location.hash !== base && !location.hash.startsWith(`${base}/`)) return;
    const wanted = id ? `${base}/t/${enc(id)}` : base;
    if (location.hash !== wanted) history.replaceState(history.state, '', wanted);
  }

  ticketHref(id) {
    return `${this.viewHash}/t/${enc(id)}`;
  }

  onHashChange = () => {
    const linked = this.ticketInHash();
    if (linked && !sameId(linked, this.openId)) this.open(linked, false);
  };

  // ------------------------------------------------------------ list

  /** @param {Filters} f */
  query(f) {
    const q = new URLSearchParams();
    if (f.status && f.status !== NOT_CLOSED) q.set('status', f.status);
    if (f.mine) q.set('assignee', 'me');
    if (f.team.trim()) q.set('team', f.team.trim());
    if (f.q.trim()) q.set('q', f.q.trim());
    q.set('limit', String(f.limit));
    return q.toString();
  }

  /** @param {Partial<Filters>} change */
  setFilters(change) {
    this.filters = { ...this.filters, ...change, limit: change.limit ?? PAGE };
    writePrefs(this.filters);
    void this.tickets.load(this.filters);
  }

  onSearch(e) {
    const value = /** @type {HTMLInputElement} */ (e.target).value;
    window.clearTimeout(this.timers.search);
    this.timers.search = window.setTimeout(() => this.setFilters({ q: value }), SEARCH_DEBOUNCE_MS);
  }

  /** The list as shown: "Open" is filtered here, since the server takes one status at a time. @returns {TicketSummary[]} */
  get rows() {
    const items = this.tickets.value ?? [];
    return this.filters.status === NOT_CLOSED ? items.filter((x) => !DONE.has(x.status)) : items;
  }

  onVisibility = () => {
    if (!document.hidden) this.refresh();
  };

  scheduleRefresh() {
    window.clearTimeout(this.timers.refresh);
    this.timers.refresh = window.setTimeout(() => {
      if (this.isConnected && !document.hidden) this.refresh();
      if (this.isConnected) this.scheduleRefresh();
    }, REFRESH_MS);
  }

  refresh() {
    void this.tickets.reload();
    if (this.openId && !this.busy && !this.commenting) void this.ticket.load(this.openId);
  }

  // ---------------------------------------------------------- detail

  /** @param {string} id @param {boolean} [focus] */
  open(id, focus = true) {
    if (!sameId(id, this.openId)) {
      this.openId = id;
      this.commentError = null;
      this.commentPublic = false;
    }
    this.showInHash(id);
    void this.ticket.load(id);
    if (focus) this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('.tk-detail h2'))?.focus({ preventScroll: true }));
  }

  close() {
    this.openId = null;
    this.showInHash(null);
  }

  /** @returns {Ticket|null} the loaded ticket if it is the open one */
  get current() {
    const value = this.ticket.value;
    return value && sameId(value.id, this.openId) ? value : null;
  }

  /** Puts a changed ticket in the detail pane and its row in the list. @param {Ticket} ticket */
  apply(ticket) {
    if (!ticket || typeof ticket !== 'object') return;
    if (sameId(ticket.id, this.openId)) this.ticket.value = ticket;
    const items = this.tickets.value;
    if (items?.some((x) => sameId(x.id, ticket.id))) {
      this.tickets.value = items.map((x) => (sameId(x.id, ticket.id) ? { ...x, ...ticket } : x));
    }
  }

  /** @param {string} what @param {() => Promise<Ticket>} work @param {(t: Ticket) => string} success */
  async act(what, work, success) {
    if (this.busy) return;
    this.busy = what;
    try {
      const ticket = await work();
      this.apply(ticket);
      toast(success(ticket ?? this.current), 'success');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        toast(t('ticketing.conflict', { message: e.message }), 'error');
        if (this.openId) void this.ticket.load(this.openId);
      } else {
        toast(errorText(e), 'error');
      }
    } finally {
      this.busy = null;
    }
  }

  /** @param {Record<string, unknown>} change */
  patch(what, change) {
    const id = this.openId;
    if (!id) return;
    void this.act(what, () => api(`/api/tickets/${enc(id)}`, { method: 'PATCH', body: change }),
      (ticket) => t('ticketing.saved', { number: numberText(ticket) || ticket?.subject || '' }));
  }

  /** @param {string} status */
  setStatus(status) {
    const id = this.openId;
    if (!id) return;
    void this.act('status', () => api(`/api/tickets/${enc(id)}/status`, { body: { status } }),
      (ticket) => t('ticketing.statusChanged', { number: numberText(ticket) || ticket?.subject || '', status: label('ticketing.status.', ticket?.status ?? status) }));
  }

  /** @param {SubmitEvent} e */
  saveTeam(e) {
    e.preventDefault();
    const input = /** @type {HTMLInputElement} */ (/** @type {HTMLFormElement} */ (e.currentTarget).elements.namedItem('teamId'));
    const teamId = input.value.trim();
    if ((this.current?.teamId ?? '') === teamId) return;
    this.patch('team', { teamId: teamId || null });
  }

  /** @param {HTMLSelectElement|HTMLInputElement} control */
  saveAssignee(control) {
    const value = control.value.trim();
    const assigneeId = value === '' ? null : value;
    if (sameId(this.current?.assigneeId ?? null, assigneeId) || (assigneeId === null && !this.current?.assigneeId)) return;
    this.patch('assignee', { assigneeId });
  }

  /** @param {SubmitEvent} e */
  async addComment(e) {
    e.preventDefault();
    const id = this.openId;
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const area = /** @type {HTMLTextAreaElement} */ (form.elements.namedItem('body'));
    const body = area.value;
    if (!id || !body.trim() || this.commenting) return;
    const publicReply = this.commentPublic;
    this.commenting = true;
    this.commentError = null;
    try {
      /** @type {Comment} */
      const comment = await api(`/api/tickets/${enc(id)}/comments`, { body: { body, publicReply } });
      area.value = '';
      const current = this.current;
      if (comment && current && sameId(current.id, id) && !list(current.comments).some((c) => sameId(c.id, comment.id))) {
        this.ticket.value = { ...current, comments: [...list(current.comments), comment] };
      }
      toast(t('ticketing.comment.added'), 'success');
      // The status may move on (a public reply waits for the customer) and the history grows.
      void this.ticket.load(id);
      void this.tickets.reload();
    } catch (err) {
      this.commentError = errorText(err);
    } finally {
      this.commenting = false;
    }
  }

  /** @param {KeyboardEvent} e */
  onCommentKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      /** @type {HTMLFormElement|null} */ (/** @type {HTMLElement} */ (e.currentTarget).closest('form'))?.requestSubmit();
    }
  }

  /** @returns {Map<string, Agent>} */
  get agentMap() {
    const map = new Map();
    for (const agent of this.agents.value ?? []) if (agent && agent.id !== undefined) map.set(String(agent.id), agent);
    return map;
  }

  agentName(id) {
    if (id === null || id === undefined || id === '') return '';
    const agent = this.agentMap.get(String(id));
    if (agent) return agent.displayName || agent.username;
    const me = currentUser();
    if (me && sameId(me.id, id)) return me.displayName || me.username;
    return String(id);
  }

  // ---------------------------------------------------------- render

  render() {
    const hasDetail = Boolean(this.openId);
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('ticketing.title')}</h1>
        ${this.tickets.value ? html`<span class="kf-muted" data-ticket-count>${t('ticketing.list.count', { count: this.rows.length })}</span>` : nothing}
        <button type="button" class="kf-btn kf-btn-small" data-action="refresh" title=${t('action.refresh')} aria-label=${t('action.refresh')}
          ?disabled=${this.tickets.loading} @click=${() => this.refresh()}>↻</button>
      </div>
      ${this.renderFilters()}
      <div class="tk-layout ${hasDetail ? 'has-detail' : ''}">
        ${this.renderList()}
        ${hasDetail ? this.renderDetail() : nothing}
      </div>
    </div>`;
  }

  renderFilters() {
    const f = this.filters;
    const teams = [...new Set((this.tickets.value ?? []).map((x) => x.teamId).filter(Boolean))].sort();
    return html`<div class="tk-filters kf-toolbar" role="search">
      <select class="kf-input" name="status" aria-label=${t('ticketing.filter.status')} @change=${(e) => this.setFilters({ status: e.target.value })}>
        <option value=${NOT_CLOSED} ?selected=${f.status === NOT_CLOSED}>${t('ticketing.filter.open')}</option>
        <option value="" ?selected=${f.status === ''}>${t('ticketing.filter.anyStatus')}</option>
        ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${label('ticketing.status.', s)}</option>`)}
      </select>
      <label class="kf-check"><input type="checkbox" name="mine" .checked=${live(f.mine)}
        @change=${(e) => this.setFilters({ mine: e.target.checked })}> ${t('ticketing.filter.mine')}</label>
      <input class="kf-input" name="team" list="tk-teams" autocomplete="off" placeholder=${t('ticketing.filter.teamPlaceholder')}
        aria-label=${t('ticketing.filter.team')} .value=${live(f.team)}
        @change=${(e) => this.setFilters({ team: e.target.value })}>
      <datalist id="tk-teams">${teams.map((team) => html`<option value=${team}></option>`)}</datalist>
      <input class="kf-input" type="search" name="q" autocomplete="off" placeholder=${t('ticketing.filter.searchPlaceholder')}
        aria-label=${t('ticketing.filter.search')} .value=${live(f.q)} @input=${this.onSearch}>
    </div>`;
  }

  renderList() {
    const loaded = this.tickets.value;
    const error = this.tickets.error;
    const rows = this.rows;
    let body;
    if (!loaded && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.tickets.reload()}>${t('action.retry')}</button></div>`;
    } else if (!loaded) {
      body = html`<p class="kf-empty" role="status">${t('ticketing.list.loading')}</p>`;
    } else if (rows.length === 0) {
      body = html`<p class="kf-empty" data-empty="tickets">${t('ticketing.list.empty')}</p>`;
    } else {
      const me = currentUser();
      body = html`<div class="kf-table-wrap"><table class="kf-table" data-test="ticket-list" aria-label=${t('ticketing.title')}>
        <thead><tr>
          <th scope="col">${t('ticketing.col.number')}</th>
          <th scope="col" class="tk-col-subject">${t('ticketing.col.subject')}</th>
          <th scope="col">${t('ticketing.col.status')}</th>
          <th scope="col">${t('ticketing.col.priority')}</th>
          <th scope="col">${t('ticketing.col.sla')}</th>
          <th scope="col" class="tk-col-wide">${t('ticketing.col.assignee')}</th>
          <th scope="col" class="tk-col-wide">${t('ticketing.col.team')}</th>
          <th scope="col" class="tk-col-wide">${t('ticketing.col.updated')}</th>
        </tr></thead>
        <tbody>${repeat(rows, (x) => x.id, (x) => {
          const open = sameId(x.id, this.openId);
          const slas = DONE.has(x.status) ? [] : list(x.sla);
          const breached = slas.some((s) => slaView(s, this.now).state === 'BREACHED');
          const number = numberText(x);
          return html`<tr data-test="ticket-row" data-id=${x.id} data-status=${x.status} data-priority=${x.priority}
              aria-selected=${open ? 'true' : 'false'} ?data-breached=${breached} @click=${(e) => this.onRowClick(e, x.id)}>
            <td class="kf-mono kf-nowrap">${number}</td>
            <td class="tk-col-subject"><a class="tk-subject" href=${this.ticketHref(x.id)} aria-label=${t('ticketing.open', { number: number || x.subject })}
                @click=${(e) => this.onRowClick(e, x.id)}>${x.subject || number || x.id}</a>
              <span class="tk-sub">${[x.type, x.customerName || x.customerId, this.openId && x.assigneeId ? `→ ${this.agentName(x.assigneeId)}` : '']
                .filter(Boolean).join(' · ')}</span></td>
            <td>${statusBadge(x.status)}</td>
            <td>${priorityBadge(x.priority)}</td>
            <td><span class="tk-badges">${slas.map((s) => slaBadge(s, this.now, false))}</span></td>
            <td class="tk-col-wide">${x.assigneeId
              ? html`${this.agentName(x.assigneeId)}${me && sameId(me.id, x.assigneeId) ? html` <span class="kf-muted">(${t('ticketing.you')})</span>` : nothing}`
              : html`<span class="kf-muted">${t('ticketing.unassigned')}</span>`}</td>
            <td class="tk-col-wide">${x.teamId ? html`<span class="kf-badge kf-badge-gray">${x.teamId}</span>` : nothing}</td>
            <td class="tk-col-wide kf-nowrap">${x.updatedAt
              ? html`<time datetime=${x.updatedAt} title=${formatDateTime(x.updatedAt)}>${age(x.updatedAt, this.now)}</time>` : nothing}</td>
          </tr>`;
        })}</tbody>
      </table></div>`;
    }
    const more = loaded && loaded.length >= this.filters.limit;
    return html`<section class="tk-list" aria-busy=${this.tickets.loading ? 'true' : 'false'}>
      ${loaded && error ? html`<div class="kf-alert kf-alert-error" role="alert" style="margin-bottom: 8px">${error.message}</div>` : nothing}
      ${body}
      ${more
        ? html`<div class="tk-list-foot"><button type="button" class="kf-btn kf-btn-small" data-action="more"
            ?disabled=${this.tickets.loading} @click=${() => this.setFilters({ limit: this.filters.limit + PAGE })}>${t('ticketing.list.more')}</button></div>`
        : nothing}
    </section>`;
  }

  /** A plain click on a row or its link opens the ticket here; Ctrl/Cmd/middle clicks on the link open new tabs. @param {MouseEvent} e */
  onRowClick(e, id) {
    if (e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.open(id, false);
  }

  renderDetail() {
    const ticket = this.current;
    const error = this.ticket.error;
    let body;
    if (!ticket && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.ticket.load(this.openId)}>${t('action.retry')}</button></div>`;
    } else if (!ticket) {
      body = html`<p class="kf-empty" role="status">${t('ticketing.detail.loading')}</p>`;
    } else {
      body = this.renderTicket(ticket);
    }
    return html`<aside class="kf-card tk-detail" data-test="ticket-detail" data-id=${this.openId ?? ''}
        aria-busy=${this.ticket.loading ? 'true' : 'false'} aria-labelledby="tk-detail-title">
      ${ticket && error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${body}
    </aside>`;
  }

  /** @param {Ticket} x */
  renderTicket(x) {
    const number = numberText(x);
    const actions = list(x.actions);
    const slas = list(x.sla);
    const conversations = list(x.conversationIds);
    const fields = Object.entries(x.fields ?? {});
    const busy = this.busy;
    return html`
      <div class="tk-detail-head">
        <h2 id="tk-detail-title" tabindex="-1">${number ? html`<span class="tk-number">${number}</span>` : nothing}${x.subject}</h2>
        <button type="button" class="kf-btn kf-btn-small" data-action="close-detail" aria-label=${t('ticketing.detail.close')}
          title=${t('ticketing.detail.close')} @click=${() => this.close()}>✕</button>
      </div>
      <div class="tk-badges">${statusBadge(x.status)} ${priorityBadge(x.priority)}
        ${x.type ? html`<span class="kf-badge kf-badge-purple" data-type=${x.type}>${x.type}</span>` : nothing}</div>

      <section aria-labelledby="tk-actions-title">
        <h3 id="tk-actions-title">${t('ticketing.detail.actions')}</h3>
        ${actions.length
          ? html`<div class="tk-actions">${actions.map((status) => html`<button type="button"
              class="kf-btn kf-btn-small ${PRIMARY_ACTIONS.has(status) ? 'kf-btn-primary' : ''}" data-test="ticket-status-action" data-status=${status}
              ?disabled=${Boolean(busy)} @click=${() => this.setStatus(status)}>${status === 'ASSIGNED' && DONE.has(x.status)
                ? t('ticketing.action.reopen') : label('ticketing.action.', status)}</button>`)}</div>`
          : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noActions')}</p>`}
      </section>

      <section aria-labelledby="tk-sla-title">
        <h3 id="tk-sla-title">${t('ticketing.detail.sla')}</h3>
        ${slas.length
          ? html`<ul class="tk-sla-list">${slas.map((s) => html`<li data-sla=${s.target}>
              ${slaBadge(s, this.now, true)}
              <span class="kf-hint">${s.state === 'MET' && s.metAt ? t('ticketing.sla.metAt', { time: formatDateTime(s.metAt) })
                : s.state === 'BREACHED' && s.breachedAt ? t('ticketing.sla.breachedAt', { time: formatDateTime(s.breachedAt) })
                  : s.dueAt ? t('ticketing.sla.due', { time: formatDateTime(s.dueAt) }) : ''}</span>
            </li>`)}</ul>`
          : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noSla')}</p>`}
      </section>

      <section aria-labelledby="tk-fields-title">
        <h3 id="tk-fields-title">${t('ticketing.detail.fields')}</h3>
        <dl class="kf-facts tk-facts">
          <dt>${t('ticketing.detail.priority')}</dt>
          <dd><select class="kf-input" name="priority" aria-label=${t('ticketing.detail.priority')} ?disabled=${Boolean(busy)}
              @change=${(e) => { if (e.target.value !== x.priority) this.patch('priority', { priority: e.target.value }); }}>
            ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === x.priority}>${label('ticketing.priority.', p)}</option>`)}
            ${PRIORITIES.includes(x.priority) ? nothing : html`<option value=${x.priority} selected>${x.priority}</option>`}
          </select></dd>
          <dt>${t('ticketing.detail.assignee')}</dt>
          <dd>${this.renderAssignee(x)}</dd>
          <dt>${t('ticketing.detail.team')}</dt>
          <dd><form class="tk-inline" data-form="team" @submit=${this.saveTeam}>
            <input class="kf-input" name="teamId" autocomplete="off" list="tk-teams" placeholder=${t('ticketing.noTeam')}
              aria-label=${t('ticketing.detail.team')} .value=${live(x.teamId ?? '')} ?disabled=${Boolean(busy)}>
            <button type="submit" class="kf-btn kf-btn-small" data-action="save-team" ?disabled=${Boolean(busy)}>${t('ticketing.save')}</button>
          </form></dd>
          <dt>${t('ticketing.detail.type')}</dt>
          <dd>${x.type ?? html`<span class="kf-muted">—</span>`}</dd>
          <dt>${t('ticketing.detail.customer')}</dt>
          <dd>${x.customerName || x.customerId
            ? html`<span>${x.customerName || x.customerId}</span>${x.customerName && x.customerId ? html`<span class="kf-mono kf-muted">${x.customerId}</span>` : nothing}`
            : html`<span class="kf-muted">—</span>`}</dd>
          ${x.source ? html`<dt>${t('ticketing.detail.source')}</dt><dd>${x.source}</dd>` : nothing}
          <dt>${t('ticketing.detail.created')}</dt>
          <dd>${x.createdAt ? formatDateTime(x.createdAt) : '—'}</dd>
          <dt>${t('ticketing.detail.updated')}</dt>
          <dd>${x.updatedAt ? formatDateTime(x.updatedAt) : '—'}</dd>
        </dl>
      </section>

      ${x.description
        ? html`<section aria-labelledby="tk-description-title"><h3 id="tk-description-title">${t('ticketing.detail.description')}</h3>
            <p class="tk-description">${x.description}</p></section>`
        : nothing}

      ${fields.length
        ? html`<section aria-labelledby="tk-custom-title"><h3 id="tk-custom-title">${t('ticketing.detail.custom')}</h3>
            <dl class="kf-facts">${fields.map(([key, value]) => html`<dt>${key}</dt><dd class="kf-wrap" data-field=${key}>${fieldText(value)}</dd>`)}</dl></section>`
        : nothing}

      <section aria-labelledby="tk-conversations-title">
        <h3 id="tk-conversations-title">${t('ticketing.detail.conversations')}</h3>
        ${conversations.length
          ? html`<ul class="tk-plain-list">${conversations.map((id) => html`<li data-conversation=${id}>
              <a class="kf-mono" href=${`${INBOX_HASH}${enc(id)}`} aria-label=${t('ticketing.detail.openConversation', { id })}>${id}</a></li>`)}</ul>`
          : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noConversations')}</p>`}
      </section>

      ${this.renderComments(x)}
      ${this.renderAttachments(x)}
      ${this.renderHistory(x)}`;
  }

  /** @param {Ticket} x */
  renderAssignee(x) {
    const me = currentUser();
    const busy = Boolean(this.busy);
    const agents = [...this.agentMap.values()];
    const mine = me && sameId(me.id, x.assigneeId);
    const takeButton = !mine && me
      ? html`<button type="button" class="kf-btn kf-btn-small" data-action="assign-me" ?disabled=${busy}
          @click=${() => this.patch('assignee', { assigneeId: String(me.id) })}>${t('ticketing.assignToMe')}</button>`
      : nothing;
    if (agents.length === 0) {
      // No agent list to choose from (not offered to this user): an id can still be typed.
      return html`<form class="tk-inline" data-form="assignee" @submit=${(e) => {
          e.preventDefault();
          this.saveAssignee(/** @type {HTMLInputElement} */ (e.currentTarget.elements.namedItem('assigneeId')));
        }}>
        <input class="kf-input" name="assigneeId" autocomplete="off" placeholder=${t('ticketing.unassigned')}
          aria-label=${t('ticketing.detail.assignee')} .value=${live(x.assigneeId ?? '')} ?disabled=${busy}>
        <button type="submit" class="kf-btn kf-btn-small" ?disabled=${busy}>${t('ticketing.save')}</button>
      </form>${takeButton}`;
    }
    const known = !x.assigneeId || agents.some((a) => sameId(a.id, x.assigneeId));
    return html`<select class="kf-input" name="assigneeId" aria-label=${t('ticketing.detail.assignee')} ?disabled=${busy}
        @change=${(e) => this.saveAssignee(e.target)}>
        <option value="" ?selected=${!x.assigneeId}>${t('ticketing.unassigned')}</option>
        ${agents.map((a) => html`<option value=${a.id} ?selected=${sameId(a.id, x.assigneeId)}>${a.displayName || a.username}${me && sameId(me.id, a.id) ? ` (${t('ticketing.you')})` : ''}</option>`)}
        ${known ? nothing : html`<option value=${x.assigneeId} selected>${this.agentName(x.assigneeId)}</option>`}
      </select>${takeButton}`;
  }

  /** @param {Ticket} x */
  renderComments(x) {
    const comments = [...list(x.comments)].sort((a, b) => (Date.parse(a.createdAt) || 0) - (Date.parse(b.createdAt) || 0));
    const pub = this.commentPublic;
    return html`<section aria-labelledby="tk-comments-title">
      <h3 id="tk-comments-title">${t('ticketing.detail.comments')} <span class="kf-muted">${comments.length || ''}</span></h3>
      ${comments.length
        ? html`<ol class="tk-comments">${repeat(comments, (c) => c.id, (c) => html`<li class="tk-comment" data-test="ticket-comment"
            data-id=${c.id} data-public=${c.publicReply ? 'true' : 'false'}>
            <div class="tk-comment-meta"><strong>${c.authorName || this.agentName(c.authorId) || '—'}</strong>
              <span class="kf-badge ${c.publicReply ? 'kf-badge-blue' : 'kf-badge-amber'}">${c.publicReply ? t('ticketing.comment.public') : t('ticketing.comment.internal')}</span>
              ${c.createdAt ? html`<time class="kf-push" datetime=${c.createdAt}>${formatDateTime(c.createdAt)}</time>` : nothing}</div>
            <div class="tk-comment-body">${c.body}</div>
          </li>`)}</ol>`
        : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noComments')}</p>`}
      <form class="tk-compose ${pub ? 'is-public' : ''}" data-form="comment" @submit=${this.addComment}>
        <div class="tk-compose-bar">
          <div class="tk-seg" role="group" aria-label=${t('ticketing.comment.kind')}>
            <button type="button" data-action="comment-internal" aria-pressed=${pub ? 'false' : 'true'}
              @click=${() => { this.commentPublic = false; }}>✎ ${t('ticketing.comment.internal')}</button>
            <button type="button" data-action="comment-public" aria-pressed=${pub ? 'true' : 'false'}
              @click=${() => { this.commentPublic = true; }}>${t('ticketing.comment.public')}</button>
          </div>
          <span class="kf-hint">${pub ? t('ticketing.comment.publicHint') : t('ticketing.comment.internalHint')}</span>
        </div>
        <textarea class="kf-input" name="body" rows="3" aria-label=${t('ticketing.comment.label')} @keydown=${this.onCommentKey}
          placeholder=${pub ? t('ticketing.comment.placeholderPublic') : t('ticketing.comment.placeholderInternal')}></textarea>
        ${this.commentError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.commentError}</div>` : nothing}
        <div class="tk-compose-bar">
          <span class="kf-hint kf-push">Ctrl+Enter</span>
          <button type="submit" class="kf-btn kf-btn-primary kf-btn-small" data-action="add-comment" ?disabled=${this.commenting}>
            ${this.commenting ? t('ticketing.comment.adding') : pub ? t('ticketing.comment.send') : t('ticketing.comment.add')}</button>
        </div>
      </form>
    </section>`;
  }

  /** @param {Ticket} x */
  renderAttachments(x) {
    const attachments = list(x.attachments);
    return html`<section aria-labelledby="tk-attachments-title">
      <h3 id="tk-attachments-title">${t('ticketing.detail.attachments')}</h3>
      ${attachments.length
        ? html`<ul class="tk-plain-list">${attachments.map((a) => {
            const href = safeHref(a.url);
            return html`<li data-attachment=${a.id}>📎 ${href
              ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${a.fileName}</a>`
              : html`<span>${a.fileName}</span>`}
              <span class="kf-hint">${[a.contentType, fileSize(a.sizeBytes)].filter(Boolean).join(' · ')}</span></li>`;
          })}</ul>`
        : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noAttachments')}</p>`}
    </section>`;
  }

  /** @param {Ticket} x */
  renderHistory(x) {
    const history = [...list(x.history)].sort((a, b) => (Date.parse(b.at) || 0) - (Date.parse(a.at) || 0));
    return html`<section aria-labelledby="tk-history-title">
      <h3 id="tk-history-title">${t('ticketing.detail.history')}</h3>
      ${history.length
        ? html`<ol class="tk-history">${history.map((h) => html`<li data-history-kind=${h.kind}>
            <time datetime=${h.at}>${h.at ? formatDateTime(h.at) : ''}</time>
            <span><span class="tk-history-kind">${h.kind}</span>${h.detail ? html` ${h.detail}` : nothing}
              ${h.actor ? html`<span class="kf-hint">${t('ticketing.history.by', { actor: this.agentName(h.actor) })}</span>` : nothing}</span>
          </li>`)}</ol>`
        : html`<p class="kf-hint" style="margin: 0">${t('ticketing.detail.noHistory')}</p>`}
    </section>`;
  }
}

if (!customElements.get(ELEMENT)) customElements.define(ELEMENT, KefuTicketingTicketsView);
