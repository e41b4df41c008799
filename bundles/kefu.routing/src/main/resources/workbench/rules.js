// @ts-check
// "Routing rules" (路由规则): the analysts' workbench for the Drools rules that route and escalate conversations.
// A tabbed editor (the DRL and its YAML test scenarios) whose text is kept as the draft on the server, the checks a
// draft goes through (Validate, Run scenarios, Simulate against recorded decisions), Publish with a comment, and the
// version history with roll-back.
//
// Registered by the kefu.routing bundle as a io.kefu.api.spi.WorkbenchView:
//   id "kefu.routing.rules", title "Routing rules" (路由规则), element "kefu-routing-rules-view",
//   resourceRoot "/workbench", module "rules.js", roles ANALYST and ADMIN.
//
// Plain JavaScript served as it is by the kefu.routing bundle (no build step); 'lit', 'lit/…', '@kefu/workbench' and
// '@kefu/code-editor' come from the shell's import map. Like Kefu's built-in views it renders into the light DOM; its
// own styles are adopted into the document once, every rule scoped under the element's tag name. Rule text, comments
// and names are only ever inserted through Lit's text bindings.
//
// Choices made here:
// - The editor starts from the saved draft, else from the live version's text. Every edit is saved as the draft
//   about a second after typing stops ("Save draft" saves at once); leaving the view saves what is still unsaved.
// - "View" in the history opens that version read-only in a dialog. From there "Replace the draft with vN" copies
//   it into the editor and saves it as the draft: the button says what it replaces, so no second confirmation.
// - "Roll back to vN" / "Activate vN" acts at once, without confirming: it is undone the same way (activate the
//   other version again) and it leaves the draft in the editor alone.
import { LitElement, html, css, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, formatDateTime, Loader, LocaleController, locale, registerMessages, t, toast,
} from '@kefu/workbench';
import '@kefu/code-editor';

/** @typedef {{line: number, column: number, message: string}} Problem */
/**
 * @typedef {object} VersionSummary
 * @property {number} version
 * @property {string} publishedBy
 * @property {string} publishedAt
 * @property {string} comment
 * @property {number} ruleCount
 * @property {boolean} active
 */
/** @typedef {VersionSummary & {drl: string, scenarios: string}} VersionDetail */
/** @typedef {{drl: string, scenarios: string, updatedBy: string, updatedAt: string}} Draft */
/** @typedef {{active: VersionSummary|null, draft: Draft|null, versions: VersionSummary[]}} Overview */
/** @typedef {{valid: boolean, ruleCount: number, problems: Problem[]}} Validation */
/**
 * @typedef {object} ScenarioResult
 * @property {string} name
 * @property {boolean} passed
 * @property {string[]} failures
 * @property {string} queue
 * @property {number} priority
 * @property {Record<string, number>} skills
 * @property {string[]} actions "KIND:target"
 * @property {string[]} firedRules
 */
/**
 * @typedef {object} TestReport
 * @property {boolean} valid
 * @property {Problem[]} problems
 * @property {number} passed
 * @property {number} failed
 * @property {ScenarioResult[]} results
 * @property {string[]} untestedRules
 */
/** @typedef {{queue: string, priority: number, skills: Record<string, number>, actions: string[], firedRules: string[]}} Outcome */
/**
 * @typedef {object} Change
 * @property {string} decisionId
 * @property {string} conversationId
 * @property {string} decidedAt
 * @property {string} trigger
 * @property {Outcome|null} before
 * @property {Outcome|null} after
 * @property {string|null} error
 */
/**
 * @typedef {object} Simulation
 * @property {boolean} valid
 * @property {Problem[]} problems
 * @property {number} decisions
 * @property {number} changed
 * @property {number} errors
 * @property {Change[]} changes
 */
/**
 * What the results panel shows: the answer to the last check or publish.
 * @typedef {{kind: 'validate', data: Validation}
 *   | {kind: 'test', data: TestReport}
 *   | {kind: 'simulate', data: Simulation, days: number}
 *   | {kind: 'published', data: VersionSummary}
 *   | {kind: 'refused', message: string, problems: Problem[]}
 *   | {kind: 'error', message: string}} Result
 */

// ------------------------------------------------------------------ texts

// Keys carry the view's prefix ("routing.rules.") so they can never replace the shell's or another view's; anything
// missing in Chinese falls back to English through t().
registerMessages('en', {
  'routing.rules.title': 'Routing rules',
  'routing.rules.intro': 'The rules that choose each conversation’s queue, skills and priority and raise escalations. Edit the draft, check it (Validate, Run scenarios, Simulate), then publish it: the new version is live at once. Until then the live version keeps running.',
  'routing.rules.loading': 'Loading the rules…',
  'routing.rules.live': 'Live: version {version} · {rules} rules · published by {by}, {at}',
  'routing.rules.noLive': 'No version is live yet.',

  'routing.rules.editor': 'Editor',
  'routing.rules.tabDrl': 'Rules (DRL)',
  'routing.rules.tabScenarios': 'Scenarios',
  'routing.rules.drlLabel': 'Routing rules',
  'routing.rules.scenariosLabel': 'Test scenarios',
  'routing.rules.editorKeys': 'Tab indents. To leave the editor with the keyboard press Escape, then Tab.',

  'routing.rules.saveDraft': 'Save draft',
  'routing.rules.draft.saved': 'Draft saved',
  'routing.rules.draft.savedBy': 'Draft saved · {by}, {at}',
  'routing.rules.draft.unsaved': 'Unsaved changes',
  'routing.rules.draft.saving': 'Saving draft…',
  'routing.rules.draft.failed': 'Draft not saved: {message}',
  'routing.rules.draft.fromVersion': 'No draft: the editor holds version {version}',
  'routing.rules.draft.none': 'No draft yet',

  'routing.rules.actions': 'Checks and publishing',
  'routing.rules.validate': 'Validate',
  'routing.rules.validating': 'Validating…',
  'routing.rules.test': 'Run scenarios',
  'routing.rules.testing': 'Running scenarios…',
  'routing.rules.days': 'Days',
  'routing.rules.daysHint': 'Re-decides the decisions recorded in the last n days with the editor’s rules.',
  'routing.rules.daysInvalid': 'Days must be a whole number from 1 to {max}.',
  'routing.rules.simulate': 'Simulate',
  'routing.rules.simulating': 'Simulating…',
  'routing.rules.comment': 'What changed',
  'routing.rules.commentPlaceholder': 'What changed, e.g. VIP customers skip the queue',
  'routing.rules.commentRequired': 'Say what changed before publishing.',
  'routing.rules.publish': 'Publish',
  'routing.rules.publishing': 'Publishing…',
  'routing.rules.published': 'Version {version} is live',
  'routing.rules.publishedNote': 'Version {version} is live: {rules} rules, published by {by}.',
  'routing.rules.refused': 'Not published: {message}',

  'routing.rules.results': 'Results',
  'routing.rules.valid': 'Valid: {count} rules',
  'routing.rules.invalid': 'The rules do not compile: {count} problems.',
  'routing.rules.invalid.one': 'The rules do not compile: 1 problem.',
  'routing.rules.problems': 'Problems',
  'routing.rules.problemAt': 'Line {line}, column {column}: {message}',
  'routing.rules.problemAtLine': 'Line {line}: {message}',
  'routing.rules.showLine': 'Show line {line} in the editor',

  'routing.rules.testSummary': '{passed} passed, {failed} failed',
  'routing.rules.failedScenarios': 'Failed scenarios',
  'routing.rules.passedScenarios': 'Passed scenarios ({count})',
  'routing.rules.noScenarios': 'The scenarios file has no scenarios.',
  'routing.rules.untested': 'Rules no scenario covers ({count}):',
  'routing.rules.untestedHint': 'Add a scenario in which each of them fires.',
  'routing.rules.got': 'The rules decided',
  'routing.rules.queue': 'Queue',
  'routing.rules.priority': 'Priority',
  'routing.rules.skills': 'Skills',
  'routing.rules.actionsCol': 'Actions',
  'routing.rules.fired': 'Rules fired',
  'routing.rules.none': 'none',

  'routing.rules.simSummary': '{changed} of {decisions} decisions would change',
  'routing.rules.simPeriod': 'Decisions recorded in the last {days} days, decided again with the editor’s rules.',
  'routing.rules.simErrors': '{count} decisions fail with these rules: those conversations would go to the default queue.',
  'routing.rules.simErrors.one': '1 decision fails with these rules: that conversation would go to the default queue.',
  'routing.rules.simNothing': 'No decision would change.',
  'routing.rules.simCapped': 'Showing the first {shown} of {total} changes.',
  'routing.rules.changes': 'Decisions that would change',
  'routing.rules.colConversation': 'Conversation',
  'routing.rules.colWhen': 'Decided',
  'routing.rules.colTrigger': 'Trigger',
  'routing.rules.colError': 'Error',
  'routing.rules.before': 'before',
  'routing.rules.after': 'after',
  'routing.rules.failedWith': 'Fails: {error}',

  'routing.rules.history': 'Version history',
  'routing.rules.noHistory': 'No version published yet.',
  'routing.rules.liveBadge': 'Live',
  'routing.rules.ruleCount': '{count} rules',
  'routing.rules.versionShort': 'v{n}',
  'routing.rules.view': 'View',
  'routing.rules.viewLabel': 'View v{n}',
  'routing.rules.rollback': 'Roll back to v{n}',
  'routing.rules.activate': 'Activate v{n}',
  'routing.rules.activated': 'Version {version} is live again',
  'routing.rules.versionTitle': 'Version {version}',
  'routing.rules.versionMeta': 'Published by {by}, {at} · {rules} rules',
  'routing.rules.versionLoading': 'Loading version {version}…',
  'routing.rules.versionDrl': 'Rules of version {version}',
  'routing.rules.versionScenarios': 'Scenarios of version {version}',
  'routing.rules.replaceDraft': 'Replace the draft with v{n}',
  'routing.rules.replaceHint': 'Copies this version’s rules and scenarios into the editor and saves them as the draft; what the editor holds now is replaced.',
  'routing.rules.replaced': 'The editor holds version {version} now.',
});

registerMessages('zh-CN', {
  'routing.rules.title': '路由规则',
  'routing.rules.intro': '这些规则决定每个会话的队列、所需技能和优先级，并触发升级。先编辑草稿并检查（校验、运行测试场景、模拟），再发布：新版本立即生效。发布前，当前上线的版本继续运行。',
  'routing.rules.loading': '正在加载规则…',
  'routing.rules.live': '上线中：第 {version} 版 · {rules} 条规则 · {by} 发布于 {at}',
  'routing.rules.noLive': '还没有上线的版本。',

  'routing.rules.editor': '编辑器',
  'routing.rules.tabDrl': '规则 (DRL)',
  'routing.rules.tabScenarios': '测试场景',
  'routing.rules.drlLabel': '路由规则',
  'routing.rules.scenariosLabel': '测试场景',
  'routing.rules.editorKeys': 'Tab 键用于缩进。要用键盘离开编辑器，请先按 Esc，再按 Tab。',

  'routing.rules.saveDraft': '保存草稿',
  'routing.rules.draft.saved': '草稿已保存',
  'routing.rules.draft.savedBy': '草稿已保存 · {by}，{at}',
  'routing.rules.draft.unsaved': '有未保存的修改',
  'routing.rules.draft.saving': '正在保存草稿…',
  'routing.rules.draft.failed': '草稿未保存：{message}',
  'routing.rules.draft.fromVersion': '没有草稿：编辑器中是第 {version} 版',
  'routing.rules.draft.none': '还没有草稿',

  'routing.rules.actions': '检查与发布',
  'routing.rules.validate': '校验',
  'routing.rules.validating': '正在校验…',
  'routing.rules.test': '运行测试场景',
  'routing.rules.testing': '正在运行测试场景…',
  'routing.rules.days': '天数',
  'routing.rules.daysHint': '用编辑器中的规则重新计算最近 n 天记录的路由决策。',
  'routing.rules.daysInvalid': '天数须为 1 到 {max} 之间的整数。',
  'routing.rules.simulate': '模拟',
  'routing.rules.simulating': '正在模拟…',
  'routing.rules.comment': '修改说明',
  'routing.rules.commentPlaceholder': '修改了什么，例如：VIP 客户无需排队',
  'routing.rules.commentRequired': '发布前请填写修改说明。',
  'routing.rules.publish': '发布',
  'routing.rules.publishing': '正在发布…',
  'routing.rules.published': '第 {version} 版已上线',
  'routing.rules.publishedNote': '第 {version} 版已上线：{rules} 条规则，由 {by} 发布。',
  'routing.rules.refused': '未发布：{message}',

  'routing.rules.results': '结果',
  'routing.rules.valid': '校验通过：{count} 条规则',
  'routing.rules.invalid': '规则无法编译：{count} 个问题。',
  'routing.rules.invalid.one': '规则无法编译：1 个问题。',
  'routing.rules.problems': '问题',
  'routing.rules.problemAt': '第 {line} 行，第 {column} 列：{message}',
  'routing.rules.problemAtLine': '第 {line} 行：{message}',
  'routing.rules.showLine': '在编辑器中显示第 {line} 行',

  'routing.rules.testSummary': '{passed} 个通过，{failed} 个失败',
  'routing.rules.failedScenarios': '失败的场景',
  'routing.rules.passedScenarios': '通过的场景（{count}）',
  'routing.rules.noScenarios': '测试场景文件中没有场景。',
  'routing.rules.untested': '没有测试场景覆盖的规则（{count}）：',
  'routing.rules.untestedHint': '请为每条规则添加一个会触发它的场景。',
  'routing.rules.got': '规则的决定',
  'routing.rules.queue': '队列',
  'routing.rules.priority': '优先级',
  'routing.rules.skills': '技能',
  'routing.rules.actionsCol': '动作',
  'routing.rules.fired': '触发的规则',
  'routing.rules.none': '无',

  'routing.rules.simSummary': '{decisions} 个决策中有 {changed} 个会改变',
  'routing.rules.simPeriod': '用编辑器中的规则重新计算最近 {days} 天记录的决策。',
  'routing.rules.simErrors': '{count} 个决策在这些规则下出错：这些会话将进入默认队列。',
  'routing.rules.simErrors.one': '1 个决策在这些规则下出错：该会话将进入默认队列。',
  'routing.rules.simNothing': '没有决策会改变。',
  'routing.rules.simCapped': '仅显示前 {shown} 个变化（共 {total} 个）。',
  'routing.rules.changes': '会改变的决策',
  'routing.rules.colConversation': '会话',
  'routing.rules.colWhen': '决策时间',
  'routing.rules.colTrigger': '触发',
  'routing.rules.colError': '错误',
  'routing.rules.before': '之前',
  'routing.rules.after': '之后',
  'routing.rules.failedWith': '出错：{error}',

  'routing.rules.history': '版本历史',
  'routing.rules.noHistory': '还没有发布过版本。',
  'routing.rules.liveBadge': '上线中',
  'routing.rules.ruleCount': '{count} 条规则',
  'routing.rules.versionShort': '第 {n} 版',
  'routing.rules.view': '查看',
  'routing.rules.viewLabel': '查看第 {n} 版',
  'routing.rules.rollback': '回滚到第 {n} 版',
  'routing.rules.activate': '启用第 {n} 版',
  'routing.rules.activated': '第 {version} 版已重新上线',
  'routing.rules.versionTitle': '第 {version} 版',
  'routing.rules.versionMeta': '{by} 发布于 {at} · {rules} 条规则',
  'routing.rules.versionLoading': '正在加载第 {version} 版…',
  'routing.rules.versionDrl': '第 {version} 版的规则',
  'routing.rules.versionScenarios': '第 {version} 版的测试场景',
  'routing.rules.replaceDraft': '用第 {n} 版替换草稿',
  'routing.rules.replaceHint': '将此版本的规则和测试场景复制到编辑器并保存为草稿；编辑器中现有的内容会被替换。',
  'routing.rules.replaced': '编辑器中现在是第 {version} 版。',
});

// ---------------------------------------------------------------- helpers

const API = '/api/routing/rules';
/** Typing stops this long before the draft is saved. */
const SAVE_DELAY_MS = 1000;
const DEFAULT_DAYS = 7;
const MAX_DAYS = 365;
/** Rows of a simulation drawn at most; the summary still counts all of them. */
const MAX_CHANGE_ROWS = 200;
const TABS = /** @type {const} */ (['drl', 'scenarios']);

function enc(value) {
  return encodeURIComponent(String(value));
}

/** `key.one` for a count of one (both catalogs have it wherever English needs it), else `key`. */
function plural(key, count, params = {}) {
  return t(Number(count) === 1 ? `${key}.one` : key, { count: number(count), ...params });
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

function isAbort(e) {
  return e instanceof DOMException && e.name === 'AbortError';
}

function number(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale()).format(n) : '—';
}

function when(iso) {
  return iso ? formatDateTime(iso) : '';
}

/** The first characters of an id, enough to tell conversations apart in a table. */
function shortId(id) {
  const text = String(id ?? '');
  return text.length > 8 ? text.slice(0, 8) : text;
}

/** @param {unknown} list @returns {Problem[]} */
function problemsOf(list) {
  if (!Array.isArray(list)) return [];
  return list.map((p) => ({
    line: Math.max(0, Math.trunc(Number(p?.line)) || 0),
    column: Math.max(0, Math.trunc(Number(p?.column)) || 0),
    message: String(p?.message ?? ''),
  }));
}

/** A problem as a sentence: "Line 12, column 5: …" (positions are 1-based; 0 means the compiler did not say). */
function problemText(p) {
  if (p.line > 0 && p.column > 0) return t('routing.rules.problemAt', { line: p.line, column: p.column, message: p.message });
  if (p.line > 0) return t('routing.rules.problemAtLine', { line: p.line, message: p.message });
  return p.message;
}

/** {orders: 1, refunds: 2} → "orders 1, refunds 2" (sorted, so before and after compare as text). */
function skillsText(skills) {
  const entries = Object.entries(skills ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([skill, level]) => `${skill} ${level}`).join(', ') : '';
}

function listText(list) {
  return Array.isArray(list) && list.length ? list.join(', ') : '';
}

// ------------------------------------------------------------------ styles

const rulesStyles = css`
  kefu-routing-rules-view { display: block; container-type: inline-size; container-name: kefu-routing-rules; }
  kefu-routing-rules-view .rr-main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(260px, 340px); gap: 12px; align-items: start; }
  kefu-routing-rules-view .rr-editor-card { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
  kefu-routing-rules-view .rr-live { font-size: 13px; }
  kefu-routing-rules-view .rr-tabbar { display: flex; align-items: flex-end; gap: 8px; border-bottom: 1px solid var(--kf-border); flex-wrap: wrap; }
  kefu-routing-rules-view .rr-tabs { display: flex; gap: 2px; margin-right: auto; }
  kefu-routing-rules-view .rr-tab {
    font: inherit; font-size: 13px; border: 0; border-bottom: 2px solid transparent; background: none; color: var(--kf-text-muted);
    padding: 6px 12px; margin-bottom: -1px; cursor: pointer; white-space: nowrap;
  }
  kefu-routing-rules-view .rr-tab:hover { color: var(--kf-text); }
  kefu-routing-rules-view .rr-tab[aria-selected="true"] { color: var(--kf-text); border-bottom-color: var(--kf-accent); font-weight: 600; }
  kefu-routing-rules-view .rr-tab:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-routing-rules-view .rr-tab .rr-dot { color: var(--kf-danger); margin-left: 4px; }
  kefu-routing-rules-view .rr-draft { display: flex; align-items: center; gap: 8px; padding-bottom: 5px; font-size: 12px; }
  kefu-routing-rules-view .rr-draft-state { color: var(--kf-text-muted); }
  kefu-routing-rules-view .rr-draft-state[data-draft-state="unsaved"], kefu-routing-rules-view .rr-draft-state[data-draft-state="saving"] { color: var(--kf-amber-fg); }
  kefu-routing-rules-view .rr-draft-state[data-draft-state="saved"] { color: var(--kf-green-fg); }
  kefu-routing-rules-view .rr-draft-state[data-draft-state="error"] { color: var(--kf-danger); font-weight: 600; }
  kefu-routing-rules-view kefu-code-editor { --kf-code-editor-min-height: 420px; --kf-code-editor-max-height: 65vh; }
  kefu-routing-rules-view .rr-actions { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; }
  kefu-routing-rules-view .rr-actions form { display: flex; flex-wrap: wrap; gap: 6px; align-items: flex-end; margin: 0; }
  kefu-routing-rules-view .rr-actions .kf-field { gap: 2px; }
  kefu-routing-rules-view .rr-days { width: 6.5em; }
  kefu-routing-rules-view .rr-comment { width: min(320px, 70vw); }
  kefu-routing-rules-view .rr-publish { margin-left: auto; }
  kefu-routing-rules-view .rr-actions [aria-invalid="true"] { border-color: var(--kf-danger); }
  kefu-routing-rules-view .rr-field-error { font-size: 12px; flex-basis: 100%; }

  kefu-routing-rules-view .rr-results { display: flex; flex-direction: column; gap: 10px; min-width: 0; grid-column: 1 / -1; }
  kefu-routing-rules-view .rr-results h3, kefu-routing-rules-view .rr-history h3 {
    font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600;
  }
  kefu-routing-rules-view .rr-warning { border-color: var(--kf-amber-fg); background: var(--kf-amber-bg); color: var(--kf-amber-fg); }
  kefu-routing-rules-view .rr-summary { font-weight: 600; }
  kefu-routing-rules-view .rr-problems { margin: 6px 0 0; padding-left: 20px; display: flex; flex-direction: column; gap: 3px; font-size: 13px; }
  kefu-routing-rules-view .rr-link {
    font: inherit; border: 0; background: none; padding: 0; color: inherit; text-decoration: underline; cursor: pointer; text-align: left; overflow-wrap: anywhere;
  }
  kefu-routing-rules-view .rr-link:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-routing-rules-view .rr-scenarios { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
  kefu-routing-rules-view .rr-scenario { border: 1px solid var(--kf-border); border-radius: var(--kf-radius); padding: 8px 10px; font-size: 13px; background: var(--kf-surface); }
  kefu-routing-rules-view .rr-scenario[data-passed="false"] { border-left: 3px solid var(--kf-danger); }
  kefu-routing-rules-view .rr-scenario[data-passed="true"] { border-left: 3px solid var(--kf-green-fg); }
  kefu-routing-rules-view .rr-scenario-name { font-weight: 600; overflow-wrap: anywhere; }
  kefu-routing-rules-view .rr-failures { margin: 4px 0; padding-left: 20px; color: var(--kf-danger); }
  kefu-routing-rules-view .rr-outcome { margin-top: 6px; }
  kefu-routing-rules-view .rr-outcome dd { overflow-wrap: anywhere; }
  kefu-routing-rules-view details > summary { cursor: pointer; font-size: 13px; font-weight: 600; padding: 2px 0; }
  kefu-routing-rules-view details > summary:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-routing-rules-view details[open] > summary { margin-bottom: 6px; }
  kefu-routing-rules-view .rr-untested { margin: 4px 0 0; padding-left: 20px; }
  kefu-routing-rules-view .rr-changes td { font-size: 12.5px; }
  kefu-routing-rules-view .rr-changes td.rr-changed { background: var(--kf-amber-bg); }
  kefu-routing-rules-view .rr-changes del, kefu-routing-rules-view .rr-changes ins { white-space: nowrap; }
  kefu-routing-rules-view .rr-changes del { color: var(--kf-red-fg); text-decoration: line-through; }
  kefu-routing-rules-view .rr-changes ins { color: var(--kf-green-fg); text-decoration: none; font-weight: 600; }
  kefu-routing-rules-view .rr-changes .rr-same { color: var(--kf-text-muted); }
  kefu-routing-rules-view .rr-changes .rr-rule-diff { list-style: none; margin: 0; padding: 0; }
  kefu-routing-rules-view .rr-changes tr[data-error] td { background: var(--kf-red-bg); }

  kefu-routing-rules-view .rr-history { display: flex; flex-direction: column; min-width: 0; }
  kefu-routing-rules-view .rr-versions {
    list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;
    border: 1px solid var(--kf-border); border-radius: var(--kf-radius); max-height: 70vh; overflow-y: auto;
  }
  kefu-routing-rules-view .rr-versions li { display: flex; flex-direction: column; gap: 3px; padding: 7px 9px; font-size: 13px; border-bottom: 1px solid var(--kf-border); }
  kefu-routing-rules-view .rr-versions li:last-child { border-bottom: 0; }
  kefu-routing-rules-view .rr-versions li[data-active="true"] { background: var(--kf-accent-soft); }
  kefu-routing-rules-view .rr-version-top { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
  kefu-routing-rules-view .rr-version-num { font-weight: 600; font-variant-numeric: tabular-nums; }
  kefu-routing-rules-view .rr-version-comment { overflow-wrap: anywhere; }
  kefu-routing-rules-view .rr-version-tools { display: flex; gap: 6px; flex-wrap: wrap; }

  kefu-routing-rules-view .rr-dialog { width: min(980px, calc(100vw - 32px)); }
  kefu-routing-rules-view .rr-dialog kefu-code-editor { --kf-code-editor-min-height: 160px; --kf-code-editor-max-height: 30vh; }
  kefu-routing-rules-view .rr-dialog h3 { font-size: 13px; margin: 0 0 4px; }

  @container kefu-routing-rules (max-width: 900px) {
    kefu-routing-rules-view .rr-main { grid-template-columns: minmax(0, 1fr); }
    kefu-routing-rules-view .rr-publish { margin-left: 0; }
  }
`;

// ------------------------------------------------------------------ view

/** `<kefu-routing-rules-view>`: edit, check, publish and roll back the routing rules. */
export class KefuRoutingRulesView extends LitElement {
  static properties = {
    tab: { state: true },
    drl: { state: true },
    scenarios: { state: true },
    draftState: { state: true },
    draftError: { state: true },
    draftInfo: { state: true },
    baseVersion: { state: true },
    problems: { state: true },
    result: { state: true },
    busy: { state: true },
    days: { state: true },
    daysError: { state: true },
    comment: { state: true },
    commentError: { state: true },
    viewing: { state: true },
  };

  constructor() {
    super();
    /** @type {'drl'|'scenarios'} */
    this.tab = 'drl';
    this.drl = '';
    this.scenarios = '';
    /**
     * Where the editor's text stands: 'loading' before it arrived, 'clean' as loaded from a version (no draft),
     * 'saved' as stored as the draft, 'unsaved', 'saving', 'error' (the last save failed).
     * @type {'loading'|'clean'|'saved'|'unsaved'|'saving'|'error'}
     */
    this.draftState = 'loading';
    /** @type {string|null} */
    this.draftError = null;
    /** @type {{updatedBy: string, updatedAt: string}|null} */
    this.draftInfo = null;
    /** @type {number|null} the version the editor's text was copied from, when it holds no draft */
    this.baseVersion = null;
    /** @type {Problem[]} the last compile problems: listed with the results and marked in the DRL editor */
    this.problems = [];
    /** @type {Result|null} */
    this.result = null;
    /** @type {null|'validate'|'test'|'simulate'|'publish'|'activate'|'replace'} the one request in flight */
    this.busy = null;
    this.days = String(DEFAULT_DAYS);
    /** @type {string|null} */
    this.daysError = null;
    this.comment = '';
    /** @type {string|null} */
    this.commentError = null;
    /** @type {{version: number, detail: VersionDetail|null, error: string|null}|null} the version open in the dialog */
    this.viewing = null;

    /** Counts edits, so a save knows whether the text moved on while it was in flight. */
    this.editCount = 0;
    this.savedCount = 0;
    /** @type {number|undefined} */
    this.saveTimer = undefined;
    /** @type {Promise<void>|null} */
    this.saving = null;
    this.saveAgain = false;
    /** Whether the editor was filled from the server (once: later reloads of the overview leave the text alone). */
    this.initialized = false;
    /** @type {AbortController|null} */
    this.viewRequest = null;

    /** @type {Loader<Overview>} */
    this.overview = new Loader(this, async (signal) => {
      /** @type {Overview} */
      const overview = await api(API, { signal });
      if (!this.initialized) await this.fillEditor(overview, signal);
      return overview;
    });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('data-view', 'kefu.routing.rules');
    adoptDocumentStyles(baseStyles, rulesStyles);
    window.addEventListener('beforeunload', this.onBeforeUnload);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.viewRequest?.abort();
    // Leaving the view (another view opened): what is not saved yet is saved now.
    if (this.editCount !== this.savedCount && this.initialized) void this.saveDraft();
    window.clearTimeout(this.saveTimer);
  }

  /**
   * Closing or reloading the tab within a second of the last edit: the save is sent at once. (No "leave the page?"
   * prompt: the draft is saved about a second after typing stops, so there is hardly ever anything to lose.)
   */
  onBeforeUnload = () => {
    if (this.initialized && this.editCount !== this.savedCount) void this.saveDraft();
  };

  // --------------------------------------------------------- loading

  /**
   * Fills the editor the first time the overview arrives: from the draft, else from the live version's text.
   * @param {Overview} overview @param {AbortSignal} signal
   */
  async fillEditor(overview, signal) {
    const draft = overview?.draft ?? null;
    if (draft) {
      this.setText(String(draft.drl ?? ''), String(draft.scenarios ?? ''));
      this.draftInfo = { updatedBy: draft.updatedBy, updatedAt: draft.updatedAt };
      this.draftState = 'saved';
    } else if (overview?.active) {
      /** @type {VersionDetail} */
      const version = await api(`${API}/versions/${enc(overview.active.version)}`, { signal });
      if (signal.aborted) return;
      this.setText(String(version?.drl ?? ''), String(version?.scenarios ?? ''));
      this.baseVersion = overview.active.version;
      this.draftState = 'clean';
    } else {
      this.setText('', '');
      this.draftState = 'clean';
    }
    this.initialized = true;
  }

  /** Replaces both texts (not an edit: nothing to save). */
  setText(drl, scenarios) {
    this.drl = drl;
    this.scenarios = scenarios;
    this.savedCount = this.editCount;
  }

  // ----------------------------------------------------------- draft

  /** @param {'drl'|'scenarios'} which @param {CustomEvent<{value: string}>} e */
  onEdit(which, e) {
    const value = String(e.detail?.value ?? '');
    if (value === this[which]) return;
    this[which] = value;
    this.editCount++;
    this.draftState = 'unsaved';
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => void this.saveDraft(), SAVE_DELAY_MS);
  }

  /** Saves the editor's text as the draft; one save at a time, the newest text last. @returns {Promise<void>} */
  saveDraft() {
    window.clearTimeout(this.saveTimer);
    if (!this.initialized) return Promise.resolve();
    if (this.saving) {
      this.saveAgain = true;
      return this.saving;
    }
    const count = this.editCount;
    const body = { drl: this.drl, scenarios: this.scenarios };
    this.draftState = 'saving';
    this.draftError = null;
    this.saving = (async () => {
      try {
        /** @type {Partial<Draft>|undefined} */
        const saved = await api(`${API}/draft`, { method: 'PUT', body });
        this.savedCount = count;
        this.draftInfo = saved && typeof saved === 'object' && saved.updatedAt
          ? { updatedBy: String(saved.updatedBy ?? ''), updatedAt: saved.updatedAt }
          : { updatedBy: '', updatedAt: new Date().toISOString() };
        this.baseVersion = null;
        this.draftState = this.editCount === count ? 'saved' : 'unsaved';
      } catch (err) {
        this.draftState = 'error';
        this.draftError = errorText(err);
      } finally {
        this.saving = null;
        if (this.saveAgain) {
          this.saveAgain = false;
          if (this.editCount !== this.savedCount) void this.saveDraft();
        }
      }
    })();
    return this.saving;
  }

  /** Waits for the draft to be stored before an action that should not race with it (publish). */
  async settleDraft() {
    window.clearTimeout(this.saveTimer);
    if (this.saving) await this.saving;
  }

  // ---------------------------------------------------------- checks

  /** The compile problems become the DRL editor's markers. @param {Problem[]} problems */
  setProblems(problems) {
    this.problems = problems;
  }

  get diagnostics() {
    return this.problems.filter((p) => p.line > 0).map((p) => ({ line: p.line, column: p.column, message: p.message, severity: 'error' }));
  }

  /**
   * Runs one request with the busy flag; an error body's message goes to the results panel.
   * @param {'validate'|'test'|'simulate'} what @param {() => Promise<void>} work
   */
  async check(what, work) {
    if (this.busy) return;
    this.busy = what;
    try {
      await work();
    } catch (err) {
      if (!isAbort(err)) this.result = { kind: 'error', message: errorText(err) };
    } finally {
      this.busy = null;
      this.showResults();
    }
  }

  validate() {
    return this.check('validate', async () => {
      /** @type {Validation} */
      const answer = await api(`${API}/validate`, { body: { drl: this.drl } });
      const problems = problemsOf(answer?.problems);
      this.setProblems(problems);
      this.result = { kind: 'validate', data: { ...answer, problems } };
    });
  }

  runScenarios() {
    return this.check('test', async () => {
      /** @type {TestReport} */
      const answer = await api(`${API}/test`, { body: { drl: this.drl, scenarios: this.scenarios } });
      const problems = problemsOf(answer?.problems);
      this.setProblems(problems);
      this.result = { kind: 'test', data: { ...answer, problems } };
    });
  }

  /** @param {SubmitEvent} e */
  simulate(e) {
    e.preventDefault();
    const days = Number(this.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
      this.daysError = t('routing.rules.daysInvalid', { max: MAX_DAYS });
      this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('input[name="days"]'))?.focus());
      return Promise.resolve();
    }
    this.daysError = null;
    return this.check('simulate', async () => {
      /** @type {Simulation} */
      const answer = await api(`${API}/simulate`, { body: { drl: this.drl, days } });
      const problems = problemsOf(answer?.problems);
      this.setProblems(problems);
      this.result = { kind: 'simulate', data: { ...answer, problems }, days };
    });
  }

  /** @param {SubmitEvent} e */
  async publish(e) {
    e.preventDefault();
    if (this.busy) return;
    const comment = this.comment.trim();
    if (!comment) {
      this.commentError = t('routing.rules.commentRequired');
      this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('input[name="comment"]'))?.focus());
      return;
    }
    this.commentError = null;
    this.busy = 'publish';
    try {
      await this.settleDraft();
      /** @type {VersionSummary} */
      const version = await api(`${API}/publish`, { body: { drl: this.drl, scenarios: this.scenarios, comment } });
      toast(t('routing.rules.published', { version: version?.version ?? '' }), 'success');
      this.comment = '';
      this.setProblems([]);
      this.result = { kind: 'published', data: version };
      // The editor now holds the live version's text; publishing took the place of the draft.
      this.savedCount = this.editCount;
      this.draftState = 'clean';
      this.draftInfo = null;
      this.baseVersion = version?.version ?? null;
      void this.overview.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const problems = problemsOf(/** @type {any} */ (err.body)?.problems);
        this.setProblems(problems);
        this.result = { kind: 'refused', message: err.message, problems };
      } else {
        this.result = { kind: 'error', message: t('routing.rules.refused', { message: errorText(err) }) };
      }
      // Edits whose save the publish cancelled are saved now.
      if (this.editCount !== this.savedCount) void this.saveDraft();
    } finally {
      this.busy = null;
      this.showResults();
    }
  }

  /** Brings the answer of a check into sight (it is below the editor), without moving the focus. */
  showResults() {
    this.updateComplete.then(() => this.querySelector('.rr-results')?.scrollIntoView({ block: 'nearest' }));
  }

  /** Shows a problem's line in the DRL editor. @param {number} line */
  async reveal(line) {
    this.tab = 'drl';
    await this.updateComplete;
    const editor = /** @type {any} */ (this.querySelector('kefu-code-editor[data-editor="drl"]'));
    if (editor && typeof editor.revealLine === 'function') editor.revealLine(line);
    else editor?.focus?.();
  }

  // --------------------------------------------------------- history

  /** @param {number} version */
  async activate(version) {
    if (this.busy) return;
    this.busy = 'activate';
    try {
      /** @type {VersionSummary} */
      const summary = await api(`${API}/versions/${enc(version)}/activate`, { method: 'POST' });
      toast(t('routing.rules.activated', { version: summary?.version ?? version }), 'success');
      void this.overview.reload();
    } catch (err) {
      toast(errorText(err), 'error');
    } finally {
      this.busy = null;
    }
  }

  /** Opens a version read-only in the dialog. @param {number} version */
  async view(version) {
    this.viewRequest?.abort();
    const request = (this.viewRequest = new AbortController());
    this.viewing = { version, detail: null, error: null };
    try {
      /** @type {VersionDetail} */
      const detail = await api(`${API}/versions/${enc(version)}`, { signal: request.signal });
      if (this.viewing?.version === version) this.viewing = { version, detail, error: null };
    } catch (err) {
      if (!isAbort(err) && this.viewing?.version === version) this.viewing = { version, detail: null, error: errorText(err) };
    }
  }

  closeView() {
    this.viewRequest?.abort();
    this.viewing = null;
  }

  /** Copies the viewed version into the editor and saves it as the draft. */
  async replaceDraft() {
    const detail = this.viewing?.detail;
    if (!detail || this.busy) return;
    this.busy = 'replace';
    try {
      await this.settleDraft();
      this.drl = String(detail.drl ?? '');
      this.scenarios = String(detail.scenarios ?? '');
      this.editCount++;
      this.setProblems([]);
      this.result = null;
      this.tab = 'drl';
      this.closeView();
      toast(t('routing.rules.replaced', { version: detail.version }), 'success');
      await this.saveDraft();
    } finally {
      this.busy = null;
    }
  }

  // ---------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    const dialog = this.querySelector('dialog[data-dialog="version"]');
    if (dialog instanceof HTMLDialogElement) {
      if (this.viewing && !dialog.open) dialog.showModal();
      else if (!this.viewing && dialog.open) dialog.close();
    }
  }

  render() {
    const overview = this.overview.value;
    const loadError = this.overview.error;
    let body;
    if (!overview && loadError) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${loadError.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.overview.reload()}>${t('action.retry')}</button></div>`;
    } else if (!overview || !this.initialized) {
      body = html`<p class="kf-empty" role="status">${t('routing.rules.loading')}</p>`;
    } else {
      body = html`<div class="rr-main">
        ${this.renderEditor()}
        ${this.renderHistory(overview)}
        ${this.renderResults()}
      </div>`;
    }
    const active = overview?.active ?? null;
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('routing.rules.title')}</h1>
        ${overview
          ? html`<span class="rr-live kf-muted" data-live-version=${active?.version ?? ''}>${active
            ? t('routing.rules.live', { version: active.version, rules: number(active.ruleCount), by: active.publishedBy ?? '', at: when(active.publishedAt) })
            : t('routing.rules.noLive')}</span>`
          : nothing}
        <button type="button" class="kf-btn kf-btn-small" data-action="refresh" ?disabled=${this.overview.loading}
          title=${t('action.refresh')} aria-label=${t('action.refresh')} @click=${() => void this.overview.reload()}>↻</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('routing.rules.intro')}</p>
      ${overview && loadError ? html`<div class="kf-alert kf-alert-error" role="alert">${loadError.message}</div>` : nothing}
      ${body}
      <dialog class="kf-dialog rr-dialog" data-dialog="version" aria-labelledby="rr-version-title"
        @close=${() => { this.viewing = null; }}>${this.renderVersionDialog()}</dialog>
    </div>`;
  }

  renderDraftState() {
    const state = this.draftState;
    let text;
    if (state === 'saving') text = t('routing.rules.draft.saving');
    else if (state === 'unsaved') text = t('routing.rules.draft.unsaved');
    else if (state === 'error') text = t('routing.rules.draft.failed', { message: this.draftError ?? '' });
    else if (state === 'saved') {
      const info = this.draftInfo;
      text = info?.updatedAt && info.updatedBy
        ? t('routing.rules.draft.savedBy', { by: info.updatedBy, at: when(info.updatedAt) })
        : t('routing.rules.draft.saved');
    } else if (this.baseVersion !== null) text = t('routing.rules.draft.fromVersion', { version: this.baseVersion });
    else text = t('routing.rules.draft.none');
    return html`<span class="rr-draft-state" data-draft-state=${state} role=${state === 'error' ? 'alert' : 'status'}>${text}</span>`;
  }

  /** @param {KeyboardEvent} e */
  onTabKey(e) {
    const at = TABS.indexOf(this.tab);
    let next = at;
    if (e.key === 'ArrowRight') next = (at + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    else return;
    e.preventDefault();
    this.tab = TABS[next];
    this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector(`#rr-tab-${this.tab}`))?.focus());
  }

  renderEditor() {
    const busy = this.busy !== null;
    const hasProblems = this.problems.some((p) => p.line > 0);
    const tabLabel = { drl: t('routing.rules.tabDrl'), scenarios: t('routing.rules.tabScenarios') };
    return html`<section class="kf-card rr-editor-card" aria-label=${t('routing.rules.editor')}>
      <div class="rr-tabbar">
        <div class="rr-tabs" role="tablist" aria-label=${t('routing.rules.editor')} @keydown=${this.onTabKey}>
          ${TABS.map((tab) => html`<button type="button" class="rr-tab" role="tab" id="rr-tab-${tab}" data-tab=${tab}
              aria-selected=${this.tab === tab ? 'true' : 'false'} aria-controls="rr-panel-${tab}" tabindex=${this.tab === tab ? '0' : '-1'}
              @click=${() => { this.tab = tab; }}>${tabLabel[tab]}${tab === 'drl' && hasProblems
                ? html`<span class="rr-dot" aria-hidden="true">●</span>` : nothing}</button>`)}
        </div>
        <div class="rr-draft">
          ${this.renderDraftState()}
          <button type="button" class="kf-btn kf-btn-small" data-action="save-draft" ?disabled=${this.draftState === 'saving'}
            @click=${() => void this.saveDraft()}>${t('routing.rules.saveDraft')}</button>
        </div>
      </div>
      <div role="tabpanel" id="rr-panel-drl" aria-labelledby="rr-tab-drl" ?hidden=${this.tab !== 'drl'}>
        <kefu-code-editor data-editor="drl" language="drl" label=${t('routing.rules.drlLabel')}
          .value=${this.drl} .diagnostics=${this.diagnostics}
          @change=${(/** @type {CustomEvent} */ e) => { if (e.target === e.currentTarget) this.onEdit('drl', e); }}></kefu-code-editor>
      </div>
      <div role="tabpanel" id="rr-panel-scenarios" aria-labelledby="rr-tab-scenarios" ?hidden=${this.tab !== 'scenarios'}>
        <kefu-code-editor data-editor="scenarios" language="yaml" label=${t('routing.rules.scenariosLabel')}
          .value=${this.scenarios}
          @change=${(/** @type {CustomEvent} */ e) => { if (e.target === e.currentTarget) this.onEdit('scenarios', e); }}></kefu-code-editor>
      </div>
      <p class="kf-hint" style="margin: -4px 0 0">${t('routing.rules.editorKeys')}</p>

      <div class="rr-actions" role="group" aria-label=${t('routing.rules.actions')}>
        <div class="kf-toolbar">
          <button type="button" class="kf-btn" data-action="validate" ?disabled=${busy} @click=${() => void this.validate()}>
            ${this.busy === 'validate' ? t('routing.rules.validating') : t('routing.rules.validate')}</button>
          <button type="button" class="kf-btn" data-action="run-scenarios" ?disabled=${busy} @click=${() => void this.runScenarios()}>
            ${this.busy === 'test' ? t('routing.rules.testing') : t('routing.rules.test')}</button>
        </div>
        <form data-form="simulate" novalidate @submit=${this.simulate}>
          <label class="kf-field"><span>${t('routing.rules.days')}</span>
            <input class="kf-input rr-days" type="number" name="days" min="1" max=${MAX_DAYS} step="1" inputmode="numeric"
              title=${t('routing.rules.daysHint')} aria-describedby=${this.daysError ? 'rr-days-error' : nothing}
              aria-invalid=${this.daysError ? 'true' : 'false'} .value=${live(this.days)}
              @input=${(/** @type {InputEvent} */ e) => { this.days = /** @type {HTMLInputElement} */ (e.target).value; }}>
          </label>
          <button type="submit" class="kf-btn" data-action="simulate" ?disabled=${busy} title=${t('routing.rules.daysHint')}>
            ${this.busy === 'simulate' ? t('routing.rules.simulating') : t('routing.rules.simulate')}</button>
          ${this.daysError ? html`<span class="kf-danger-text rr-field-error" id="rr-days-error">${this.daysError}</span>` : nothing}
        </form>
        <form class="rr-publish" data-form="publish" novalidate @submit=${this.publish}>
          <label class="kf-field"><span>${t('routing.rules.comment')}<span class="kf-danger-text" aria-hidden="true"> *</span></span>
            <input class="kf-input rr-comment" name="comment" required maxlength="500" autocomplete="off"
              placeholder=${t('routing.rules.commentPlaceholder')} aria-describedby=${this.commentError ? 'rr-comment-error' : nothing}
              aria-invalid=${this.commentError ? 'true' : 'false'} .value=${live(this.comment)}
              @input=${(/** @type {InputEvent} */ e) => {
                this.comment = /** @type {HTMLInputElement} */ (e.target).value;
                if (this.commentError && this.comment.trim()) this.commentError = null;
              }}>
          </label>
          <button type="submit" class="kf-btn kf-btn-primary" data-action="publish" ?disabled=${busy}>
            ${this.busy === 'publish' ? t('routing.rules.publishing') : t('routing.rules.publish')}</button>
          ${this.commentError ? html`<span class="kf-danger-text rr-field-error" id="rr-comment-error">${this.commentError}</span>` : nothing}
        </form>
      </div>
    </section>`;
  }

  /** @param {Problem[]} problems */
  renderProblems(problems) {
    if (!problems.length) return nothing;
    return html`<ol class="rr-problems" aria-label=${t('routing.rules.problems')} data-problems>
      ${problems.map((p) => html`<li data-problem-line=${p.line}>${p.line > 0
        ? html`<button type="button" class="rr-link" title=${t('routing.rules.showLine', { line: p.line })}
            @click=${() => void this.reveal(p.line)}>${problemText(p)}</button>`
        : html`<span>${problemText(p)}</span>`}</li>`)}
    </ol>`;
  }

  /** A compile failure, as Validate, Run scenarios and Simulate answer it. @param {Problem[]} problems */
  renderInvalid(problems) {
    return html`<div class="kf-alert kf-alert-error" role="alert" data-result="invalid">
      <span class="rr-summary">${plural('routing.rules.invalid', problems.length)}</span>
      ${this.renderProblems(problems)}
    </div>`;
  }

  renderResults() {
    const result = this.result;
    if (!result) return nothing;
    let content;
    switch (result.kind) {
      case 'error':
        content = html`<div class="kf-alert kf-alert-error" role="alert" data-result="error">${result.message}</div>`;
        break;
      case 'validate':
        content = result.data.valid
          ? html`<div class="kf-alert kf-alert-success" role="status" data-result="valid">${t('routing.rules.valid', { count: number(result.data.ruleCount) })}</div>`
          : this.renderInvalid(result.data.problems);
        break;
      case 'test':
        content = result.data.valid === false ? this.renderInvalid(result.data.problems) : this.renderTest(result.data);
        break;
      case 'simulate':
        content = result.data.valid === false ? this.renderInvalid(result.data.problems) : this.renderSimulation(result.data, result.days);
        break;
      case 'published':
        content = html`<div class="kf-alert kf-alert-success" role="status" data-result="published">${t('routing.rules.publishedNote', {
          version: result.data?.version ?? '', rules: number(result.data?.ruleCount), by: result.data?.publishedBy ?? '' })}</div>`;
        break;
      case 'refused':
        content = html`<div class="kf-alert kf-alert-error" role="alert" data-result="refused">
          <span class="rr-summary">${t('routing.rules.refused', { message: result.message })}</span>
          ${this.renderProblems(result.problems)}
        </div>`;
        break;
      default:
        content = nothing;
    }
    return html`<section class="kf-card rr-results" aria-labelledby="rr-results-title" data-results=${result.kind}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="rr-results-title">${t('routing.rules.results')}</h2>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-action="dismiss-results"
          @click=${() => { this.result = null; }}>${t('action.dismiss')}</button>
      </div>
      ${content}
    </section>`;
  }

  /** @param {TestReport} report */
  renderTest(report) {
    const results = Array.isArray(report.results) ? report.results : [];
    const failed = results.filter((r) => !r.passed);
    const passed = results.filter((r) => r.passed);
    const untested = Array.isArray(report.untestedRules) ? report.untestedRules : [];
    const failedCount = Number(report.failed ?? failed.length);
    return html`<div class="kf-alert ${failedCount > 0 ? 'kf-alert-error' : 'kf-alert-success'}" role="status" data-result="test"
        data-passed=${String(report.passed ?? passed.length)} data-failed=${String(failedCount)}>
      <span class="rr-summary">${t('routing.rules.testSummary', { passed: number(report.passed ?? passed.length), failed: number(failedCount) })}</span>
    </div>
    ${results.length === 0 ? html`<p class="kf-muted" style="margin: 0">${t('routing.rules.noScenarios')}</p>` : nothing}
    ${untested.length
      ? html`<div class="kf-alert rr-warning" role="note" data-untested-rules>
          <span class="rr-summary">${t('routing.rules.untested', { count: number(untested.length) })}</span>
          <ul class="rr-untested">${untested.map((rule) => html`<li data-untested-rule=${rule}>${rule}</li>`)}</ul>
          <span>${t('routing.rules.untestedHint')}</span>
        </div>`
      : nothing}
    ${failed.length
      ? html`<section aria-labelledby="rr-failed-title">
          <h3 id="rr-failed-title">${t('routing.rules.failedScenarios')}</h3>
          <ul class="rr-scenarios">${failed.map((r) => this.renderScenario(r))}</ul>
        </section>`
      : nothing}
    ${passed.length
      ? html`<details data-passed-scenarios>
          <summary>${t('routing.rules.passedScenarios', { count: number(passed.length) })}</summary>
          <ul class="rr-scenarios">${passed.map((r) => this.renderScenario(r))}</ul>
        </details>`
      : nothing}`;
  }

  /** @param {ScenarioResult} r */
  renderScenario(r) {
    const failures = Array.isArray(r.failures) ? r.failures : [];
    return html`<li class="rr-scenario" data-scenario=${r.name} data-passed=${r.passed ? 'true' : 'false'}>
      <div class="rr-scenario-name">${r.passed ? '✓' : '✗'} ${r.name}</div>
      ${failures.length ? html`<ul class="rr-failures">${failures.map((f) => html`<li>${f}</li>`)}</ul>` : nothing}
      <details class="rr-outcome" ?open=${!r.passed}>
        <summary>${t('routing.rules.got')}</summary>
        ${this.renderOutcome(r)}
      </details>
    </li>`;
  }

  /** @param {Partial<Outcome>} o */
  renderOutcome(o) {
    const none = html`<span class="kf-muted">${t('routing.rules.none')}</span>`;
    return html`<dl class="kf-facts">
      <dt>${t('routing.rules.queue')}</dt><dd class="kf-mono">${o.queue ?? ''}</dd>
      <dt>${t('routing.rules.priority')}</dt><dd>${o.priority ?? ''}</dd>
      <dt>${t('routing.rules.skills')}</dt><dd class="kf-mono">${skillsText(o.skills) || none}</dd>
      <dt>${t('routing.rules.actionsCol')}</dt><dd class="kf-mono">${listText(o.actions) || none}</dd>
      <dt>${t('routing.rules.fired')}</dt><dd>${Array.isArray(o.firedRules) && o.firedRules.length
        ? html`<ol style="margin: 0; padding-left: 18px">${o.firedRules.map((rule) => html`<li>${rule}</li>`)}</ol>` : none}</dd>
    </dl>`;
  }

  /** @param {Simulation} sim @param {number} days */
  renderSimulation(sim, days) {
    const changes = Array.isArray(sim.changes) ? sim.changes : [];
    const shown = changes.slice(0, MAX_CHANGE_ROWS);
    const changed = Number(sim.changed ?? changes.length);
    const errors = Number(sim.errors ?? 0);
    return html`<div class="kf-alert ${changed > 0 || errors > 0 ? 'rr-warning' : 'kf-alert-success'}" role="status" data-result="simulate"
        data-changed=${String(changed)} data-decisions=${String(sim.decisions ?? 0)}>
      <span class="rr-summary">${t('routing.rules.simSummary', { changed: number(changed), decisions: number(sim.decisions ?? 0) })}</span>
      <div>${t('routing.rules.simPeriod', { days })}</div>
    </div>
    ${errors > 0 ? html`<div class="kf-alert kf-alert-error" role="alert" data-sim-errors=${String(errors)}>${plural('routing.rules.simErrors', errors)}</div>` : nothing}
    ${changes.length === 0
      ? html`<p class="kf-muted" style="margin: 0">${t('routing.rules.simNothing')}</p>`
      : html`${changes.length > shown.length ? html`<p class="kf-hint" style="margin: 0" data-capped>${t('routing.rules.simCapped', { shown: number(shown.length), total: number(Math.max(changes.length, changed)) })}</p>` : nothing}
        <div class="kf-table-wrap">
          <table class="kf-table rr-changes" aria-label=${t('routing.rules.changes')}>
            <thead><tr>
              <th scope="col">${t('routing.rules.colConversation')}</th>
              <th scope="col">${t('routing.rules.colWhen')}</th>
              <th scope="col">${t('routing.rules.colTrigger')}</th>
              <th scope="col">${t('routing.rules.queue')}</th>
              <th scope="col">${t('routing.rules.priority')}</th>
              <th scope="col">${t('routing.rules.skills')}</th>
              <th scope="col">${t('routing.rules.actionsCol')}</th>
              <th scope="col">${t('routing.rules.fired')}</th>
            </tr></thead>
            <tbody>${shown.map((c) => this.renderChange(c))}</tbody>
          </table>
        </div>`}`;
  }

  /** @param {Change} c */
  renderChange(c) {
    const before = c.before ?? null;
    const after = c.after ?? null;
    const firedBefore = new Set(before?.firedRules ?? []);
    const firedAfter = new Set(after?.firedRules ?? []);
    const added = [...firedAfter].filter((r) => !firedBefore.has(r));
    const removed = [...firedBefore].filter((r) => !firedAfter.has(r));
    return html`<tr data-decision=${c.decisionId} data-conversation=${c.conversationId} ?data-error=${Boolean(c.error)}>
      <td class="kf-mono kf-nowrap" title=${c.conversationId}>${shortId(c.conversationId)}</td>
      <td class="kf-nowrap"><time datetime=${c.decidedAt ?? ''}>${when(c.decidedAt)}</time></td>
      <td><span class="kf-badge kf-badge-gray">${c.trigger ?? ''}</span></td>
      ${c.error
        ? html`<td colspan="5" class="kf-danger-text">${t('routing.rules.failedWith', { error: c.error })}</td>`
        : html`${this.diffCell(before?.queue ?? '', after?.queue ?? '', true)}
          ${this.diffCell(String(before?.priority ?? ''), String(after?.priority ?? ''))}
          ${this.diffCell(skillsText(before?.skills), skillsText(after?.skills), true)}
          ${this.diffCell(listText(before?.actions), listText(after?.actions), true)}
          <td class=${added.length || removed.length ? 'rr-changed' : ''}>${added.length || removed.length
            ? html`<ul class="rr-rule-diff">
                ${removed.map((r) => html`<li><del><span class="kf-sr-only">${t('routing.rules.before')}: </span>− ${r}</del></li>`)}
                ${added.map((r) => html`<li><ins><span class="kf-sr-only">${t('routing.rules.after')}: </span>+ ${r}</ins></li>`)}
              </ul>`
            : html`<span class="rr-same">=</span>`}</td>`}
    </tr>`;
  }

  /** A before → after cell, highlighted when they differ. */
  diffCell(before, after, mono = false) {
    const none = t('routing.rules.none');
    if (before === after) return html`<td class="rr-same ${mono ? 'kf-mono' : ''}">${after || none}</td>`;
    return html`<td class="rr-changed ${mono ? 'kf-mono' : ''}" data-changed>
      <del><span class="kf-sr-only">${t('routing.rules.before')}: </span>${before || none}</del>
      <span aria-hidden="true"> → </span>
      <ins><span class="kf-sr-only">${t('routing.rules.after')}: </span>${after || none}</ins>
    </td>`;
  }

  /** @param {Overview} overview */
  renderHistory(overview) {
    const versions = Array.isArray(overview.versions) ? overview.versions : [];
    const activeVersion = overview.active?.version ?? versions.find((v) => v.active)?.version ?? null;
    const busy = this.busy !== null;
    return html`<section class="kf-card rr-history" aria-labelledby="rr-history-title" aria-busy=${this.overview.loading ? 'true' : 'false'}>
      <h2 class="kf-subtitle" id="rr-history-title">${t('routing.rules.history')}</h2>
      ${versions.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${t('routing.rules.noHistory')}</p>`
        : html`<ul class="rr-versions">${versions.map((v) => {
            const isActive = v.active || v.version === activeVersion;
            return html`<li data-version=${v.version} data-active=${isActive ? 'true' : 'false'} aria-current=${isActive ? 'true' : 'false'}>
              <div class="rr-version-top">
                <span class="rr-version-num">${t('routing.rules.versionShort', { n: v.version })}</span>
                ${isActive ? html`<span class="kf-badge kf-badge-green" data-badge="live">${t('routing.rules.liveBadge')}</span>` : nothing}
                <span class="kf-muted kf-push">${t('routing.rules.ruleCount', { count: number(v.ruleCount) })}</span>
              </div>
              ${v.comment ? html`<div class="rr-version-comment">${v.comment}</div>` : nothing}
              <div class="kf-hint">${v.publishedBy ?? ''} · <time datetime=${v.publishedAt ?? ''}>${when(v.publishedAt)}</time></div>
              <div class="rr-version-tools">
                <button type="button" class="kf-btn kf-btn-small" data-action="view-version" aria-label=${t('routing.rules.viewLabel', { n: v.version })}
                  @click=${() => void this.view(v.version)}>${t('routing.rules.view')}</button>
                ${isActive
                  ? nothing
                  : html`<button type="button" class="kf-btn kf-btn-small" data-action="activate-version" ?disabled=${busy}
                      @click=${() => void this.activate(v.version)}>${activeVersion !== null && v.version < activeVersion
                        ? t('routing.rules.rollback', { n: v.version }) : t('routing.rules.activate', { n: v.version })}</button>`}
              </div>
            </li>`;
          })}</ul>`}
    </section>`;
  }

  renderVersionDialog() {
    const viewing = this.viewing;
    if (!viewing) return nothing;
    const detail = viewing.detail;
    const v = viewing.version;
    return html`<div class="kf-dialog-body" data-version-dialog=${v}>
      <h2 id="rr-version-title">${t('routing.rules.versionTitle', { version: v })}
        ${detail?.active ? html`<span class="kf-badge kf-badge-green">${t('routing.rules.liveBadge')}</span>` : nothing}</h2>
      ${viewing.error ? html`<div class="kf-alert kf-alert-error" role="alert">${viewing.error}</div>` : nothing}
      ${!detail && !viewing.error ? html`<p class="kf-muted" role="status">${t('routing.rules.versionLoading', { version: v })}</p>` : nothing}
      ${detail
        ? html`<p class="kf-hint" style="margin: 0">${t('routing.rules.versionMeta', {
              by: detail.publishedBy ?? '', at: when(detail.publishedAt), rules: number(detail.ruleCount) })}</p>
            ${detail.comment ? html`<p style="margin: 0">${detail.comment}</p>` : nothing}
            <div>
              <h3>${t('routing.rules.tabDrl')}</h3>
              <kefu-code-editor language="drl" readonly label=${t('routing.rules.versionDrl', { version: v })} .value=${String(detail.drl ?? '')}></kefu-code-editor>
            </div>
            <div>
              <h3>${t('routing.rules.tabScenarios')}</h3>
              <kefu-code-editor language="yaml" readonly label=${t('routing.rules.versionScenarios', { version: v })} .value=${String(detail.scenarios ?? '')}></kefu-code-editor>
            </div>
            <p class="kf-hint" style="margin: 0">${t('routing.rules.replaceHint')}</p>`
        : nothing}
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-action="close-version" @click=${() => this.closeView()}>${t('action.close')}</button>
        <button type="button" class="kf-btn kf-btn-primary" data-action="replace-draft" ?disabled=${!detail || this.busy !== null}
          @click=${() => void this.replaceDraft()}>${t('routing.rules.replaceDraft', { n: v })}</button>
      </div>
    </div>`;
  }
}

customElements.define('kefu-routing-rules-view', KefuRoutingRulesView);
