// @ts-check
// "Process metrics" (流程指标): the managers' view of how Kefu's processes run. For a period of 7, 30 or 90 days: per
// process the instances started, completed and running, the average and 90th-percentile duration, and a bar chart of
// its steps by 90th-percentile duration (the bottlenecks first); with the ticketing bundle installed also the SLA
// targets met and breached and the open tickets by status and age. Each part can be downloaded as CSV.
//
// Registered by the kefu.workflow bundle as a io.kefu.api.spi.WorkbenchView:
//   id "kefu.workflow.metrics", element "kefu-workflow-metrics-view", resourceRoot "/workbench", module "metrics.js".
// Reads GET /api/workflow/metrics?days=n and GET /api/tickets/metrics?days=n (a 404 there means no ticketing: those
// sections are left out); the CSV links add format=csv to the same URLs.
//
// Plain JavaScript served as it is (no build step); 'lit' and '@kefu/workbench' come from the shell's import map. The
// charts are plain SVG drawn by Lit, each with a text alternative; the numbers they show are in tables or labels
// too. Renders into the light DOM with its styles adopted into the document, scoped under the element's tag name.
import { LitElement, html, svg, css, nothing } from 'lit';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, Loader, LocaleController, locale, registerMessages, t,
} from '@kefu/workbench';

/** @typedef {{activityId: string, name: string, type: string, count: number, avgMillis: number, p90Millis: number}} Step */
/**
 * @typedef {object} ProcessMetrics
 * @property {string} key
 * @property {string} name
 * @property {number} started
 * @property {number} completed
 * @property {number} running
 * @property {number} avgMillis of the instances that finished in the period (0 when none did)
 * @property {number} p90Millis
 * @property {Step[]} steps
 */
/** @typedef {{from: string, to: string, processes: ProcessMetrics[]}} WorkflowMetrics */
/** @typedef {{target: string, policy?: string, met: number, breached: number, running: number}} SlaRow policy: when the server splits targets by policy */
/** @typedef {{status: string, count: number, ageBuckets: Record<string, number>}} OpenRow */
/** @typedef {{sla: SlaRow[], open: OpenRow[]}} TicketMetrics */

// ------------------------------------------------------------------ texts

registerMessages('en', {
  'workflow.metrics.title': 'Process metrics',
  'workflow.metrics.intro': 'How the processes ran in the period: instances, durations, and the steps that take longest. Durations count finished instances and steps; a step’s time includes waiting for people.',
  'workflow.metrics.period': 'Period',
  'workflow.metrics.days': 'Last {n} days',
  'workflow.metrics.range': '{from} – {to}',
  'workflow.metrics.loading': 'Loading the metrics…',

  'workflow.metrics.processes': 'Processes',
  'workflow.metrics.noProcesses': 'No process ran in this period.',
  'workflow.metrics.csv': 'Download CSV',
  'workflow.metrics.colProcess': 'Process',
  'workflow.metrics.colStarted': 'Started',
  'workflow.metrics.colCompleted': 'Completed',
  'workflow.metrics.colRunning': 'Running',
  'workflow.metrics.colAvg': 'Average duration',
  'workflow.metrics.colP90': '90th percentile',

  'workflow.metrics.bottlenecks': 'Slowest steps',
  'workflow.metrics.bottlenecksOf': 'Slowest steps of {name}',
  'workflow.metrics.bottlenecksHint': 'Bars: 90 % of the step’s runs took at most this long. Tick: the average.',
  'workflow.metrics.noSteps': 'No step finished in this period.',
  'workflow.metrics.moreSteps': '{count} faster steps not shown.',
  'workflow.metrics.stepTitle': '{name}: 90th percentile {p90}, average {avg}, {count} runs',
  'workflow.metrics.chartLabel': 'Steps of {name} by 90th-percentile duration: {items}',

  'workflow.metrics.tickets': 'Tickets',
  'workflow.metrics.ticketsFailed': 'Ticket metrics could not be loaded: {message}',
  'workflow.metrics.sla': 'Service levels',
  'workflow.metrics.noSla': 'No SLA target ended in this period.',
  'workflow.metrics.slaRow': '{target} · {policy}',
  'workflow.metrics.slaMet': '{percent} met ({met} of {total})',
  'workflow.metrics.slaNone': 'none ended',
  'workflow.metrics.slaRunning': '{count} running',
  'workflow.metrics.met': 'Met',
  'workflow.metrics.breached': 'Breached',
  'workflow.metrics.slaChart': 'SLA targets met and breached: {items}',
  'workflow.metrics.target.FIRST_RESPONSE': 'First response',
  'workflow.metrics.target.RESOLUTION': 'Resolution',

  'workflow.metrics.open': 'Open tickets by age',
  'workflow.metrics.noOpen': 'No open tickets.',
  'workflow.metrics.openChart': 'Open tickets by status and age: {items}',
  'workflow.metrics.openRowTitle': '{status}: {count} tickets',
  'workflow.metrics.bucketTitle': '{status}, {bucket}: {count}',
  'workflow.metrics.age': 'Age',
  'workflow.metrics.status.NEW': 'New',
  'workflow.metrics.status.TRIAGE': 'Triage',
  'workflow.metrics.status.ASSIGNED': 'Assigned',
  'workflow.metrics.status.PENDING_CUSTOMER': 'Waiting for customer',
  'workflow.metrics.status.RESOLVED': 'Resolved',
  'workflow.metrics.status.CLOSED': 'Closed',

  'workflow.metrics.seconds': '{n} s',
  'workflow.metrics.minutes': '{n} min',
  'workflow.metrics.hours': '{h} h {m} min',
  'workflow.metrics.hoursOnly': '{h} h',
  'workflow.metrics.daysHours': '{d} d {h} h',
  'workflow.metrics.daysOnly': '{d} d',
});

registerMessages('zh-CN', {
  'workflow.metrics.title': '流程指标',
  'workflow.metrics.intro': '所选期间内流程的运行情况：实例数、耗时，以及最耗时的步骤。耗时只统计已结束的实例和步骤；步骤耗时包含等待人工处理的时间。',
  'workflow.metrics.period': '期间',
  'workflow.metrics.days': '最近 {n} 天',
  'workflow.metrics.range': '{from} – {to}',
  'workflow.metrics.loading': '正在加载指标…',

  'workflow.metrics.processes': '流程',
  'workflow.metrics.noProcesses': '此期间没有流程运行。',
  'workflow.metrics.csv': '下载 CSV',
  'workflow.metrics.colProcess': '流程',
  'workflow.metrics.colStarted': '已启动',
  'workflow.metrics.colCompleted': '已完成',
  'workflow.metrics.colRunning': '运行中',
  'workflow.metrics.colAvg': '平均耗时',
  'workflow.metrics.colP90': '90 分位耗时',

  'workflow.metrics.bottlenecks': '最慢的步骤',
  'workflow.metrics.bottlenecksOf': '{name} 最慢的步骤',
  'workflow.metrics.bottlenecksHint': '条形：该步骤 90% 的执行不超过此时长。竖线：平均值。',
  'workflow.metrics.noSteps': '此期间没有步骤完成。',
  'workflow.metrics.moreSteps': '另有 {count} 个较快的步骤未显示。',
  'workflow.metrics.stepTitle': '{name}：90 分位 {p90}，平均 {avg}，共 {count} 次',
  'workflow.metrics.chartLabel': '{name} 各步骤的 90 分位耗时：{items}',

  'workflow.metrics.tickets': '工单',
  'workflow.metrics.ticketsFailed': '无法加载工单指标：{message}',
  'workflow.metrics.sla': '服务水平',
  'workflow.metrics.noSla': '此期间没有结束的 SLA 目标。',
  'workflow.metrics.slaRow': '{target} · {policy}',
  'workflow.metrics.slaMet': '达成 {percent}（{total} 个中 {met} 个）',
  'workflow.metrics.slaNone': '没有结束的',
  'workflow.metrics.slaRunning': '{count} 个进行中',
  'workflow.metrics.met': '达成',
  'workflow.metrics.breached': '违约',
  'workflow.metrics.slaChart': 'SLA 目标达成与违约：{items}',
  'workflow.metrics.target.FIRST_RESPONSE': '首次响应',
  'workflow.metrics.target.RESOLUTION': '解决',

  'workflow.metrics.open': '未结工单（按时长）',
  'workflow.metrics.noOpen': '没有未结工单。',
  'workflow.metrics.openChart': '按状态和时长统计的未结工单：{items}',
  'workflow.metrics.openRowTitle': '{status}：{count} 个工单',
  'workflow.metrics.bucketTitle': '{status}，{bucket}：{count}',
  'workflow.metrics.age': '时长',
  'workflow.metrics.status.NEW': '新建',
  'workflow.metrics.status.TRIAGE': '待分诊',
  'workflow.metrics.status.ASSIGNED': '已分配',
  'workflow.metrics.status.PENDING_CUSTOMER': '等待客户',
  'workflow.metrics.status.RESOLVED': '已解决',
  'workflow.metrics.status.CLOSED': '已关闭',

  'workflow.metrics.seconds': '{n} 秒',
  'workflow.metrics.minutes': '{n} 分钟',
  'workflow.metrics.hours': '{h} 小时 {m} 分钟',
  'workflow.metrics.hoursOnly': '{h} 小时',
  'workflow.metrics.daysHours': '{d} 天 {h} 小时',
  'workflow.metrics.daysOnly': '{d} 天',
});

// ---------------------------------------------------------------- helpers

const PERIODS = [7, 30, 90];
const DEFAULT_DAYS = 30;
/** Steps drawn per process at most (the slowest); the rest are counted below the chart. */
const MAX_STEPS = 12;
/** The age buckets of open tickets, youngest first, as /api/tickets/metrics names them. */
const AGE_BUCKETS = ['<1h', '1-8h', '8-24h', '1-3d', '>3d'];

/** Chart geometry, in SVG user units (the SVG scales to its box's width). */
const CHART_WIDTH = 560;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 120;
const ROW_HEIGHT = 26;

function number(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale()).format(n) : '—';
}

function percent(fraction) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A duration in the largest sensible units: "45 s", "12 min", "3 h 5 min", "2 d 4 h"; "—" when unknown. */
function duration(millis) {
  const ms = Number(millis);
  if (millis === null || millis === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  const seconds = ms / 1000;
  if (seconds < 60) {
    const n = new Intl.NumberFormat(locale(), { maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds);
    return t('workflow.metrics.seconds', { n });
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('workflow.metrics.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  // Minutes only while they matter: "3 h 5 min", but "26 h".
  if (hours < 10) return minutes % 60 ? t('workflow.metrics.hours', { h: hours, m: minutes % 60 }) : t('workflow.metrics.hoursOnly', { h: hours });
  const wholeHours = Math.round(minutes / 60);
  if (wholeHours < 48) return t('workflow.metrics.hoursOnly', { h: wholeHours });
  const days = Math.floor(wholeHours / 24);
  return wholeHours % 24 ? t('workflow.metrics.daysHours', { d: days, h: wholeHours % 24 }) : t('workflow.metrics.daysOnly', { d: days });
}

function day(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString(locale(), { year: 'numeric', month: 'short', day: 'numeric' });
}

/**
 * Cuts a label to fit the chart's label column (the full text is in the row's tooltip and the chart's description).
 * Wide characters (Chinese, say) count twice.
 */
function clip(text, room = Math.floor(LABEL_WIDTH / 6.8)) {
  const chars = [...String(text ?? '')];
  let used = 0;
  for (let i = 0; i < chars.length; i++) {
    used += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(chars[i]) ? 2 : 1;
    if (used > room) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return chars.join('');
}

/** A translation with a fallback for values the catalog does not know (new statuses, say). */
function label(prefix, value) {
  const key = `${prefix}.${value}`;
  const text = t(key);
  return text === key ? String(value ?? '') : text;
}

function csvUrl(path, days) {
  return `${path}?days=${encodeURIComponent(String(days))}&format=csv`;
}

// ------------------------------------------------------------------ styles

const viewStyles = css`
  kefu-workflow-metrics-view { display: block; }
  kefu-workflow-metrics-view .wm-period { display: inline-flex; border: 1px solid var(--kf-border-strong); border-radius: var(--kf-radius); overflow: hidden; margin: 0; padding: 0; }
  kefu-workflow-metrics-view .wm-period legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  kefu-workflow-metrics-view .wm-period label { position: relative; font-size: 13px; padding: 4px 12px; cursor: pointer; background: var(--kf-surface); }
  kefu-workflow-metrics-view .wm-period label + label { border-left: 1px solid var(--kf-border-strong); }
  kefu-workflow-metrics-view .wm-period input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
  kefu-workflow-metrics-view .wm-period label:has(input:checked) { background: var(--kf-accent); color: var(--kf-on-accent); }
  kefu-workflow-metrics-view .wm-period label:has(input:focus-visible) { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-workflow-metrics-view .wm-section { display: flex; flex-direction: column; gap: 10px; }
  kefu-workflow-metrics-view .wm-section > .kf-toolbar { margin: 0; }
  kefu-workflow-metrics-view .wm-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr)); gap: 12px; }
  kefu-workflow-metrics-view .wm-chart-card { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 10px 12px; display: flex; flex-direction: column; gap: 6px; min-width: 0; }
  kefu-workflow-metrics-view .wm-chart-card h3 { font-size: 13px; margin: 0; overflow-wrap: anywhere; }
  kefu-workflow-metrics-view svg.wm-chart { width: 100%; max-width: 760px; height: auto; display: block; overflow: visible; }
  kefu-workflow-metrics-view .wm-chart text { font-size: 12px; fill: var(--kf-text); }
  kefu-workflow-metrics-view .wm-chart .wm-value { fill: var(--kf-text-muted); font-variant-numeric: tabular-nums; }
  kefu-workflow-metrics-view .wm-chart .wm-bar { fill: var(--kf-accent); }
  kefu-workflow-metrics-view .wm-chart .wm-bar-worst { fill: var(--kf-danger); }
  kefu-workflow-metrics-view .wm-chart .wm-avg { fill: var(--kf-text); }
  kefu-workflow-metrics-view .wm-chart .wm-track { fill: var(--kf-surface-alt); }
  kefu-workflow-metrics-view .wm-chart .wm-met { fill: var(--kf-green-fg); }
  kefu-workflow-metrics-view .wm-chart .wm-breached { fill: var(--kf-danger); }
  kefu-workflow-metrics-view .wm-age-0 { fill: #7cc08f; background: #7cc08f; }
  kefu-workflow-metrics-view .wm-age-1 { fill: #c4d66b; background: #c4d66b; }
  kefu-workflow-metrics-view .wm-age-2 { fill: #f0c04a; background: #f0c04a; }
  kefu-workflow-metrics-view .wm-age-3 { fill: #ec8a3c; background: #ec8a3c; }
  kefu-workflow-metrics-view .wm-age-4 { fill: #c62828; background: #c62828; }
  kefu-workflow-metrics-view .wm-chart g[data-row]:hover .wm-bar, kefu-workflow-metrics-view .wm-chart g[data-row]:hover rect[class^="wm-age"] { opacity: 0.85; }
  kefu-workflow-metrics-view .wm-legend { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12px; color: var(--kf-text-muted); margin: 0; padding: 0; list-style: none; }
  kefu-workflow-metrics-view .wm-legend li { display: inline-flex; align-items: center; gap: 5px; }
  kefu-workflow-metrics-view .wm-swatch { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
  kefu-workflow-metrics-view .wm-swatch-met { background: var(--kf-green-fg); }
  kefu-workflow-metrics-view .wm-swatch-breached { background: var(--kf-danger); }
  kefu-workflow-metrics-view .wm-swatch-bar { background: var(--kf-accent); }
  kefu-workflow-metrics-view .wm-swatch-avg { background: var(--kf-text); width: 3px; }
  kefu-workflow-metrics-view .wm-name { font-weight: 600; }
`;

// ------------------------------------------------------------------ view

/** `<kefu-workflow-metrics-view>`: process durations and bottlenecks, SLA results and open tickets for managers. */
export class KefuWorkflowMetricsView extends LitElement {
  static properties = {
    days: { state: true },
  };

  constructor() {
    super();
    this.days = DEFAULT_DAYS;
    /** @type {Loader<WorkflowMetrics, number>} */
    this.workflow = new Loader(this, (signal, days) => api(`/api/workflow/metrics?days=${days}`, { signal }), { arg: DEFAULT_DAYS });
    /** @type {Loader<TicketMetrics|null, number>} null: the ticketing bundle is not installed (404) */
    this.tickets = new Loader(this, async (signal, days) => {
      try {
        return await api(`/api/tickets/metrics?days=${days}`, { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    }, { arg: DEFAULT_DAYS });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('data-view', 'kefu.workflow.metrics');
    adoptDocumentStyles(baseStyles, viewStyles);
  }

  /** @param {number} days */
  setDays(days) {
    if (days === this.days) return;
    this.days = days;
    void this.workflow.load(days);
    void this.tickets.load(days);
  }

  reload() {
    void this.workflow.load(this.days);
    void this.tickets.load(this.days);
  }

  render() {
    const metrics = this.workflow.value;
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('workflow.metrics.title')}</h1>
        ${metrics?.from && metrics?.to
          ? html`<span class="kf-muted" style="font-size: 13px" data-test="range">${t('workflow.metrics.range', { from: day(metrics.from), to: day(metrics.to) })}</span>`
          : nothing}
        <fieldset class="wm-period" data-test="period">
          <legend>${t('workflow.metrics.period')}</legend>
          ${PERIODS.map((n) => html`<label><input type="radio" name="wm-days" value=${n} data-days=${n} .checked=${this.days === n}
              @change=${() => this.setDays(n)}>${t('workflow.metrics.days', { n })}</label>`)}
        </fieldset>
        <button type="button" class="kf-btn kf-btn-small" data-test="refresh" title=${t('action.refresh')} aria-label=${t('action.refresh')}
          ?disabled=${this.workflow.loading || this.tickets.loading} @click=${() => this.reload()}>↻</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('workflow.metrics.intro')}</p>
      ${this.renderProcesses()}
      ${this.renderTickets()}
    </div>`;
  }

  renderProcesses() {
    const metrics = this.workflow.value;
    const error = this.workflow.error;
    const processes = Array.isArray(metrics?.processes) ? metrics.processes : [];
    // Charts only for processes with finished steps; the table lists them all.
    const withSteps = processes.filter((p) => Array.isArray(p.steps) && p.steps.some((s) => Number(s.count) > 0));
    let body;
    if (!metrics && error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.workflow.reload()}>${t('action.retry')}</button></div>`;
    } else if (!metrics) {
      body = html`<p class="kf-muted" role="status" style="margin: 0">${t('workflow.metrics.loading')}</p>`;
    } else if (processes.length === 0) {
      body = html`<p class="kf-empty">${t('workflow.metrics.noProcesses')}</p>`;
    } else {
      body = html`<div class="kf-table-wrap"><table class="kf-table" data-test="process-table">
          <thead><tr>
            <th scope="col">${t('workflow.metrics.colProcess')}</th>
            <th scope="col" class="kf-num">${t('workflow.metrics.colStarted')}</th>
            <th scope="col" class="kf-num">${t('workflow.metrics.colCompleted')}</th>
            <th scope="col" class="kf-num">${t('workflow.metrics.colRunning')}</th>
            <th scope="col" class="kf-num">${t('workflow.metrics.colAvg')}</th>
            <th scope="col" class="kf-num">${t('workflow.metrics.colP90')}</th>
          </tr></thead>
          <tbody>${processes.map((p) => html`<tr data-process-key=${p.key}>
            <td><span class="wm-name">${p.name || p.key}</span> <span class="kf-mono kf-muted">${p.key}</span></td>
            <td class="kf-num">${number(p.started)}</td>
            <td class="kf-num">${number(p.completed)}</td>
            <td class="kf-num">${number(p.running)}</td>
            <td class="kf-num">${Number(p.completed) > 0 ? duration(p.avgMillis) : '—'}</td>
            <td class="kf-num">${Number(p.completed) > 0 ? duration(p.p90Millis) : '—'}</td>
          </tr>`)}</tbody>
        </table></div>
        <h3 class="kf-subtitle" style="margin: 6px 0 0">${t('workflow.metrics.bottlenecks')}</h3>
        <ul class="wm-legend" aria-hidden="true">
          <li><span class="wm-swatch wm-swatch-bar"></span>${t('workflow.metrics.colP90')}</li>
          <li><span class="wm-swatch wm-swatch-avg"></span>${t('workflow.metrics.colAvg')}</li>
        </ul>
        <p class="kf-hint" style="margin: 0">${t('workflow.metrics.bottlenecksHint')}</p>
        ${withSteps.length
          ? html`<div class="wm-charts">${withSteps.map((p) => this.renderSteps(p))}</div>`
          : html`<p class="kf-muted" style="margin: 0">${t('workflow.metrics.noSteps')}</p>`}`;
    }
    return html`<section class="kf-card wm-section" data-test="process-metrics" aria-labelledby="wm-processes-title"
        aria-busy=${this.workflow.loading ? 'true' : 'false'}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="wm-processes-title">${t('workflow.metrics.processes')}</h2>
        <a class="kf-btn kf-btn-small kf-push" data-test="csv-processes" href=${csvUrl('/api/workflow/metrics', this.days)}
          download="process-metrics-${this.days}d.csv">${t('workflow.metrics.csv')}</a>
      </div>
      ${metrics && error ? html`<div class="kf-alert kf-alert-error" role="alert">${error.message}</div>` : nothing}
      ${body}
    </section>`;
  }

  /** The bottleneck chart of one process: its steps by 90th-percentile duration, slowest first. @param {ProcessMetrics} p */
  renderSteps(p) {
    const name = p.name || p.key;
    const steps = (Array.isArray(p.steps) ? p.steps : [])
      .filter((s) => Number(s.count) > 0 && Number.isFinite(Number(s.p90Millis)))
      .sort((a, b) => Number(b.p90Millis) - Number(a.p90Millis));
    const shown = steps.slice(0, MAX_STEPS);
    const max = Math.max(1, ...shown.map((s) => Number(s.p90Millis)));
    const barSpace = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    const height = shown.length * ROW_HEIGHT;
    const stepName = (/** @type {Step} */ s) => s.name || s.activityId;
    const description = t('workflow.metrics.chartLabel', {
      name, items: shown.map((s) => `${stepName(s)} ${duration(s.p90Millis)}`).join('; '),
    });
    return html`<div class="wm-chart-card" data-test="bottlenecks" data-process-key=${p.key}>
      <h3>${t('workflow.metrics.bottlenecksOf', { name })}</h3>
      ${shown.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.metrics.noSteps')}</p>`
        : html`<svg class="wm-chart" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-label=${description}>
            ${shown.map((s, i) => {
              const width = Math.max(2, (barSpace * Number(s.p90Millis)) / max);
              const avg = Number(s.avgMillis);
              const avgX = LABEL_WIDTH + (Number.isFinite(avg) ? Math.min(barSpace, (barSpace * avg) / max) : -10);
              return svg`<g data-row data-activity-id=${s.activityId} transform="translate(0 ${i * ROW_HEIGHT})">
                <title>${t('workflow.metrics.stepTitle', { name: stepName(s), p90: duration(s.p90Millis), avg: duration(s.avgMillis), count: number(s.count) })}</title>
                <text x=${LABEL_WIDTH - 8} y=${ROW_HEIGHT / 2} text-anchor="end" dominant-baseline="central">${clip(stepName(s))}</text>
                <rect class="wm-track" x=${LABEL_WIDTH} y="4" width=${barSpace} height=${ROW_HEIGHT - 8} rx="3"></rect>
                <rect class=${i === 0 ? 'wm-bar wm-bar-worst' : 'wm-bar'} x=${LABEL_WIDTH} y="4" width=${width} height=${ROW_HEIGHT - 8} rx="3"></rect>
                ${Number.isFinite(avg) ? svg`<rect class="wm-avg" x=${avgX - 1} y="1" width="2" height=${ROW_HEIGHT - 2}></rect>` : nothing}
                <text class="wm-value" x=${LABEL_WIDTH + barSpace + 8} y=${ROW_HEIGHT / 2} dominant-baseline="central">${duration(s.p90Millis)} · ${number(s.count)}×</text>
              </g>`;
            })}
          </svg>`}
      ${steps.length > shown.length ? html`<p class="kf-hint" style="margin: 0">${t('workflow.metrics.moreSteps', { count: number(steps.length - shown.length) })}</p>` : nothing}
    </div>`;
  }

  renderTickets() {
    const metrics = this.tickets.value;
    const error = this.tickets.error;
    // Not installed (404): nothing about tickets at all.
    if (metrics === null && !error) return nothing;
    if (metrics === undefined && !error) {
      return this.tickets.loading ? html`<p class="kf-muted" role="status" style="margin: 0">${t('workflow.metrics.loading')}</p>` : nothing;
    }
    if (!metrics) {
      return html`<section class="kf-card" data-test="ticket-metrics">
        <div class="kf-alert kf-alert-error" role="alert">${t('workflow.metrics.ticketsFailed', { message: error?.message ?? '' })}
          <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.tickets.reload()}>${t('action.retry')}</button></div>
      </section>`;
    }
    return html`<div class="kf-grid" data-test="ticket-metrics">
      ${this.renderSla(Array.isArray(metrics.sla) ? metrics.sla : [])}
      ${this.renderOpen(Array.isArray(metrics.open) ? metrics.open : [])}
    </div>`;
  }

  /** @param {SlaRow[]} rows */
  renderSla(rows) {
    const barSpace = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 60;
    const rowText = (/** @type {SlaRow} */ r) => {
      const met = Number(r.met) || 0;
      const total = met + (Number(r.breached) || 0);
      return total > 0 ? t('workflow.metrics.slaMet', { percent: percent(met / total), met: number(met), total: number(total) }) : t('workflow.metrics.slaNone');
    };
    const rowLabel = (/** @type {SlaRow} */ r) => (r.policy
      ? t('workflow.metrics.slaRow', { target: label('workflow.metrics.target', r.target), policy: r.policy })
      : label('workflow.metrics.target', r.target));
    const description = t('workflow.metrics.slaChart', { items: rows.map((r) => `${rowLabel(r)}: ${rowText(r)}`).join('; ') });
    return html`<section class="kf-card wm-section" data-test="sla" aria-labelledby="wm-sla-title">
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="wm-sla-title">${t('workflow.metrics.sla')}</h2>
        <a class="kf-btn kf-btn-small kf-push" data-test="csv-tickets" href=${csvUrl('/api/tickets/metrics', this.days)}
          download="ticket-metrics-${this.days}d.csv">${t('workflow.metrics.csv')}</a>
      </div>
      ${rows.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.metrics.noSla')}</p>`
        : html`<ul class="wm-legend" aria-hidden="true">
              <li><span class="wm-swatch wm-swatch-met"></span>${t('workflow.metrics.met')}</li>
              <li><span class="wm-swatch wm-swatch-breached"></span>${t('workflow.metrics.breached')}</li>
            </ul>
            <svg class="wm-chart" viewBox="0 0 ${CHART_WIDTH} ${rows.length * ROW_HEIGHT * 1.4}" role="img" aria-label=${description}>
            ${rows.map((r, i) => {
              const met = Number(r.met) || 0;
              const breached = Number(r.breached) || 0;
              const total = met + breached;
              const metWidth = total > 0 ? (barSpace * met) / total : 0;
              const y = i * ROW_HEIGHT * 1.4;
              return svg`<g data-row data-target=${r.target} data-policy=${r.policy ?? ''} transform="translate(0 ${y})">
                <title>${rowLabel(r)}: ${rowText(r)}; ${t('workflow.metrics.slaRunning', { count: number(r.running) })}</title>
                <text x=${LABEL_WIDTH - 8} y=${ROW_HEIGHT / 2} text-anchor="end" dominant-baseline="central">${clip(rowLabel(r))}</text>
                <rect class="wm-track" x=${LABEL_WIDTH} y="4" width=${barSpace} height=${ROW_HEIGHT - 8} rx="3"></rect>
                ${metWidth > 0 ? svg`<rect class="wm-met" x=${LABEL_WIDTH} y="4" width=${metWidth} height=${ROW_HEIGHT - 8}></rect>` : nothing}
                ${total > met ? svg`<rect class="wm-breached" x=${LABEL_WIDTH + metWidth} y="4" width=${barSpace - metWidth} height=${ROW_HEIGHT - 8}></rect>` : nothing}
                <text class="wm-value" x=${LABEL_WIDTH + barSpace + 8} y=${ROW_HEIGHT / 2 - 7} dominant-baseline="central">${rowText(r)}</text>
                <text class="wm-value" x=${LABEL_WIDTH + barSpace + 8} y=${ROW_HEIGHT / 2 + 8} dominant-baseline="central">${t('workflow.metrics.slaRunning', { count: number(r.running) })}</text>
              </g>`;
            })}
          </svg>`}
    </section>`;
  }

  /** @param {OpenRow[]} rows */
  renderOpen(rows) {
    const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
    const max = Math.max(1, ...rows.map((r) => Number(r.count) || 0));
    const statusLabel = (/** @type {OpenRow} */ r) => label('workflow.metrics.status', r.status);
    const description = t('workflow.metrics.openChart', {
      items: rows.map((r) => `${statusLabel(r)} ${number(r.count)} (${AGE_BUCKETS.map((b) => `${b}: ${number(r.ageBuckets?.[b] ?? 0)}`).join(', ')})`).join('; '),
    });
    return html`<section class="kf-card wm-section" data-test="open-tickets" aria-labelledby="wm-open-title">
      <div class="kf-toolbar"><h2 class="kf-subtitle" id="wm-open-title">${t('workflow.metrics.open')}</h2></div>
      ${rows.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('workflow.metrics.noOpen')}</p>`
        : html`<ul class="wm-legend" aria-hidden="true"><li>${t('workflow.metrics.age')}:</li>
              ${AGE_BUCKETS.map((b, i) => html`<li><span class="wm-swatch wm-age-${i}"></span>${b}</li>`)}</ul>
            <svg class="wm-chart" viewBox="0 0 ${CHART_WIDTH} ${rows.length * ROW_HEIGHT}" role="img" aria-label=${description}>
            ${rows.map((r, i) => {
              const count = Number(r.count) || 0;
              let x = LABEL_WIDTH;
              const segments = AGE_BUCKETS.map((bucket, b) => {
                const n = Number(r.ageBuckets?.[bucket]) || 0;
                const width = (barSpace * n) / max;
                const segment = n > 0
                  ? svg`<rect class="wm-age-${b}" data-bucket=${bucket} x=${x} y="4" width=${width} height=${ROW_HEIGHT - 8}>
                      <title>${t('workflow.metrics.bucketTitle', { status: statusLabel(r), bucket, count: number(n) })}</title></rect>`
                  : nothing;
                x += width;
                return segment;
              });
              return svg`<g data-row data-status=${r.status} transform="translate(0 ${i * ROW_HEIGHT})">
                <title>${t('workflow.metrics.openRowTitle', { status: statusLabel(r), count: number(count) })}</title>
                <text x=${LABEL_WIDTH - 8} y=${ROW_HEIGHT / 2} text-anchor="end" dominant-baseline="central">${clip(statusLabel(r))}</text>
                ${segments}
                <text class="wm-value" x=${x + 6} y=${ROW_HEIGHT / 2} dominant-baseline="central">${number(count)}</text>
              </g>`;
            })}
          </svg>`}
    </section>`;
  }
}

customElements.define('kefu-workflow-metrics-view', KefuWorkflowMetricsView);
