// @ts-check
// The work beside the open conversation in the agent's inbox: the guided procedures (SOPs, 处理流程) of kefu.workflow
// and the conversation's tickets of kefu.ticketing. inbox.js shows these elements in its side pane only when the API
// description offers the endpoints, so the inbox works the same without either bundle.
//
//   <kefu-inbox-procedures .conversationId .revision>  suggested SOPs with Start, a menu to start any SOP, and each
//                                                      running procedure's current step: instructions, its form, and
//                                                      "Complete step"; finished procedures below.
//   <kefu-inbox-tickets .conversationId .customerId .subject>
//                                                      the conversation's tickets with status, priority and SLA
//                                                      badges, each linked to the Tickets view; "Create ticket".
//   <kefu-inbox-sop-form .schema .values>              one step's form-js form.
//
// Forms are drawn by the workbench's form-js viewer, /workbench/lib/form-viewer.js, imported on first use: where it
// cannot be loaded, a plain renderer for the common field types stands in, so a step can still be completed.
//
// When an endpoint answers 404 or 403 (bundle removed, no access), an element dispatches `kefu-inbox-withdraw`
// ({feature: 'workflow'|'tickets'}, bubbling) and the inbox hides it.
//
// Plain JavaScript served as it is by the kefu.conversation bundle, like inbox.js; it renders into the light DOM and
// inserts server text (names, instructions, subjects) only through Lit's text bindings or textContent.
import { LitElement, html, css, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  adoptDocumentStyles, api, ApiError, currentUser, formatDateTime, Loader, LocaleController, locale, registerMessages, t, toast,
} from '@kefu/workbench';

/**
 * A user task as kefu.workflow describes it.
 * @typedef {object} Task
 * @property {string} id
 * @property {string} name
 * @property {string} processKey
 * @property {string|null} processName
 * @property {string} processInstanceId
 * @property {string|null} businessKey
 * @property {string|null} assigneeId
 * @property {string[]} [candidateGroups]
 * @property {string|null} instructions the step's BPMN documentation
 * @property {string|null} formId
 * @property {object|null} form the form-js schema, or null
 * @property {Record<string, unknown>} [variables] the values the form starts with
 * @property {string|null} createdAt
 * @property {string|null} dueAt
 */
/**
 * One run of an SOP for the conversation.
 * @typedef {{instanceId: string, key: string, name: string|null, version: number, startedAt: string|null, endedAt: string|null, tasks: Task[]}} Procedure
 */
/** @typedef {{key: string, name: string|null, intent: string|null}} SuggestedSop */
/** @typedef {{key: string, name: string|null, title: string|null, intents: string[]}} SopInfo */
/** @typedef {{id: string, suggested: SuggestedSop[], running: Procedure[], finished: Procedure[]}} ConversationSops */
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
 * @property {string} priority
 * @property {string} status
 * @property {string|null} assigneeId
 * @property {string|null} teamId
 * @property {string|null} updatedAt
 * @property {Sla[]} [sla]
 */
/** @typedef {{message: string, fields: Record<string, string>}} StepError */

// ------------------------------------------------------------------ texts

registerMessages('en', {
  'inbox.sop': 'Procedures',
  'inbox.sop.loading': 'Loading procedures…',
  'inbox.sop.failed': 'Procedures are unavailable: {message}',
  'inbox.sop.suggested': 'Suggested',
  'inbox.sop.forIntent': 'for “{intent}”',
  'inbox.sop.start': 'Start',
  'inbox.sop.startLabel': 'Start the procedure “{name}”',
  'inbox.sop.startAny': 'Start a procedure…',
  'inbox.sop.started': 'Procedure “{name}” started.',
  'inbox.sop.none': 'No procedure is running for this conversation.',
  'inbox.sop.startedAt': 'started {time}',
  'inbox.sop.version': 'version {version}',
  'inbox.sop.step': 'Current step',
  'inbox.sop.assignedTo': 'Assigned to {name}',
  'inbox.sop.you': 'you',
  'inbox.sop.due': 'Due {time}',
  'inbox.sop.complete': 'Complete step',
  'inbox.sop.completing': 'Completing…',
  'inbox.sop.completed': 'Step “{name}” completed.',
  'inbox.sop.checkFields': 'Check the marked fields.',
  'inbox.sop.notCompleted': 'The step was not completed: {message}',
  'inbox.sop.forbidden': 'This step is someone else’s: only they can complete it.',
  'inbox.sop.gone': 'This step is no longer open.',
  'inbox.sop.waiting': 'Preparing the next step…',
  'inbox.sop.formLoading': 'Loading the form…',
  'inbox.sop.formFailed': 'The form could not be shown ({message}); a plain version stands in.',
  'inbox.sop.finished': 'Finished',
  'inbox.sop.finishedAt': 'finished {time}',
  'inbox.sop.earlier': 'Earlier ({count})',
  'inbox.sop.required': 'Required',
  'inbox.sop.notNumber': 'Enter a number',
  'inbox.sop.choose': 'Choose…',

  'inbox.tickets': 'Tickets',
  'inbox.tickets.loading': 'Loading tickets…',
  'inbox.tickets.failed': 'Tickets are unavailable: {message}',
  'inbox.tickets.none': 'No ticket for this conversation.',
  'inbox.tickets.open': 'Open ticket {number} in Tickets',
  'inbox.tickets.create': 'Create ticket',
  'inbox.tickets.createTitle': 'Create a ticket for this conversation',
  'inbox.tickets.subject': 'Subject',
  'inbox.tickets.type': 'Type',
  'inbox.tickets.typeHint': 'For example refund, invoice, complaint.',
  'inbox.tickets.priority': 'Priority',
  'inbox.tickets.description': 'Description',
  'inbox.tickets.descriptionHint': 'Optional: what has to be done, for whoever takes the ticket.',
  'inbox.tickets.submit': 'Create',
  'inbox.tickets.creating': 'Creating…',
  'inbox.tickets.created': 'Ticket {number} created.',
  'inbox.tickets.status.NEW': 'New',
  'inbox.tickets.status.TRIAGE': 'Triage',
  'inbox.tickets.status.ASSIGNED': 'Assigned',
  'inbox.tickets.status.PENDING_CUSTOMER': 'Waiting for customer',
  'inbox.tickets.status.RESOLVED': 'Resolved',
  'inbox.tickets.status.CLOSED': 'Closed',
  'inbox.tickets.priority.LOW': 'Low',
  'inbox.tickets.priority.NORMAL': 'Normal',
  'inbox.tickets.priority.HIGH': 'High',
  'inbox.tickets.priority.URGENT': 'Urgent',
  'inbox.sla.FIRST_RESPONSE': 'First response',
  'inbox.sla.RESOLUTION': 'Resolution',
  'inbox.sla.short.FIRST_RESPONSE': 'FR',
  'inbox.sla.short.RESOLUTION': 'RES',
  'inbox.sla.left': '{time} left',
  'inbox.sla.over': '{time} over',
  'inbox.sla.breached': 'breached',
  'inbox.sla.paused': 'paused',
  'inbox.sla.met': 'met',
  'inbox.sla.title': '{target}: {state}, due {due}',
  'inbox.dur.lessThanMinute': '<1m',
  'inbox.dur.minutes': '{m}m',
  'inbox.dur.hours': '{h}h {m}m',
  'inbox.dur.days': '{d}d {h}h',
});

registerMessages('zh-CN', {
  'inbox.sop': '处理流程',
  'inbox.sop.loading': '正在加载处理流程…',
  'inbox.sop.failed': '处理流程暂不可用：{message}',
  'inbox.sop.suggested': '推荐流程',
  'inbox.sop.forIntent': '匹配意图“{intent}”',
  'inbox.sop.start': '开始',
  'inbox.sop.startLabel': '开始流程“{name}”',
  'inbox.sop.startAny': '开始其他流程…',
  'inbox.sop.started': '已开始流程“{name}”。',
  'inbox.sop.none': '此会话没有进行中的流程。',
  'inbox.sop.startedAt': '开始于 {time}',
  'inbox.sop.version': '第 {version} 版',
  'inbox.sop.step': '当前步骤',
  'inbox.sop.assignedTo': '处理人：{name}',
  'inbox.sop.you': '你',
  'inbox.sop.due': '截止 {time}',
  'inbox.sop.complete': '完成此步骤',
  'inbox.sop.completing': '正在提交…',
  'inbox.sop.completed': '步骤“{name}”已完成。',
  'inbox.sop.checkFields': '请检查标出的字段。',
  'inbox.sop.notCompleted': '步骤未完成：{message}',
  'inbox.sop.forbidden': '此步骤属于其他人，只有其处理人可以完成。',
  'inbox.sop.gone': '此步骤已不再开放。',
  'inbox.sop.waiting': '正在准备下一步…',
  'inbox.sop.formLoading': '正在加载表单…',
  'inbox.sop.formFailed': '无法显示表单（{message}），已改用简易表单。',
  'inbox.sop.finished': '已完成',
  'inbox.sop.finishedAt': '完成于 {time}',
  'inbox.sop.earlier': '更早的流程（{count}）',
  'inbox.sop.required': '必填',
  'inbox.sop.notNumber': '请输入数字',
  'inbox.sop.choose': '请选择…',

  'inbox.tickets': '工单',
  'inbox.tickets.loading': '正在加载工单…',
  'inbox.tickets.failed': '工单暂不可用：{message}',
  'inbox.tickets.none': '此会话没有关联的工单。',
  'inbox.tickets.open': '在工单视图中打开工单 {number}',
  'inbox.tickets.create': '创建工单',
  'inbox.tickets.createTitle': '为此会话创建工单',
  'inbox.tickets.subject': '主题',
  'inbox.tickets.type': '类型',
  'inbox.tickets.typeHint': '例如 refund（退款）、invoice（发票）、complaint（投诉）。',
  'inbox.tickets.priority': '优先级',
  'inbox.tickets.description': '描述',
  'inbox.tickets.descriptionHint': '可选：写明需要做什么，方便接手的同事处理。',
  'inbox.tickets.submit': '创建',
  'inbox.tickets.creating': '正在创建…',
  'inbox.tickets.created': '已创建工单 {number}。',
  'inbox.tickets.status.NEW': '新建',
  'inbox.tickets.status.TRIAGE': '分诊中',
  'inbox.tickets.status.ASSIGNED': '已分配',
  'inbox.tickets.status.PENDING_CUSTOMER': '等待客户',
  'inbox.tickets.status.RESOLVED': '已解决',
  'inbox.tickets.status.CLOSED': '已关闭',
  'inbox.tickets.priority.LOW': '低',
  'inbox.tickets.priority.NORMAL': '普通',
  'inbox.tickets.priority.HIGH': '高',
  'inbox.tickets.priority.URGENT': '紧急',
  'inbox.sla.FIRST_RESPONSE': '首次响应',
  'inbox.sla.RESOLUTION': '解决时限',
  'inbox.sla.short.FIRST_RESPONSE': '首响',
  'inbox.sla.short.RESOLUTION': '解决',
  'inbox.sla.left': '剩余 {time}',
  'inbox.sla.over': '超时 {time}',
  'inbox.sla.breached': '已超时',
  'inbox.sla.paused': '已暂停',
  'inbox.sla.met': '已达成',
  'inbox.sla.title': '{target}：{state}，截止 {due}',
  'inbox.dur.lessThanMinute': '不到 1 分钟',
  'inbox.dur.minutes': '{m} 分钟',
  'inbox.dur.hours': '{h} 小时 {m} 分',
  'inbox.dur.days': '{d} 天 {h} 小时',
});

// ---------------------------------------------------------------- helpers

const FORM_VIEWER_URL = '/workbench/lib/form-viewer.js';
/** The element the Tickets view defines; its view id is looked up in the shell's list of views. */
const TICKETS_ELEMENT = 'kefu-ticketing-tickets-view';
const CATALOG_MS = 5 * 60_000;
/** A step that runs in the background (a service task) comes before the next person's step: look again a few times. */
const NEXT_STEP_RETRY_MS = [800, 2000, 5000];
const REVISION_DEBOUNCE_MS = 600;
/** How long a step's form keeps its height after its button is pressed (see holdForm). */
const HOLD_MS = 700;
const SLA_CLOCK_MS = 30_000;
const FINISHED_SHOWN = 3;
const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
const TICKET_TYPES = ['question', 'refund', 'return', 'invoice', 'complaint', 'technical'];
const LAST_TYPE_KEY = 'kefu.inbox.ticketType';
const STATUS_COLOR = { NEW: 'blue', TRIAGE: 'purple', ASSIGNED: 'blue', PENDING_CUSTOMER: 'amber', RESOLVED: 'green', CLOSED: 'gray' };
const PRIORITY_COLOR = { LOW: 'gray', NORMAL: 'blue', HIGH: 'amber', URGENT: 'red' };

function enc(id) {
  return encodeURIComponent(String(id));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function sameId(a, b) {
  return a !== null && a !== undefined && b !== null && b !== undefined && String(a) === String(b);
}

function isMissing(e) {
  return e instanceof ApiError && (e.status === 404 || e.status === 403);
}

/** Translates `prefix + value`, falling back to the raw value for codes the catalog does not know. */
function label(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = prefix + value;
  const text = t(key);
  return text === key ? String(value) : text;
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

/** "2h 05m", "3d 4h", "12m": how long, for SLA badges. */
export function durationText(ms) {
  const minutes = Math.floor(Math.abs(Number(ms) || 0) / 60000);
  if (minutes < 1) return t('inbox.dur.lessThanMinute');
  if (minutes < 60) return t('inbox.dur.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('inbox.dur.hours', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('inbox.dur.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * What an SLA badge shows at `now`: its colour and text. A RUNNING target whose time ran out shows red at once (the
 * server marks it BREACHED a moment later); one past its warning time shows amber.
 * @param {Sla} sla @param {number} now
 * @returns {{color: string, text: string, state: string}}
 */
export function slaBadge(sla, now) {
  const due = sla?.dueAt ? Date.parse(sla.dueAt) : NaN;
  const warn = sla?.warnAt ? Date.parse(sla.warnAt) : NaN;
  const remaining = Number.isFinite(due) ? due - now : Number(sla?.remainingMillis);
  switch (sla?.state) {
    case 'MET':
      return { color: 'green', text: t('inbox.sla.met'), state: 'MET' };
    case 'BREACHED':
      return { color: 'red', text: Number.isFinite(remaining) ? t('inbox.sla.over', { time: durationText(remaining) }) : t('inbox.sla.breached'), state: 'BREACHED' };
    case 'PAUSED': {
      const left = Number(sla.remainingMillis);
      return { color: 'gray', text: Number.isFinite(left) ? `${t('inbox.sla.paused')} · ${t('inbox.sla.left', { time: durationText(left) })}` : t('inbox.sla.paused'), state: 'PAUSED' };
    }
    default: {
      if (!Number.isFinite(remaining)) return { color: 'blue', text: label('inbox.sla.', sla?.state ?? ''), state: sla?.state ?? '' };
      if (remaining < 0) return { color: 'red', text: t('inbox.sla.over', { time: durationText(remaining) }), state: 'BREACHED' };
      const warned = sla.state === 'WARNED' || (Number.isFinite(warn) && now >= warn);
      return { color: warned ? 'amber' : 'blue', text: t('inbox.sla.left', { time: durationText(remaining) }), state: warned ? 'WARNED' : 'RUNNING' };
    }
  }
}

/** One badge per SLA target, e.g. "FR 12m left" in amber. @param {Sla[]|undefined} slas @param {number} now */
function slaBadges(slas, now) {
  return list(slas).map((sla) => {
    const view = slaBadge(sla, now);
    const target = label('inbox.sla.', sla.target);
    return html`<span class="kf-badge kf-badge-${view.color}" data-test="ticket-sla" data-target=${sla.target ?? ''}
        data-state=${view.state} title=${t('inbox.sla.title', { target, state: view.text, due: sla.dueAt ? formatDateTime(sla.dueAt) : '—' })}>${label('inbox.sla.short.', sla.target)} ${view.text}</span>`;
  });
}

function readStorage(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered then.
  }
}

/** Tells the inbox that a feature's endpoints are gone or closed to this user. @param {HTMLElement} el @param {string} feature */
function withdraw(el, feature) {
  el.dispatchEvent(new CustomEvent('kefu-inbox-withdraw', { detail: { feature }, bubbles: true }));
}

// ------------------------------------------------------- shared look-ups

/** @type {{at: number, items: SopInfo[]}|null} */
let catalogCache = null;
/** @type {Promise<SopInfo[]>|null} */
let catalogRequest = null;

/** The SOPs that can be started (GET /api/workflow/sops), shared by every panel for a few minutes. */
function sopCatalog(force = false) {
  if (!force && catalogCache && Date.now() - catalogCache.at < CATALOG_MS) return Promise.resolve(catalogCache.items);
  if (catalogRequest) return catalogRequest;
  catalogRequest = api('/api/workflow/sops')
    .then((answer) => {
      const items = list(answer).filter((s) => s && typeof s.key === 'string');
      catalogCache = { at: Date.now(), items };
      return items;
    })
    .finally(() => { catalogRequest = null; });
  return catalogRequest;
}

/** @type {{at: number, id: string|null}|null} */
let ticketsViewCache = null;

/** The Tickets view's id in the shell's navigation, or null when this user has no such view. */
async function ticketsViewId() {
  if (ticketsViewCache && Date.now() - ticketsViewCache.at < CATALOG_MS) return ticketsViewCache.id;
  let id = null;
  try {
    const views = await api('/api/workbench/views');
    const view = list(views).find((v) => v && v.element === TICKETS_ELEMENT);
    id = view && typeof view.id === 'string' ? view.id : null;
  } catch {
    id = null;
  }
  ticketsViewCache = { at: Date.now(), id };
  return id;
}

/** The link that opens a ticket in the Tickets view (`#/view/<id>/t/<ticket>`; the shell leaves the rest to the view). */
function ticketHref(viewId, ticketId) {
  return `#/view/${encodeURIComponent(viewId)}/t/${enc(ticketId)}`;
}

// ------------------------------------------------------------ forms

/** @type {Promise<any>|null} */
let viewerModule = null;
let viewerStyled = false;

/** The form-js viewer module, or null when it cannot be loaded (then the plain renderer draws forms). */
function formViewer() {
  viewerModule ??= import(/* @vite-ignore */ FORM_VIEWER_URL).catch((e) => {
    console.warn(`Kefu inbox: ${FORM_VIEWER_URL} is not available; forms use the plain renderer`, e);
    return null;
  });
  return viewerModule;
}

/** The inbox lives in the light DOM: the viewer's styles go to the document, once. */
function styleViewer(mod) {
  if (viewerStyled || !mod) return;
  viewerStyled = true;
  try {
    if (typeof mod.adoptStyles === 'function') mod.adoptStyles(document);
  } catch (e) {
    console.warn('Kefu inbox: the form styles could not be applied', e);
  }
}

/** Every field of a form-js schema, groups and dynamic lists flattened. @returns {any[]} */
export function formFields(schema) {
  const out = [];
  const walk = (components) => {
    for (const c of list(components)) {
      if (!c || typeof c !== 'object') continue;
      out.push(c);
      if (Array.isArray(c.components)) walk(c.components);
    }
  };
  walk(schema?.components);
  return out;
}

/** The label of a form field by its key, for messages about it. */
function fieldLabel(schema, key) {
  const field = formFields(schema).find((c) => c.key === key);
  return (field && (field.label || field.text)) || key;
}

const INPUT_TYPES = new Set(['textfield', 'number', 'textarea', 'checkbox', 'checklist', 'radio', 'select', 'taglist', 'datetime']);
const SKIPPED_TYPES = new Set(['button', 'spacer', 'separator', 'image', 'html', 'iframe', 'table', 'default', 'group', 'dynamiclist']);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name in node && name !== 'list') /** @type {any} */ (node)[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter(Boolean));
  return node;
}

let plainFormCounter = 0;

/**
 * Draws the common form-js fields as plain inputs: what stands in for the viewer when it cannot be loaded. The
 * answer has the viewer's shape: `submit()` gives `{data, errors}`, `showErrors({key: message})` marks fields and
 * returns the keys no field has.
 * @param {HTMLElement} container @param {any} schema @param {Record<string, unknown>} data
 */
export function renderPlainForm(container, schema, data) {
  const prefix = `ib-pf-${++plainFormCounter}`;
  const form = el('div', { className: 'ib-plain-form' });
  /** @type {{field: any, read: () => unknown, error: HTMLElement, input: HTMLElement}[]} */
  const controls = [];
  formFields(schema).forEach((field, index) => {
    const type = String(field.type ?? '');
    if (type === 'text') {
      if (field.text) form.append(el('p', { className: 'ib-pf-text', text: String(field.text) }));
      return;
    }
    if (!field.key || SKIPPED_TYPES.has(type) || field.hidden === true) return;
    const id = `${prefix}-${index}`;
    const required = field.validate?.required === true;
    const initial = Object.prototype.hasOwnProperty.call(data ?? {}, field.key) ? data[field.key] : field.defaultValue;
    const values = list(field.values).filter((v) => v && v.value !== undefined);
    const caption = `${field.label || field.key}${required ? ' *' : ''}`;
    const error = el('div', { className: 'ib-pf-error', id: `${id}-error`, role: 'alert' });
    const wrap = el('div', { className: 'ib-pf-field', 'data-field-key': field.key });
    /** @type {HTMLElement} */
    let input;
    /** @type {() => unknown} */
    let read;
    if (type === 'checkbox') {
      const box = el('input', { type: 'checkbox', id, checked: initial === true, disabled: field.disabled === true || field.readonly === true });
      input = box;
      read = () => /** @type {HTMLInputElement} */ (box).checked;
      wrap.append(el('label', { className: 'kf-check', htmlFor: id }, box, document.createTextNode(caption)));
    } else if (type === 'radio' || type === 'checklist') {
      const many = type === 'checklist';
      const chosen = many ? list(initial).map(String) : [String(initial ?? '')];
      const boxes = values.map((v, i) => el('input', {
        type: many ? 'checkbox' : 'radio', name: id, id: `${id}-${i}`, value: String(v.value), checked: chosen.includes(String(v.value)),
      }));
      input = el('fieldset', { className: 'ib-pf-group', id }, el('legend', { text: caption }),
        ...boxes.map((box, i) => el('label', { className: 'kf-check' }, box, document.createTextNode(String(values[i].label ?? values[i].value)))));
      read = () => {
        const picked = boxes.filter((b) => /** @type {HTMLInputElement} */ (b).checked).map((b) => values[boxes.indexOf(b)].value);
        return many ? picked : (picked.length ? picked[0] : null);
      };
      wrap.append(input);
    } else {
      if (type === 'select') {
        input = el('select', { className: 'kf-input', id },
          el('option', { value: '', text: t('inbox.sop.choose') }),
          ...values.map((v) => el('option', { value: String(v.value), text: String(v.label ?? v.value), selected: String(v.value) === String(initial ?? '') })));
        read = () => {
          const chosen = /** @type {HTMLSelectElement} */ (input).value;
          const match = values.find((v) => String(v.value) === chosen);
          return match ? match.value : null;
        };
      } else if (type === 'textarea') {
        input = el('textarea', { className: 'kf-input', id, rows: 3, value: initial === undefined || initial === null ? '' : String(initial) });
        read = () => /** @type {HTMLTextAreaElement} */ (input).value;
      } else {
        const kind = type === 'number' ? 'number' : type === 'datetime' ? (field.subtype === 'datetime' ? 'datetime-local' : field.subtype === 'time' ? 'time' : 'date') : 'text';
        const shown = type === 'taglist' ? list(initial).join(', ') : initial === undefined || initial === null ? '' : String(initial);
        input = el('input', { className: 'kf-input', id, type: kind, value: shown, step: kind === 'number' ? 'any' : undefined });
        read = () => {
          const raw = /** @type {HTMLInputElement} */ (input).value;
          if (type === 'number') return raw.trim() === '' ? null : Number(raw);
          if (type === 'taglist') return raw.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
          return raw;
        };
      }
      if (field.disabled === true || field.readonly === true) input.setAttribute('disabled', '');
      wrap.append(el('label', { htmlFor: id, className: 'ib-pf-label', text: caption }), input);
    }
    input.setAttribute('aria-describedby', `${id}-error`);
    if (field.description) wrap.append(el('div', { className: 'kf-hint', text: String(field.description) }));
    wrap.append(error);
    form.append(wrap);
    controls.push({ field, read, error, input });
  });
  container.replaceChildren(form);

  /** @param {Record<string, string>} errors @returns {string[]} the keys of no field here */
  const showErrors = (errors) => {
    for (const c of controls) {
      const message = errors?.[c.field.key];
      c.error.textContent = message ? String(message) : '';
      if (message) c.input.setAttribute('aria-invalid', 'true');
      else c.input.removeAttribute('aria-invalid');
    }
    return Object.keys(errors ?? {}).filter((key) => !controls.some((c) => c.field.key === key));
  };
  return {
    form: null,
    submit() {
      /** @type {Record<string, unknown>} */
      const values = {};
      /** @type {Record<string, string>} */
      const errors = {};
      for (const c of controls) {
        const value = c.read();
        if (c.field.disabled === true || c.field.readonly === true) continue;
        values[c.field.key] = value;
        const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || value === false;
        if (c.field.validate?.required === true && empty && c.field.type !== 'checkbox') errors[c.field.key] = t('inbox.sop.required');
        else if (c.field.validate?.required === true && c.field.type === 'checkbox' && value !== true) errors[c.field.key] = t('inbox.sop.required');
        else if (c.field.type === 'number' && typeof value === 'number' && Number.isNaN(value)) errors[c.field.key] = t('inbox.sop.notNumber');
      }
      showErrors(errors);
      return { data: values, errors };
    },
    showErrors,
    destroy() {
      container.replaceChildren();
    },
  };
}

/**
 * `<kefu-inbox-sop-form>`: one step's form. It draws the form when connected (with the viewer, else the plain
 * renderer) and keeps what the agent typed while the panel re-renders; a new schema draws it afresh.
 */
class KefuInboxSopForm extends HTMLElement {
  constructor() {
    super();
    /** @type {any} */
    this._schema = null;
    /** @type {Record<string, unknown>} */
    this.values = {};
    /** @type {any} the renderer's answer: {submit(), showErrors(), destroy()} */
    this.handle = null;
    this.drawn = '';
    this.token = 0;
  }

  get schema() {
    return this._schema;
  }

  set schema(value) {
    this._schema = value ?? null;
    if (this.isConnected) void this.draw();
  }

  connectedCallback() {
    void this.draw();
  }

  disconnectedCallback() {
    this.token++;
    this.teardown();
    this.drawn = '';
  }

  teardown() {
    try {
      this.handle?.destroy?.();
    } catch {
      // A viewer that fails to clean up must not break the panel.
    }
    this.handle = null;
  }

  /** Whether the form can be read (drawn, not loading). */
  get ready() {
    return this.handle !== null;
  }

  async draw() {
    const key = JSON.stringify(this._schema);
    if (key === this.drawn) return;
    const token = ++this.token;
    this.teardown();
    this.drawn = key;
    if (!this._schema) {
      this.replaceChildren();
      return;
    }
    this.replaceChildren(el('p', { className: 'kf-hint', role: 'status', text: t('inbox.sop.formLoading') }));
    const mod = await formViewer();
    if (token !== this.token || !this.isConnected) return;
    const box = el('div', { className: 'ib-sop-form-box' });
    this.replaceChildren(box);
    const values = { ...(this.values ?? {}) };
    if (mod && typeof mod.renderForm === 'function') {
      try {
        styleViewer(mod);
        const handle = await mod.renderForm(box, this._schema, values);
        if (token !== this.token || !this.isConnected) {
          handle?.destroy?.();
          return;
        }
        this.handle = handle;
        return;
      } catch (e) {
        console.warn('Kefu inbox: the form viewer could not draw this form', e);
        if (token !== this.token) return;
        box.replaceChildren();
        this.prepend(el('p', { className: 'kf-hint', text: t('inbox.sop.formFailed', { message: errorText(e) }) }));
      }
    }
    this.handle = renderPlainForm(box, this._schema, values);
  }

  /** The values and the form's own problems, or null while the form is still being drawn. @returns {{data: Record<string, unknown>, errors: Record<string, unknown>}|null} */
  collect() {
    if (!this.handle) return null;
    const answer = this.handle.submit();
    const errors = answer?.errors ?? {};
    return { data: answer?.data ?? {}, errors: errors && typeof errors === 'object' ? errors : {} };
  }

  /** Shows the server's reasons under the fields they are about. @param {Record<string, string>} fieldErrors */
  showErrors(fieldErrors) {
    try {
      this.handle?.showErrors?.(fieldErrors);
    } catch (e) {
      console.warn('Kefu inbox: the form could not mark its fields', e);
    }
  }
}

if (!customElements.get('kefu-inbox-sop-form')) customElements.define('kefu-inbox-sop-form', KefuInboxSopForm);

// ------------------------------------------------------------------ styles

const workStyles = css`
  kefu-inbox-procedures, kefu-inbox-tickets { display: block; }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .ib-work {
    padding: 12px 14px; display: flex; flex-direction: column; gap: 10px; font-size: 13px; border-bottom: 1px solid var(--kf-border);
  }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .ib-work-head { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .ib-work h3 {
    font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0; font-weight: 600;
  }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .ib-work h4 { font-size: 12px; color: var(--kf-text-muted); margin: 0 0 4px; font-weight: 600; }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .ib-work-head select { font-size: 12px; padding: 2px 6px; max-width: 100%; margin-left: auto; }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) .kf-badge + .kf-badge { margin-left: 0; }
  :is(kefu-inbox-procedures, kefu-inbox-tickets) p { margin: 0; }
  kefu-inbox-procedures .ib-sop-suggestions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  kefu-inbox-procedures .ib-sop-suggestion {
    display: flex; align-items: center; gap: 6px; padding: 5px 8px; border: 1px dashed var(--kf-accent); border-radius: var(--kf-radius);
    background: var(--kf-accent-soft);
  }
  kefu-inbox-procedures .ib-sop-suggestion-name { font-weight: 600; overflow-wrap: anywhere; }
  kefu-inbox-procedures .ib-sop-suggestion .kf-btn { margin-left: auto; }
  kefu-inbox-procedures .ib-sop-proc { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); background: var(--kf-surface); }
  kefu-inbox-procedures .ib-sop-proc-head {
    display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; padding: 6px 8px; border-bottom: 1px solid var(--kf-border);
    background: var(--kf-surface-alt); border-radius: var(--kf-radius) var(--kf-radius) 0 0;
  }
  kefu-inbox-procedures .ib-sop-proc-name { font-weight: 600; overflow-wrap: anywhere; }
  kefu-inbox-procedures .ib-sop-step { padding: 8px; display: flex; flex-direction: column; gap: 8px; }
  kefu-inbox-procedures .ib-sop-step + .ib-sop-step { border-top: 1px solid var(--kf-border); }
  kefu-inbox-procedures .ib-sop-step-name { font-size: 13.5px; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
  kefu-inbox-procedures .ib-sop-step-name:focus { outline: none; }
  kefu-inbox-procedures .ib-sop-instructions {
    white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; padding: 6px 8px; border-left: 3px solid var(--kf-accent);
    background: var(--kf-accent-soft); border-radius: 0 var(--kf-radius) var(--kf-radius) 0;
  }
  kefu-inbox-procedures .ib-sop-errors { margin: 4px 0 0; padding-left: 18px; }
  kefu-inbox-procedures .ib-sop-actions { display: flex; align-items: center; gap: 8px; }
  kefu-inbox-procedures .ib-sop-waiting { padding: 8px; color: var(--kf-text-muted); font-style: italic; }
  kefu-inbox-procedures .ib-sop-finished { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 3px; }
  kefu-inbox-procedures .ib-sop-finished li { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
  kefu-inbox-procedures .ib-sop-finished .ib-sop-check { color: var(--kf-green-fg); font-weight: 700; }
  kefu-inbox-procedures details > summary { cursor: pointer; font-size: 12px; color: var(--kf-text-muted); }
  kefu-inbox-sop-form { display: block; min-width: 0; }
  kefu-inbox-sop-form .ib-plain-form { display: flex; flex-direction: column; gap: 8px; }
  kefu-inbox-sop-form .ib-pf-field { display: flex; flex-direction: column; gap: 3px; }
  kefu-inbox-sop-form .ib-pf-label, kefu-inbox-sop-form legend { font-weight: 500; font-size: 12.5px; }
  kefu-inbox-sop-form .ib-pf-group { border: 0; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 3px; }
  kefu-inbox-sop-form .ib-pf-error:empty { display: none; }
  kefu-inbox-sop-form .ib-pf-error, kefu-inbox-sop-form .ib-sop-server-error { color: var(--kf-danger); font-size: 12px; }
  kefu-inbox-sop-form [aria-invalid="true"] { border-color: var(--kf-danger); }
  kefu-inbox-sop-form .ib-pf-text { white-space: pre-wrap; overflow-wrap: anywhere; }
  kefu-inbox-sop-form .fjs-container { font-size: 13px; }
  /* The side pane is narrow: the viewer's page margins (2rem each side on wide screens) would take a third of it. */
  kefu-inbox-sop-form .fjs-container .fjs-form > .fjs-element > .cds--grid { padding-inline: 0; }
  kefu-inbox-sop-form .fjs-container .fjs-form-field:not(.fjs-powered-by) { margin: 2px 0; }
  kefu-inbox-tickets .ib-tickets { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
  kefu-inbox-tickets .ib-ticket { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 5px 8px; display: flex; flex-direction: column; gap: 3px; }
  kefu-inbox-tickets .ib-ticket-title { display: flex; gap: 6px; align-items: baseline; }
  kefu-inbox-tickets .ib-ticket-number { font-family: var(--kf-font-mono); font-size: 12px; color: var(--kf-text-muted); white-space: nowrap; }
  kefu-inbox-tickets .ib-ticket-subject { font-weight: 600; overflow-wrap: anywhere; }
  kefu-inbox-tickets a.ib-ticket-subject { color: var(--kf-accent); text-decoration: none; }
  kefu-inbox-tickets a.ib-ticket-subject:hover { text-decoration: underline; }
  kefu-inbox-tickets .ib-ticket-badges { display: flex; gap: 3px; flex-wrap: wrap; }
  kefu-inbox-tickets .ib-ticket-dialog .kf-input { width: 100%; }
  kefu-inbox-tickets .ib-ticket-dialog textarea { resize: vertical; min-height: 70px; }
`;

// -------------------------------------------------------------- procedures

/**
 * `<kefu-inbox-procedures>`: the guided procedures of the open conversation. Set `conversationId`; a new
 * `revision` (the inbox passes the number of messages) asks again, since what the customer writes may suggest others.
 */
export class KefuInboxProcedures extends LitElement {
  static properties = {
    conversationId: { attribute: false },
    revision: { attribute: false },
    agentName: { attribute: false },
    catalog: { state: true },
    starting: { state: true },
    completing: { state: true },
    stepErrors: { state: true },
  };

  constructor() {
    super();
    /** @type {string|null} */
    this.conversationId = null;
    this.revision = 0;
    /** How to name a user id (the inbox knows its agents). @type {(id: string) => string} */
    this.agentName = (id) => String(id);
    /** @type {SopInfo[]} */
    this.catalog = catalogCache?.items ?? [];
    /** @type {string|null} the key being started */
    this.starting = null;
    /** @type {string|null} the task being completed */
    this.completing = null;
    /** @type {Record<string, StepError>} by task id */
    this.stepErrors = {};
    /** @type {Record<string, number|undefined>} */
    this.timers = {};
    this.nextStepTries = 0;
    /** A step to bring into view once it is drawn. @type {string|null} */
    this.focusInstance = null;
    /** @type {Loader<ConversationSops|null, string|null>} */
    this.sops = new Loader(this, async (signal, id) => {
      if (!id) return null;
      /** @type {any} */
      const answer = await api(`/api/workflow/conversations/${enc(id)}/sops`, { signal });
      return { id, suggested: list(answer?.suggested), running: list(answer?.running), finished: list(answer?.finished) };
    }, { arg: null, loadOnConnect: false });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    adoptDocumentStyles(workStyles);
    void this.loadCatalog();
    // The first update loads (conversationId changes); a panel moved within the page loads again here.
    if (this.hasUpdated && this.conversationId) void this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    for (const timer of Object.values(this.timers)) window.clearTimeout(timer);
    this.timers = {};
  }

  willUpdate(changed) {
    if (changed.has('conversationId') && this.isConnected) {
      this.stepErrors = {};
      this.nextStepTries = 0;
      window.clearTimeout(this.timers.next);
      void this.refresh();
    } else if (changed.has('revision') && changed.get('revision') !== undefined && this.conversationId) {
      window.clearTimeout(this.timers.revision);
      this.timers.revision = window.setTimeout(() => void this.refresh(), REVISION_DEBOUNCE_MS);
    }
  }

  async loadCatalog(force = false) {
    try {
      this.catalog = await sopCatalog(force);
    } catch (e) {
      if (isMissing(e)) withdraw(this, 'workflow');
      // Otherwise the menu stays empty; the suggestions still work.
    }
  }

  async refresh() {
    const id = this.conversationId;
    await this.sops.load(id);
    if (!sameId(id, this.conversationId)) return;
    if (isMissing(this.sops.error)) {
      withdraw(this, 'workflow');
      return;
    }
    const value = this.current;
    // A procedure between two people's steps (a background step runs) has no open task yet: look again shortly.
    if (value && value.running.some((p) => list(p.tasks).length === 0) && this.nextStepTries < NEXT_STEP_RETRY_MS.length) {
      const delay = NEXT_STEP_RETRY_MS[this.nextStepTries++];
      window.clearTimeout(this.timers.next);
      this.timers.next = window.setTimeout(() => { if (sameId(id, this.conversationId)) void this.refresh(); }, delay);
    }
  }

  /** @returns {ConversationSops|null} the answer for the conversation shown */
  get current() {
    const value = this.sops.value;
    return value && sameId(value.id, this.conversationId) ? value : null;
  }

  /** An SOP's name in the active language: its Chinese title in Chinese when it has one. */
  sopName(key, name) {
    const info = this.catalog.find((s) => s.key === key);
    if (locale() === 'zh-CN' && info?.title) return info.title;
    return name || info?.name || key;
  }

  /** @param {string} key @param {string} name */
  async start(key, name) {
    const id = this.conversationId;
    if (!id || !key || this.starting) return;
    this.starting = key;
    try {
      /** @type {Procedure|undefined} */
      const procedure = await api(`/api/workflow/conversations/${enc(id)}/sops`, { method: 'POST', body: { key } });
      toast(t('inbox.sop.started', { name: this.sopName(key, procedure?.name ?? name) }), 'success');
      const value = this.current;
      if (procedure && value && sameId(value.id, id) && !value.running.some((p) => sameId(p.instanceId, procedure.instanceId))) {
        this.sops.value = { ...value, running: [...value.running, procedure] };
      }
      this.focusInstance = procedure?.instanceId ?? null;
      this.nextStepTries = 0;
      await this.refresh();
    } catch (e) {
      toast(errorText(e), 'error');
      if (e instanceof ApiError && e.status === 404) void this.loadCatalog(true);
    } finally {
      this.starting = null;
    }
  }

  /** @param {HTMLSelectElement} select */
  startFromMenu(select) {
    const key = select.value;
    // The select is a menu: it goes back to its prompt whatever happens next.
    select.value = '';
    const info = this.catalog.find((s) => s.key === key);
    if (key) void this.start(key, info?.name ?? key);
  }

  /** @param {Task} task @param {Procedure} procedure */
  async complete(task, procedure) {
    if (this.completing) return;
    const form = /** @type {KefuInboxSopForm|null} */ (this.querySelector(`kefu-inbox-sop-form[data-task-id="${CSS.escape(String(task.id))}"]`));
    /** @type {Record<string, unknown>} */
    let values = {};
    if (form) {
      const answer = form.collect();
      if (!answer) return; // still drawing
      if (Object.keys(answer.errors).length > 0) {
        this.setStepError(task.id, { message: t('inbox.sop.checkFields'), fields: {} });
        return;
      }
      values = answer.data;
    }
    this.completing = task.id;
    this.setStepError(task.id, null);
    try {
      await api(`/api/workflow/tasks/${enc(task.id)}/complete`, { method: 'POST', body: { values } });
      toast(t('inbox.sop.completed', { name: task.name }), 'success');
      this.focusInstance = procedure.instanceId;
      this.nextStepTries = 0;
      await this.refresh();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) {
        const body = /** @type {any} */ (e.body);
        /** @type {Record<string, string>} */
        const fields = {};
        for (const [key, reason] of Object.entries(body?.fieldErrors ?? {})) fields[key] = String(reason);
        this.setStepError(task.id, { message: t('inbox.sop.notCompleted', { message: e.message }), fields });
        form?.showErrors(fields);
      } else if (e instanceof ApiError && e.status === 403) {
        toast(t('inbox.sop.forbidden'), 'error');
      } else if (e instanceof ApiError && e.status === 404) {
        toast(t('inbox.sop.gone'), 'error');
        void this.refresh();
      } else {
        toast(errorText(e), 'error');
      }
    } finally {
      this.completing = null;
    }
  }

  /**
   * Keeps a step's form at its height while its button is pressed: pressing moves the focus out of a field, the form
   * then checks that field again and may drop a message under it, and the button would move away before the press
   * ends, losing the click.
   * @param {string} taskId
   */
  holdForm(taskId) {
    const form = /** @type {HTMLElement|null} */ (this.querySelector(`kefu-inbox-sop-form[data-task-id="${CSS.escape(String(taskId))}"]`));
    if (!form) return;
    form.style.minHeight = `${form.offsetHeight}px`;
    window.clearTimeout(this.timers.hold);
    this.timers.hold = window.setTimeout(() => { form.style.minHeight = ''; }, HOLD_MS);
  }

  /** @param {string} taskId @param {StepError|null} error */
  setStepError(taskId, error) {
    const next = { ...this.stepErrors };
    if (error) next[taskId] = error;
    else delete next[taskId];
    this.stepErrors = next;
  }

  updated(changed) {
    super.updated?.(changed);
    if (!this.focusInstance) return;
    const proc = this.current?.running.find((p) => sameId(p.instanceId, this.focusInstance));
    const task = proc ? list(proc.tasks)[0] : null;
    if (!task) {
      if (!proc) this.focusInstance = null;
      return;
    }
    this.focusInstance = null;
    const heading = /** @type {HTMLElement|null} */ (this.querySelector(`[data-test="sop-step"][data-task-id="${CSS.escape(String(task.id))}"] .ib-sop-step-name`));
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'nearest' });
  }

  render() {
    const value = this.current;
    const error = this.sops.error;
    let body;
    if (!value && error && !isMissing(error)) {
      body = html`<p class="kf-hint">${t('inbox.sop.failed', { message: error.message })}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.refresh()}>${t('action.retry')}</button></p>`;
    } else if (!value) {
      body = html`<p class="kf-muted" role="status">${t('inbox.sop.loading')}</p>`;
    } else {
      const runningKeys = new Set(value.running.map((p) => p.key));
      const suggested = value.suggested.filter((s) => s && !runningKeys.has(s.key));
      body = html`
        ${suggested.length ? this.renderSuggested(suggested) : nothing}
        ${value.running.length
          ? repeat(value.running, (p) => p.instanceId, (p) => this.renderProcedure(p))
          : html`<p class="kf-muted" data-empty="procedures">${t('inbox.sop.none')}</p>`}
        ${value.finished.length ? this.renderFinished(value.finished) : nothing}`;
    }
    const catalog = this.catalog;
    return html`<section class="ib-work ib-sop" data-test="sop-panel" aria-labelledby="ib-sop-title" aria-busy=${this.sops.loading ? 'true' : 'false'}>
      <div class="ib-work-head">
        <h3 id="ib-sop-title">${t('inbox.sop')}</h3>
        ${catalog.length
          ? html`<select class="kf-input" data-test="sop-menu" aria-label=${t('inbox.sop.startAny')} ?disabled=${Boolean(this.starting) || !this.conversationId}
              @change=${(e) => this.startFromMenu(e.target)}>
              <option value="" selected>${t('inbox.sop.startAny')}</option>
              ${catalog.map((s) => html`<option value=${s.key}>${this.sopName(s.key, s.name)}</option>`)}
            </select>`
          : nothing}
      </div>
      ${value && error && !isMissing(error) ? html`<p class="kf-hint kf-danger-text">${t('inbox.sop.failed', { message: error.message })}</p>` : nothing}
      ${body}
    </section>`;
  }

  /** @param {SuggestedSop[]} suggested */
  renderSuggested(suggested) {
    return html`<div>
      <h4>${t('inbox.sop.suggested')}</h4>
      <ul class="ib-sop-suggestions">${repeat(suggested, (s) => s.key, (s) => {
        const name = this.sopName(s.key, s.name);
        return html`<li class="ib-sop-suggestion" data-test="sop-suggestion" data-key=${s.key}>
          <span><span class="ib-sop-suggestion-name">${name}</span>
            ${s.intent ? html`<span class="kf-hint">${t('inbox.sop.forIntent', { intent: s.intent })}</span>` : nothing}</span>
          <button type="button" class="kf-btn kf-btn-small kf-btn-primary" data-test="sop-start" data-key=${s.key}
            aria-label=${t('inbox.sop.startLabel', { name })} ?disabled=${Boolean(this.starting)}
            @click=${() => void this.start(s.key, name)}>${this.starting === s.key ? '…' : t('inbox.sop.start')}</button>
        </li>`;
      })}</ul>
    </div>`;
  }

  /** @param {Procedure} p */
  renderProcedure(p) {
    const tasks = list(p.tasks);
    return html`<article class="ib-sop-proc" data-test="sop-procedure" data-instance-id=${p.instanceId} data-key=${p.key}>
      <header class="ib-sop-proc-head">
        <span class="ib-sop-proc-name">${this.sopName(p.key, p.name)}</span>
        ${p.startedAt ? html`<span class="kf-hint" title=${formatDateTime(p.startedAt)}>${t('inbox.sop.startedAt', { time: formatDateTime(p.startedAt) })}</span>` : nothing}
      </header>
      ${tasks.length
        ? repeat(tasks, (task) => task.id, (task) => this.renderStep(task, p))
        : html`<p class="ib-sop-waiting" role="status">${t('inbox.sop.waiting')}</p>`}
    </article>`;
  }

  /** @param {Task} task @param {Procedure} p */
  renderStep(task, p) {
    const me = currentUser();
    const error = this.stepErrors[task.id];
    const fieldErrors = Object.entries(error?.fields ?? {});
    const busy = this.completing === task.id;
    const schema = task.form ?? null;
    const someoneElse = task.assigneeId && me && !sameId(task.assigneeId, me.id);
    return html`<div class="ib-sop-step" data-test="sop-step" data-task-id=${task.id}>
      <div>
        <h4>${t('inbox.sop.step')}</h4>
        <p class="ib-sop-step-name" tabindex="-1">${task.name}</p>
        ${someoneElse ? html`<div class="kf-hint" data-assignee=${task.assigneeId}>${t('inbox.sop.assignedTo', { name: this.agentName(task.assigneeId) })}</div>` : nothing}
        ${task.dueAt ? html`<div class="kf-hint">${t('inbox.sop.due', { time: formatDateTime(task.dueAt) })}</div>` : nothing}
      </div>
      ${task.instructions ? html`<div class="ib-sop-instructions" data-test="sop-instructions">${task.instructions}</div>` : nothing}
      ${schema
        ? html`<kefu-inbox-sop-form data-task-id=${task.id} .values=${task.variables ?? {}} .schema=${schema}></kefu-inbox-sop-form>`
        : nothing}
      ${error
        ? html`<div class="kf-alert kf-alert-error" role="alert" data-test="sop-errors">${error.message}
            ${fieldErrors.length
              ? html`<ul class="ib-sop-errors">${fieldErrors.map(([key, reason]) => html`<li data-field-error=${key}>
                  <strong>${fieldLabel(schema, key)}</strong>: ${reason}</li>`)}</ul>`
              : nothing}</div>`
        : nothing}
      <div class="ib-sop-actions">
        <button type="button" class="kf-btn kf-btn-primary kf-btn-small" data-test="sop-complete" data-task-id=${task.id}
          ?disabled=${Boolean(this.completing)} @pointerdown=${() => this.holdForm(task.id)} @click=${() => void this.complete(task, p)}>
          ${busy ? t('inbox.sop.completing') : `✓ ${t('inbox.sop.complete')}`}</button>
      </div>
    </div>`;
  }

  /** @param {Procedure[]} finished */
  renderFinished(finished) {
    const sorted = [...finished].sort((a, b) => (Date.parse(b.endedAt ?? '') || 0) - (Date.parse(a.endedAt ?? '') || 0));
    const shown = sorted.slice(0, FINISHED_SHOWN);
    const earlier = sorted.slice(FINISHED_SHOWN);
    const item = (/** @type {Procedure} */ p) => html`<li data-test="sop-finished" data-instance-id=${p.instanceId} data-key=${p.key}>
      <span class="ib-sop-check" aria-hidden="true">✓</span>
      <span>${this.sopName(p.key, p.name)}</span>
      ${p.endedAt ? html`<span class="kf-hint" title=${formatDateTime(p.endedAt)}>${t('inbox.sop.finishedAt', { time: formatDateTime(p.endedAt) })}</span>` : nothing}
    </li>`;
    return html`<div>
      <h4>${t('inbox.sop.finished')}</h4>
      <ul class="ib-sop-finished">${repeat(shown, (p) => p.instanceId, item)}</ul>
      ${earlier.length
        ? html`<details><summary>${t('inbox.sop.earlier', { count: earlier.length })}</summary>
            <ul class="ib-sop-finished">${repeat(earlier, (p) => p.instanceId, item)}</ul></details>`
        : nothing}
    </div>`;
  }
}

if (!customElements.get('kefu-inbox-procedures')) customElements.define('kefu-inbox-procedures', KefuInboxProcedures);

// ----------------------------------------------------------------- tickets

/**
 * `<kefu-inbox-tickets>`: the tickets linked to the open conversation, and "Create ticket". Set `conversationId`,
 * and `customerId` and `subject` for the new ticket's defaults.
 */
export class KefuInboxTickets extends LitElement {
  static properties = {
    conversationId: { attribute: false },
    customerId: { attribute: false },
    subject: { attribute: false },
    revision: { attribute: false },
    viewId: { state: true },
    dialogOpen: { state: true },
    creating: { state: true },
    createError: { state: true },
    now: { state: true },
  };

  constructor() {
    super();
    /** @type {string|null} */
    this.conversationId = null;
    /** @type {string|null} */
    this.customerId = null;
    /** @type {string|null} */
    this.subject = null;
    this.revision = 0;
    /** @type {string|null} the Tickets view's id, for links */
    this.viewId = ticketsViewCache?.id ?? null;
    this.dialogOpen = false;
    this.creating = false;
    /** @type {string|null} */
    this.createError = null;
    this.now = Date.now();
    /** @type {number|undefined} */
    this.clock = undefined;
    /** @type {number|undefined} */
    this.revisionTimer = undefined;
    /** @type {Loader<{id: string, items: TicketSummary[]}|null, string|null>} */
    this.tickets = new Loader(this, async (signal, id) => {
      if (!id) return null;
      const answer = await api(`/api/tickets/conversations/${enc(id)}`, { signal });
      return { id, items: list(answer) };
    }, { arg: null, loadOnConnect: false });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    adoptDocumentStyles(workStyles);
    this.clock = window.setInterval(() => { this.now = Date.now(); }, SLA_CLOCK_MS);
    void ticketsViewId().then((id) => { this.viewId = id; });
    if (this.hasUpdated && this.conversationId) void this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.clearInterval(this.clock);
    window.clearTimeout(this.revisionTimer);
  }

  willUpdate(changed) {
    if (changed.has('conversationId') && this.isConnected) {
      this.dialogOpen = false;
      void this.refresh();
    } else if (changed.has('revision') && changed.get('revision') !== undefined && this.conversationId) {
      window.clearTimeout(this.revisionTimer);
      this.revisionTimer = window.setTimeout(() => void this.refresh(), REVISION_DEBOUNCE_MS);
    }
  }

  async refresh() {
    const id = this.conversationId;
    await this.tickets.load(id);
    if (sameId(id, this.conversationId) && isMissing(this.tickets.error)) withdraw(this, 'tickets');
  }

  /** @returns {TicketSummary[]|null} */
  get current() {
    const value = this.tickets.value;
    return value && sameId(value.id, this.conversationId) ? value.items : null;
  }

  openDialog() {
    this.createError = null;
    this.dialogOpen = true;
  }

  closeDialog() {
    this.dialogOpen = false;
    this.createError = null;
  }

  updated(changed) {
    super.updated?.(changed);
    const dialog = /** @type {HTMLDialogElement|null} */ (this.querySelector('dialog.ib-ticket-dialog'));
    if (!dialog) return;
    if (this.dialogOpen && !dialog.open) {
      dialog.showModal();
      /** @type {HTMLElement|null} */ (dialog.querySelector('input[name="subject"]'))?.focus();
    } else if (!this.dialogOpen && dialog.open) {
      dialog.close();
    }
  }

  /** @param {SubmitEvent} e */
  async create(e) {
    e.preventDefault();
    const id = this.conversationId;
    if (!id || this.creating) return;
    const data = new FormData(/** @type {HTMLFormElement} */ (e.currentTarget));
    const subject = String(data.get('subject') ?? '').trim();
    const type = String(data.get('type') ?? '').trim();
    const priority = String(data.get('priority') ?? 'NORMAL');
    const description = String(data.get('description') ?? '').trim();
    if (!subject) return;
    /** @type {Record<string, unknown>} */
    const body = { conversationId: id, subject, priority };
    if (type) body.type = type;
    if (description) body.description = description;
    if (this.customerId) body.customerId = this.customerId;
    this.creating = true;
    this.createError = null;
    try {
      /** @type {TicketSummary|undefined} */
      const ticket = await api('/api/tickets', { method: 'POST', body });
      if (type) writeStorage(LAST_TYPE_KEY, type);
      this.dialogOpen = false;
      toast(t('inbox.tickets.created', { number: ticket?.number !== null && ticket?.number !== undefined ? `#${ticket.number}` : subject }), 'success');
      const value = this.tickets.value;
      if (ticket && value && sameId(value.id, id) && !value.items.some((x) => sameId(x.id, ticket.id))) {
        this.tickets.value = { id, items: [ticket, ...value.items] };
      }
      void this.refresh();
    } catch (err) {
      this.createError = errorText(err);
    } finally {
      this.creating = false;
    }
  }

  render() {
    const items = this.current;
    const error = this.tickets.error;
    let body;
    if (!items && error && !isMissing(error)) {
      body = html`<p class="kf-hint">${t('inbox.tickets.failed', { message: error.message })}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.refresh()}>${t('action.retry')}</button></p>`;
    } else if (!items) {
      body = html`<p class="kf-muted" role="status">${t('inbox.tickets.loading')}</p>`;
    } else if (items.length === 0) {
      body = html`<p class="kf-muted" data-empty="tickets">${t('inbox.tickets.none')}</p>`;
    } else {
      body = html`<ul class="ib-tickets">${repeat(items, (x) => x.id, (x) => this.renderTicket(x))}</ul>`;
    }
    return html`<section class="ib-work" data-test="conversation-tickets" aria-labelledby="ib-tickets-title" aria-busy=${this.tickets.loading ? 'true' : 'false'}>
      <div class="ib-work-head">
        <h3 id="ib-tickets-title">${t('inbox.tickets')}</h3>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-test="create-ticket" ?disabled=${!this.conversationId}
          @click=${() => this.openDialog()}>+ ${t('inbox.tickets.create')}</button>
      </div>
      ${items && error && !isMissing(error) ? html`<p class="kf-hint kf-danger-text">${t('inbox.tickets.failed', { message: error.message })}</p>` : nothing}
      ${body}
    </section>
    ${this.renderDialog()}`;
  }

  /** @param {TicketSummary} x */
  renderTicket(x) {
    const number = x.number !== null && x.number !== undefined ? `#${x.number}` : '';
    const subject = x.subject || number || x.id;
    return html`<li class="ib-ticket" data-test="conversation-ticket" data-id=${x.id} data-status=${x.status}>
      <div class="ib-ticket-title">
        ${number ? html`<span class="ib-ticket-number">${number}</span>` : nothing}
        ${this.viewId
          ? html`<a class="ib-ticket-subject" href=${ticketHref(this.viewId, x.id)} data-action="open-ticket"
              aria-label=${t('inbox.tickets.open', { number: number || subject })}>${subject}</a>`
          : html`<span class="ib-ticket-subject">${subject}</span>`}
      </div>
      <div class="ib-ticket-badges">
        <span class="kf-badge kf-badge-${STATUS_COLOR[x.status] ?? 'gray'}" data-test="ticket-status" data-status=${x.status}>${label('inbox.tickets.status.', x.status)}</span>
        <span class="kf-badge kf-badge-${PRIORITY_COLOR[x.priority] ?? 'gray'}" data-priority=${x.priority}
          title=${t('inbox.tickets.priority')}>${label('inbox.tickets.priority.', x.priority)}</span>
        ${x.status === 'RESOLVED' || x.status === 'CLOSED' ? nothing : slaBadges(x.sla, this.now)}
      </div>
    </li>`;
  }

  renderDialog() {
    const lastType = readStorage(LAST_TYPE_KEY) ?? '';
    return html`<dialog class="kf-dialog ib-ticket-dialog" aria-labelledby="ib-ticket-dialog-title" @close=${() => this.closeDialog()}>
      ${this.dialogOpen
        ? html`<form data-form="create-ticket" @submit=${this.create}>
            <h2 id="ib-ticket-dialog-title">${t('inbox.tickets.createTitle')}</h2>
            ${this.createError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.createError}</div>` : nothing}
            <label class="kf-field"><span>${t('inbox.tickets.subject')}</span>
              <input class="kf-input" name="subject" required maxlength="200" autocomplete="off" .value=${this.subject ?? ''}>
            </label>
            <label class="kf-field"><span>${t('inbox.tickets.type')}</span>
              <input class="kf-input" name="type" maxlength="64" autocomplete="off" list="ib-ticket-types" .value=${lastType}
                aria-describedby="ib-ticket-type-hint">
              <span class="kf-hint" id="ib-ticket-type-hint">${t('inbox.tickets.typeHint')}</span>
            </label>
            <datalist id="ib-ticket-types">${TICKET_TYPES.map((type) => html`<option value=${type}></option>`)}</datalist>
            <label class="kf-field"><span>${t('inbox.tickets.priority')}</span>
              <select class="kf-input" name="priority">
                ${PRIORITIES.map((p) => html`<option value=${p} ?selected=${p === 'NORMAL'}>${label('inbox.tickets.priority.', p)}</option>`)}
              </select>
            </label>
            <label class="kf-field"><span>${t('inbox.tickets.description')}</span>
              <textarea class="kf-input" name="description" rows="3" aria-describedby="ib-ticket-description-hint"></textarea>
              <span class="kf-hint" id="ib-ticket-description-hint">${t('inbox.tickets.descriptionHint')}</span>
            </label>
            <div class="kf-dialog-actions">
              <button type="button" class="kf-btn" @click=${() => this.closeDialog()}>${t('action.cancel')}</button>
              <button type="submit" class="kf-btn kf-btn-primary" data-action="create-ticket-confirm" ?disabled=${this.creating}>
                ${this.creating ? t('inbox.tickets.creating') : t('inbox.tickets.submit')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }
}

if (!customElements.get('kefu-inbox-tickets')) customElements.define('kefu-inbox-tickets', KefuInboxTickets);
