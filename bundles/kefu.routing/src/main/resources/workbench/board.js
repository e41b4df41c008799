// @ts-check
// "Routing board" (路由看板): the supervisors' live picture of routing. The waiting queues (each waiting conversation
// with its priority and wait, linked to the inbox), the agents (presence, load against capacity per channel, skills,
// teams; a supervisor edits an agent's skills, teams and capacity here) and the recent alerts (angry customers,
// escalations, rules that failed), refreshed every two seconds while the view is open and the tab is visible.
//
// Registered by the kefu.routing bundle as a io.kefu.api.spi.WorkbenchView:
//   id "kefu.routing.board", title "Routing board" (路由看板), element "kefu-routing-board-view",
//   resourceRoot "/workbench", module "board.js", roles SUPERVISOR and ADMIN.
//
// Plain JavaScript served as it is by the kefu.routing bundle (no build step); 'lit', 'lit/…' and '@kefu/workbench'
// come from the shell's import map. Like Kefu's built-in views it renders into the light DOM; its own styles are
// adopted into the document once, every rule scoped under the element's tag name. Names, messages and ids are only
// ever inserted through Lit's text bindings.
import { LitElement, html, css, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, formatDateTime, LocaleController, locale, registerMessages, t, toast,
} from '@kefu/workbench';

/** @typedef {{conversationId: string, channel: string, priority: number, waitingSince: string, waitingSeconds: number, customerId: string}} Waiting */
/** @typedef {{id: string, name: string, teamId: string|null, waiting: number, longestWaitSeconds: number, conversations: Waiting[]}} Queue */
/**
 * @typedef {object} Agent
 * @property {string} userId
 * @property {string} displayName
 * @property {'ONLINE'|'AWAY'|'OFFLINE'} presence
 * @property {string|null} presenceSince
 * @property {Record<string, number>} load conversations per channel
 * @property {Record<string, number>} capacity the most conversations per channel
 * @property {Record<string, number>} skills skill → level
 * @property {string[]} teams
 */
/** @typedef {{id: string, at: string, conversationId: string|null, kind: string, message: string, rule: string|null}} Alert */
/** @typedef {{queues: Queue[], agents: Agent[], alerts: Alert[]}} Board */
/** @typedef {{skills: string, teams: string, capacity: string}} AgentForm */

// ------------------------------------------------------------------ texts

registerMessages('en', {
  'routing.board.title': 'Routing board',
  'routing.board.intro': 'Waiting conversations, agents and alerts, updated every two seconds.',
  'routing.board.loading': 'Loading the board…',
  'routing.board.updated': 'Updated {time}',
  'routing.board.stale': 'The board could not be updated: {message}. Retrying.',
  'routing.board.summary': '{waiting} waiting · {online} of {agents} agents online',

  'routing.board.queues': 'Queues',
  'routing.board.noQueues': 'No queues.',
  'routing.board.waiting': 'Waiting',
  'routing.board.longest': 'Longest wait',
  'routing.board.team': 'Team {team}',
  'routing.board.noneWaiting': 'Nobody is waiting.',
  'routing.board.waitingList': 'Waiting in {queue}',
  'routing.board.open': 'Open conversation {id} in the inbox',
  'routing.board.priority': 'Priority',
  'routing.board.priorityShort': 'P{n}',
  'routing.board.waitedFor': 'waiting for {time}',
  'routing.board.customer': 'Customer {id}',

  'routing.board.agents': 'Agents',
  'routing.board.noAgents': 'No agents.',
  'routing.board.colAgent': 'Agent',
  'routing.board.colPresence': 'Presence',
  'routing.board.colLoad': 'Load / capacity',
  'routing.board.colSkills': 'Skills',
  'routing.board.colTeams': 'Teams',
  'routing.board.since': 'since {time}',
  'routing.board.presence.ONLINE': 'Online',
  'routing.board.presence.AWAY': 'Away',
  'routing.board.presence.OFFLINE': 'Offline',
  'routing.board.full': 'full',
  'routing.board.none': 'none',
  'routing.board.edit': 'Edit',
  'routing.board.editLabel': 'Edit {name}',

  'routing.board.alerts': 'Alerts',
  'routing.board.noAlerts': 'No alerts.',
  'routing.board.rule': 'Rule: {rule}',
  'routing.board.kind.ANGRY': 'Angry customer',
  'routing.board.kind.ANGRY_CUSTOMER': 'Angry customer',
  'routing.board.kind.ESCALATION': 'Escalation',
  'routing.board.kind.ESCALATED': 'Escalation',
  'routing.board.kind.VIP_WAITING': 'VIP waiting',
  'routing.board.kind.LEGAL': 'Legal threat',
  'routing.board.kind.LEGAL_THREAT': 'Legal threat',
  'routing.board.kind.NOTIFY': 'Notice',
  'routing.board.kind.RULE_ERROR': 'Rule error',

  'routing.board.editTitle': 'Edit {name}',
  'routing.board.skills': 'Skills',
  'routing.board.skillsHint': 'skill:level, separated by commas, e.g. orders:3, refunds:2 (levels 1–10).',
  'routing.board.teams': 'Teams',
  'routing.board.teamsHint': 'Team ids separated by commas, e.g. after_sales, vip.',
  'routing.board.capacity': 'Capacity',
  'routing.board.capacityHint': 'channel:most conversations at once, e.g. webchat:5, email:10 (0 takes none).',
  'routing.board.save': 'Save',
  'routing.board.saving': 'Saving…',
  'routing.board.saved': '{name}’s profile saved.',
  'routing.board.invalid': 'Check the marked fields.',
  'routing.board.badPair': '“{item}” is not name:number, e.g. {example}.',
  'routing.board.badName': '“{name}” is not a valid name: use letters, digits, _ - and . only.',
  'routing.board.badLevel': '“{item}”: the level must be a whole number from 1 to 10.',
  'routing.board.badCapacity': '“{item}”: the capacity must be a whole number from 0 to 999.',
  'routing.board.duplicate': '“{name}” is given twice.',
});

registerMessages('zh-CN', {
  'routing.board.title': '路由看板',
  'routing.board.intro': '排队中的会话、客服和告警，每两秒更新一次。',
  'routing.board.loading': '正在加载看板…',
  'routing.board.updated': '更新于 {time}',
  'routing.board.stale': '看板无法更新：{message}。正在重试。',
  'routing.board.summary': '{waiting} 个排队中 · {agents} 名客服中 {online} 名在线',

  'routing.board.queues': '队列',
  'routing.board.noQueues': '没有队列。',
  'routing.board.waiting': '排队',
  'routing.board.longest': '最长等待',
  'routing.board.team': '团队 {team}',
  'routing.board.noneWaiting': '没有人在排队。',
  'routing.board.waitingList': '{queue} 中排队的会话',
  'routing.board.open': '在收件箱中打开会话 {id}',
  'routing.board.priority': '优先级',
  'routing.board.priorityShort': 'P{n}',
  'routing.board.waitedFor': '已等待 {time}',
  'routing.board.customer': '客户 {id}',

  'routing.board.agents': '客服',
  'routing.board.noAgents': '没有客服。',
  'routing.board.colAgent': '客服',
  'routing.board.colPresence': '状态',
  'routing.board.colLoad': '负载 / 容量',
  'routing.board.colSkills': '技能',
  'routing.board.colTeams': '团队',
  'routing.board.since': '自 {time}',
  'routing.board.presence.ONLINE': '在线',
  'routing.board.presence.AWAY': '离开',
  'routing.board.presence.OFFLINE': '离线',
  'routing.board.full': '已满',
  'routing.board.none': '无',
  'routing.board.edit': '编辑',
  'routing.board.editLabel': '编辑 {name}',

  'routing.board.alerts': '告警',
  'routing.board.noAlerts': '没有告警。',
  'routing.board.rule': '规则：{rule}',
  'routing.board.kind.ANGRY': '客户愤怒',
  'routing.board.kind.ANGRY_CUSTOMER': '客户愤怒',
  'routing.board.kind.ESCALATION': '升级',
  'routing.board.kind.ESCALATED': '升级',
  'routing.board.kind.VIP_WAITING': 'VIP 等待中',
  'routing.board.kind.LEGAL': '法律威胁',
  'routing.board.kind.LEGAL_THREAT': '法律威胁',
  'routing.board.kind.NOTIFY': '通知',
  'routing.board.kind.RULE_ERROR': '规则错误',

  'routing.board.editTitle': '编辑 {name}',
  'routing.board.skills': '技能',
  'routing.board.skillsHint': '技能:等级，用逗号分隔，例如 orders:3, refunds:2（等级 1–10）。',
  'routing.board.teams': '团队',
  'routing.board.teamsHint': '团队 ID，用逗号分隔，例如 after_sales, vip。',
  'routing.board.capacity': '容量',
  'routing.board.capacityHint': '渠道:同时处理的最多会话数，例如 webchat:5, email:10（0 表示不接待）。',
  'routing.board.save': '保存',
  'routing.board.saving': '正在保存…',
  'routing.board.saved': '已保存 {name} 的资料。',
  'routing.board.invalid': '请检查标出的字段。',
  'routing.board.badPair': '“{item}”不是“名称:数字”的格式，例如 {example}。',
  'routing.board.badName': '“{name}”不是有效的名称：只能使用字母、数字、_、- 和 .。',
  'routing.board.badLevel': '“{item}”：等级须为 1 到 10 的整数。',
  'routing.board.badCapacity': '“{item}”：容量须为 0 到 999 的整数。',
  'routing.board.duplicate': '“{name}”重复出现。',
});

// ---------------------------------------------------------------- helpers

const BOARD = '/api/routing/board';
/** The inbox opens the conversation a link names (see inbox.js, conversationInHash). */
const INBOX_HASH = '#/view/kefu.inbox/c/';
const POLL_MS = 2000;
/** After a failed poll the board waits longer before it asks again. */
const RETRY_MS = 10000;
const MAX_SKILL_LEVEL = 10;
const MAX_CAPACITY = 999;
const PRESENCE_COLOR = { ONLINE: 'green', AWAY: 'amber', OFFLINE: 'gray' };
const ALERT_COLOR = { RULE_ERROR: 'red', ANGRY: 'red', ANGRY_CUSTOMER: 'red', LEGAL: 'purple', LEGAL_THREAT: 'purple', VIP_WAITING: 'amber', ESCALATION: 'amber', ESCALATED: 'amber' };
const NAME = /^[\p{L}\p{N}_.-]+$/u;

function enc(value) {
  return encodeURIComponent(String(value));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function isAbort(e) {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Translates `prefix + value`, falling back to the value for codes the catalog does not know. */
function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = prefix + value;
  const text = t(key);
  return text === key ? String(value).replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase()) : text;
}

/** Seconds as mm:ss (minutes go past 59 rather than into hours: a queue's wait reads the same everywhere). */
export function waitText(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** How urgent a wait looks: over two minutes amber, over five red. */
function waitColor(seconds) {
  const s = Number(seconds) || 0;
  return s >= 300 ? 'red' : s >= 120 ? 'amber' : 'gray';
}

function shortId(id) {
  const text = String(id ?? '');
  return text.length > 8 ? text.slice(0, 8) : text;
}

function clock(ms) {
  return new Date(ms).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Compact age ("5 min", "3 h") for "since". */
function age(iso) {
  if (!iso) return '';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const minutes = Math.floor(Math.max(0, Date.now() - then) / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** {a: 1, b: 2} → "a:1, b:2": the form's text for a map. */
function pairsText(map) {
  return Object.entries(map ?? {}).map(([k, v]) => `${k}:${v}`).join(', ');
}

/** Items of a comma list (commas, Chinese commas or semicolons separate), blanks dropped. */
function items(text) {
  return String(text ?? '').split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * Parses "orders:3, refunds:2" into {orders: 3, refunds: 2}.
 * @param {string} text @param {number} min @param {number} max @param {string} rangeKey @param {string} example
 * @returns {{value: Record<string, number>, errors: string[]}}
 */
export function parsePairs(text, min, max, rangeKey, example) {
  /** @type {Record<string, number>} */
  const value = {};
  const errors = [];
  for (const item of items(text)) {
    const match = /^([^:：=\s]+)\s*[:：=]\s*(\S+)$/.exec(item);
    if (!match) {
      errors.push(t('routing.board.badPair', { item, example }));
      continue;
    }
    const [, name, raw] = match;
    if (!NAME.test(name)) {
      errors.push(t('routing.board.badName', { name }));
      continue;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < min || n > max) {
      errors.push(t(rangeKey, { item }));
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(value, name)) {
      errors.push(t('routing.board.duplicate', { name }));
      continue;
    }
    value[name] = n;
  }
  return { value, errors };
}

/** @param {string} text @returns {{value: string[], errors: string[]}} */
export function parseTeams(text) {
  const value = [];
  const errors = [];
  for (const name of items(text)) {
    if (!NAME.test(name)) errors.push(t('routing.board.badName', { name }));
    else if (value.includes(name)) errors.push(t('routing.board.duplicate', { name }));
    else value.push(name);
  }
  return { value, errors };
}

/** The channels an agent has load or capacity on, capacity's first. @param {Agent} agent */
function channelsOf(agent) {
  const names = [...Object.keys(agent.capacity ?? {})];
  for (const ch of Object.keys(agent.load ?? {})) if (!names.includes(ch)) names.push(ch);
  return names;
}

// ------------------------------------------------------------------ styles

const boardStyles = css`
  kefu-routing-board-view { display: block; }
  kefu-routing-board-view .rb-status { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--kf-text-muted); }
  kefu-routing-board-view .rb-section > h2 { font-size: 14px; font-weight: 600; margin: 0 0 8px; }
  kefu-routing-board-view .rb-queues { display: grid; gap: 12px; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); align-items: start; }
  kefu-routing-board-view .rb-queue { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; }
  kefu-routing-board-view .rb-queue-head { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
  kefu-routing-board-view .rb-queue-head h3 { font-size: 15px; margin: 0; margin-right: auto; overflow-wrap: anywhere; }
  kefu-routing-board-view .rb-stats { display: flex; gap: 18px; }
  kefu-routing-board-view .rb-stat { display: flex; flex-direction: column; }
  kefu-routing-board-view .rb-stat-label { font-size: 11.5px; color: var(--kf-text-muted); }
  kefu-routing-board-view .rb-stat-value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; line-height: 1.2; }
  kefu-routing-board-view .rb-stat-value[data-urgency="amber"] { color: var(--kf-amber-fg); }
  kefu-routing-board-view .rb-stat-value[data-urgency="red"] { color: var(--kf-danger); }
  kefu-routing-board-view .rb-waiting { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; max-height: 280px; overflow-y: auto;
    border-top: 1px solid var(--kf-border); }
  kefu-routing-board-view .rb-waiting li { display: flex; align-items: center; gap: 6px; padding: 4px 0; border-bottom: 1px solid var(--kf-border); font-size: 12.5px; }
  kefu-routing-board-view .rb-waiting li:last-child { border-bottom: 0; }
  kefu-routing-board-view .rb-waiting .kf-badge + .kf-badge { margin-left: 0; }
  kefu-routing-board-view .rb-waiting a { color: var(--kf-accent); font-family: var(--kf-font-mono); font-size: 12px; }
  kefu-routing-board-view .rb-waiting a:focus-visible, kefu-routing-board-view .rb-alerts a:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-routing-board-view .rb-wait { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
  kefu-routing-board-view .rb-wait[data-urgency="amber"] { color: var(--kf-amber-fg); }
  kefu-routing-board-view .rb-wait[data-urgency="red"] { color: var(--kf-danger); }
  kefu-routing-board-view .rb-load { display: inline-block; font-variant-numeric: tabular-nums; white-space: nowrap; margin-right: 10px; }
  kefu-routing-board-view .rb-load[data-full] { color: var(--kf-amber-fg); font-weight: 600; }
  kefu-routing-board-view .rb-chips { display: flex; flex-wrap: wrap; gap: 3px; }
  kefu-routing-board-view .rb-chips .kf-badge + .kf-badge { margin-left: 0; }
  kefu-routing-board-view .rb-alerts { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;
    border: 1px solid var(--kf-border); border-radius: var(--kf-radius); background: var(--kf-surface); max-height: 420px; overflow-y: auto; }
  kefu-routing-board-view .rb-alerts li { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; padding: 6px 10px; font-size: 13px;
    border-bottom: 1px solid var(--kf-border); border-left: 3px solid transparent; }
  kefu-routing-board-view .rb-alerts li:last-child { border-bottom: 0; }
  kefu-routing-board-view .rb-alerts li[data-kind="RULE_ERROR"] { border-left-color: var(--kf-danger); background: var(--kf-red-bg); }
  kefu-routing-board-view .rb-alert-message { flex: 1 1 240px; overflow-wrap: anywhere; }
  kefu-routing-board-view .rb-alerts a { color: var(--kf-accent); font-family: var(--kf-font-mono); font-size: 12px; }
  kefu-routing-board-view .rb-dialog form { gap: 10px; }
  kefu-routing-board-view .rb-dialog .kf-input { width: 100%; }
  kefu-routing-board-view .rb-dialog [aria-invalid="true"] { border-color: var(--kf-danger); }
  kefu-routing-board-view .rb-field-error { font-size: 12px; }
`;

// ------------------------------------------------------------------ view

/** `<kefu-routing-board-view>`: queues, agents and alerts for supervisors, live. */
export class KefuRoutingBoardView extends LitElement {
  static properties = {
    board: { state: true },
    error: { state: true },
    updatedAt: { state: true },
    editing: { state: true },
    editErrors: { state: true },
    editError: { state: true },
    saving: { state: true },
  };

  constructor() {
    super();
    /** @type {Board|null} */
    this.board = null;
    /** @type {Error|null} the last poll's failure */
    this.error = null;
    /** @type {number|null} */
    this.updatedAt = null;
    /** @type {Agent|null} the agent whose profile the dialog edits (as it was when the dialog opened) */
    this.editing = null;
    /** @type {Record<string, string[]>} messages by form field */
    this.editErrors = {};
    /** @type {string|null} */
    this.editError = null;
    this.saving = false;
    /** @type {number|undefined} */
    this.timer = undefined;
    /** @type {AbortController|null} */
    this.request = null;
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('data-view', 'kefu.routing.board');
    adoptDocumentStyles(baseStyles, boardStyles);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.poll();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stop();
  }

  // ------------------------------------------------------------ polling

  stop() {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.abort();
    this.request = null;
  }

  /** A hidden tab does not poll; coming back asks at once. */
  onVisibility = () => {
    if (document.hidden) this.stop();
    else if (this.isConnected) void this.poll();
  };

  /** Asks for the board, then schedules the next ask (never two at once). */
  async poll() {
    this.stop();
    if (!this.isConnected || document.hidden) return;
    const request = (this.request = new AbortController());
    let delay = POLL_MS;
    try {
      /** @type {Board} */
      const board = await api(BOARD, { signal: request.signal });
      if (request.signal.aborted) return;
      this.board = board ?? { queues: [], agents: [], alerts: [] };
      this.error = null;
      this.updatedAt = Date.now();
    } catch (err) {
      if (isAbort(err) || request.signal.aborted) return;
      this.error = err instanceof Error ? err : new Error(String(err));
      // Signed out: the shell asks to sign in again and replaces the view; no point asking meanwhile. Refused or not
      // installed: asking again will not help either until someone presses Retry.
      if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404)) return;
      delay = RETRY_MS;
    } finally {
      if (this.request === request) this.request = null;
    }
    if (this.isConnected && !document.hidden) this.timer = window.setTimeout(() => void this.poll(), delay);
  }

  // ---------------------------------------------------------- editing

  /** @param {Agent} agent */
  openEdit(agent) {
    this.editing = agent;
    this.editErrors = {};
    this.editError = null;
  }

  closeEdit() {
    this.editing = null;
    this.editErrors = {};
    this.editError = null;
  }

  /** @param {SubmitEvent} e */
  async saveAgent(e) {
    e.preventDefault();
    const agent = this.editing;
    if (!agent || this.saving) return;
    const data = new FormData(/** @type {HTMLFormElement} */ (e.currentTarget));
    const skills = parsePairs(String(data.get('skills') ?? ''), 1, MAX_SKILL_LEVEL, 'routing.board.badLevel', 'orders:3, refunds:2');
    const teams = parseTeams(String(data.get('teams') ?? ''));
    const capacity = parsePairs(String(data.get('capacity') ?? ''), 0, MAX_CAPACITY, 'routing.board.badCapacity', 'webchat:5, email:10');
    /** @type {Record<string, string[]>} */
    const errors = {};
    if (skills.errors.length) errors.skills = skills.errors;
    if (teams.errors.length) errors.teams = teams.errors;
    if (capacity.errors.length) errors.capacity = capacity.errors;
    this.editErrors = errors;
    if (Object.keys(errors).length) {
      this.editError = t('routing.board.invalid');
      this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('.rb-dialog [aria-invalid="true"]'))?.focus());
      return;
    }
    this.saving = true;
    this.editError = null;
    try {
      /** @type {Agent} */
      const saved = await api(`/api/routing/agents/${enc(agent.userId)}`, {
        method: 'PUT', body: { skills: skills.value, teams: teams.value, capacity: capacity.value },
      });
      const name = saved?.displayName || agent.displayName || agent.userId;
      if (saved && this.board) {
        this.board = { ...this.board, agents: this.board.agents.map((a) => (a.userId === agent.userId ? { ...a, ...saved } : a)) };
      }
      this.closeEdit();
      toast(t('routing.board.saved', { name }), 'success');
    } catch (err) {
      this.editError = errorText(err);
    } finally {
      this.saving = false;
    }
  }

  // ---------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    const dialog = this.querySelector('dialog[data-dialog="agent"]');
    if (dialog instanceof HTMLDialogElement) {
      if (this.editing && !dialog.open) {
        dialog.showModal();
        /** @type {HTMLElement|null} */ (dialog.querySelector('input[name="skills"]'))?.focus();
      } else if (!this.editing && dialog.open) {
        dialog.close();
      }
    }
  }

  render() {
    const board = this.board;
    const error = this.error;
    let body;
    if (!board && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.poll()}>${t('action.retry')}</button></div>`;
    } else if (!board) {
      body = html`<p class="kf-empty" role="status">${t('routing.board.loading')}</p>`;
    } else {
      body = html`${this.renderQueues(board)}${this.renderAgents(board)}${this.renderAlerts(board)}`;
    }
    const queues = Array.isArray(board?.queues) ? board.queues : [];
    const agents = Array.isArray(board?.agents) ? board.agents : [];
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('routing.board.title')}</h1>
        ${board
          ? html`<span class="kf-muted" data-board-summary>${t('routing.board.summary', {
              waiting: queues.reduce((n, q) => n + (Number(q.waiting) || 0), 0),
              online: agents.filter((a) => a.presence === 'ONLINE').length,
              agents: agents.length })}</span>`
          : nothing}
        <span class="rb-status">${this.updatedAt ? html`<span data-updated>${t('routing.board.updated', { time: clock(this.updatedAt) })}</span>` : nothing}
          <button type="button" class="kf-btn kf-btn-small" data-action="refresh" title=${t('action.refresh')} aria-label=${t('action.refresh')}
            @click=${() => void this.poll()}>↻</button></span>
      </div>
      <p class="kf-hint" style="margin: 0">${t('routing.board.intro')}</p>
      ${board && error ? html`<div class="kf-alert kf-alert-error" role="alert" data-stale>${t('routing.board.stale', { message: error.message })}</div>` : nothing}
      ${body}
      <dialog class="kf-dialog rb-dialog" data-dialog="agent" aria-labelledby="rb-edit-title" @close=${() => this.closeEdit()}>${this.renderEdit()}</dialog>
    </div>`;
  }

  /** @param {Board} board */
  renderQueues(board) {
    const queues = Array.isArray(board.queues) ? board.queues : [];
    return html`<section class="rb-section" aria-labelledby="rb-queues-title">
      <h2 id="rb-queues-title">${t('routing.board.queues')}</h2>
      ${queues.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('routing.board.noQueues')}</p>`
        : html`<div class="rb-queues">${repeat(queues, (q) => q.id, (q) => this.renderQueue(q))}</div>`}
    </section>`;
  }

  /** @param {Queue} q */
  renderQueue(q) {
    const waiting = Array.isArray(q.conversations) ? q.conversations : [];
    const name = q.name || q.id;
    const titleId = `rb-queue-${q.id}`;
    return html`<section class="kf-card rb-queue" data-queue=${q.id} aria-labelledby=${titleId}>
      <div class="rb-queue-head">
        <h3 id=${titleId}>${name}</h3>
        ${q.teamId ? html`<span class="kf-badge kf-badge-blue" title=${t('routing.board.team', { team: q.teamId })}>${q.teamId}</span>` : nothing}
      </div>
      <div class="rb-stats">
        <div class="rb-stat"><span class="rb-stat-label">${t('routing.board.waiting')}</span>
          <span class="rb-stat-value" data-waiting=${String(q.waiting ?? 0)}>${q.waiting ?? 0}</span></div>
        <div class="rb-stat"><span class="rb-stat-label">${t('routing.board.longest')}</span>
          <span class="rb-stat-value" data-longest-wait=${String(q.longestWaitSeconds ?? 0)} data-urgency=${waitColor(q.longestWaitSeconds)}>${waitText(q.longestWaitSeconds)}</span></div>
      </div>
      ${waiting.length === 0
        ? html`<p class="kf-muted" style="margin: 0; font-size: 12.5px">${t('routing.board.noneWaiting')}</p>`
        : html`<ol class="rb-waiting" aria-label=${t('routing.board.waitingList', { queue: name })}>
            ${repeat(waiting, (c) => c.conversationId, (c) => html`<li data-waiting-conversation=${c.conversationId}>
              <a href=${`${INBOX_HASH}${enc(c.conversationId)}`} title=${c.conversationId}
                aria-label=${t('routing.board.open', { id: shortId(c.conversationId) })}>${shortId(c.conversationId)}</a>
              <span class="kf-badge kf-badge-gray">${c.channel}</span>
              <span class="kf-badge kf-badge-purple" title=${`${t('routing.board.priority')} ${c.priority}`}
                data-priority=${String(c.priority)}>${t('routing.board.priorityShort', { n: c.priority })}</span>
              <time class="rb-wait" data-urgency=${waitColor(c.waitingSeconds)} datetime=${`PT${Math.max(0, Math.floor(Number(c.waitingSeconds) || 0))}S`}
                title=${c.waitingSince ? formatDateTime(c.waitingSince) : ''}
                aria-label=${t('routing.board.waitedFor', { time: waitText(c.waitingSeconds) })}>${waitText(c.waitingSeconds)}</time>
            </li>`)}
          </ol>`}
    </section>`;
  }

  /** @param {Board} board */
  renderAgents(board) {
    const agents = Array.isArray(board.agents) ? board.agents : [];
    const none = html`<span class="kf-muted">${t('routing.board.none')}</span>`;
    return html`<section class="rb-section" aria-labelledby="rb-agents-title">
      <h2 id="rb-agents-title">${t('routing.board.agents')}</h2>
      ${agents.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('routing.board.noAgents')}</p>`
        : html`<div class="kf-table-wrap"><table class="kf-table" aria-labelledby="rb-agents-title">
            <thead><tr>
              <th scope="col">${t('routing.board.colAgent')}</th>
              <th scope="col">${t('routing.board.colPresence')}</th>
              <th scope="col">${t('routing.board.colLoad')}</th>
              <th scope="col">${t('routing.board.colSkills')}</th>
              <th scope="col">${t('routing.board.colTeams')}</th>
              <th scope="col"><span class="kf-sr-only">${t('routing.board.edit')}</span></th>
            </tr></thead>
            <tbody>${repeat(agents, (a) => a.userId, (a) => {
              const name = a.displayName || a.userId;
              const skills = Object.entries(a.skills ?? {}).sort(([x], [y]) => x.localeCompare(y));
              const teams = Array.isArray(a.teams) ? a.teams : [];
              const channels = channelsOf(a);
              return html`<tr data-agent=${a.userId} data-presence=${a.presence}>
                <td data-agent-name><strong style="font-weight: 600">${name}</strong></td>
                <td class="kf-nowrap"><span class="kf-badge kf-badge-${PRESENCE_COLOR[a.presence] ?? 'gray'}">${label('routing.board.presence.', a.presence)}</span>
                  ${a.presenceSince ? html`<span class="kf-hint" title=${formatDateTime(a.presenceSince)}>${t('routing.board.since', { time: age(a.presenceSince) })}</span>` : nothing}</td>
                <td>${channels.length
                  ? channels.map((ch) => {
                      const load = Number(a.load?.[ch] ?? 0);
                      const cap = Number(a.capacity?.[ch] ?? 0);
                      const full = cap > 0 ? load >= cap : load > 0;
                      return html`<span class="rb-load" data-channel-load=${ch} ?data-full=${full}
                        title=${full ? t('routing.board.full') : ''}>${ch} ${load}/${cap}</span>`;
                    })
                  : none}</td>
                <td><span class="rb-chips">${skills.length
                  ? skills.map(([skill, level]) => html`<span class="kf-badge kf-badge-blue" data-skill=${skill}>${skill} ${level}</span>`)
                  : none}</span></td>
                <td><span class="rb-chips">${teams.length ? teams.map((team) => html`<span class="kf-badge kf-badge-gray" data-team=${team}>${team}</span>`) : none}</span></td>
                <td class="kf-num"><button type="button" class="kf-btn kf-btn-small" data-action="edit-agent"
                  aria-label=${t('routing.board.editLabel', { name })} @click=${() => this.openEdit(a)}>${t('routing.board.edit')}</button></td>
              </tr>`;
            })}</tbody>
          </table></div>`}
    </section>`;
  }

  /** @param {Board} board */
  renderAlerts(board) {
    const alerts = (Array.isArray(board.alerts) ? [...board.alerts] : [])
      .sort((a, b) => (new Date(b.at).getTime() || 0) - (new Date(a.at).getTime() || 0));
    return html`<section class="rb-section" aria-labelledby="rb-alerts-title">
      <h2 id="rb-alerts-title">${t('routing.board.alerts')}</h2>
      ${alerts.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('routing.board.noAlerts')}</p>`
        : html`<ol class="rb-alerts" aria-labelledby="rb-alerts-title">${repeat(alerts, (a) => a.id, (a) => html`<li data-alert=${a.id} data-kind=${a.kind}>
            <time class="kf-muted kf-nowrap" datetime=${a.at ?? ''}>${a.at ? formatDateTime(a.at) : ''}</time>
            <span class="kf-badge kf-badge-${ALERT_COLOR[a.kind] ?? 'gray'}">${label('routing.board.kind.', a.kind)}</span>
            <span class="rb-alert-message ${a.kind === 'RULE_ERROR' ? 'kf-danger-text' : ''}">${a.message}${a.rule
              ? html` <span class="kf-muted">(${t('routing.board.rule', { rule: a.rule })})</span>` : nothing}</span>
            ${a.conversationId
              ? html`<a href=${`${INBOX_HASH}${enc(a.conversationId)}`} title=${a.conversationId}
                  aria-label=${t('routing.board.open', { id: shortId(a.conversationId) })}>${shortId(a.conversationId)}</a>`
              : nothing}
          </li>`)}</ol>`}
    </section>`;
  }

  renderEdit() {
    const agent = this.editing;
    if (!agent) return nothing;
    const name = agent.displayName || agent.userId;
    const errors = this.editErrors;
    /** @param {'skills'|'teams'|'capacity'} field @param {string} value */
    const field = (field, value) => html`<label class="kf-field"><span>${t(`routing.board.${field}`)}</span>
      <input class="kf-input kf-mono" name=${field} autocomplete="off" autocapitalize="none" spellcheck="false" .value=${value}
        aria-invalid=${errors[field] ? 'true' : 'false'}
        aria-describedby=${`rb-${field}-hint${errors[field] ? ` rb-${field}-error` : ''}`}>
      <span class="kf-hint" id=${`rb-${field}-hint`}>${t(`routing.board.${field}Hint`)}</span>
      ${errors[field]
        ? html`<span class="kf-danger-text rb-field-error" id=${`rb-${field}-error`} data-field-error=${field}>${errors[field].map((m) => html`<span style="display: block">${m}</span>`)}</span>`
        : nothing}
    </label>`;
    return html`<form data-form="agent" data-agent=${agent.userId} novalidate @submit=${this.saveAgent}>
      <h2 id="rb-edit-title">${t('routing.board.editTitle', { name })}</h2>
      ${this.editError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.editError}</div>` : nothing}
      ${field('skills', pairsText(agent.skills))}
      ${field('teams', (Array.isArray(agent.teams) ? agent.teams : []).join(', '))}
      ${field('capacity', pairsText(agent.capacity))}
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-action="cancel-edit" @click=${() => this.closeEdit()}>${t('action.cancel')}</button>
        <button type="submit" class="kf-btn kf-btn-primary" data-action="save-agent" ?disabled=${this.saving}>
          ${this.saving ? t('routing.board.saving') : t('routing.board.save')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kefu-routing-board-view', KefuRoutingBoardView);
