// @ts-check
// "Intents & training" (意图与训练): the analyst's view of the built-in NLU engine. Intents with their settings and
// training examples, retraining with its held-out accuracy and history, a box to try a sentence against the model
// that serves now, and import/export of the training file.
//
// Plain JavaScript served as it is by the kefu.nlu bundle (no build step); 'lit', 'lit/…' and '@kefu/workbench' come
// from the shell's import map. Like Kefu's built-in views it renders into the light DOM; its own styles are adopted
// into the document once, every rule scoped under the element's tag name. Examples and trial sentences are text
// typed by analysts or customers and are only ever inserted through Lit's text bindings.
import { LitElement, html, css, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, formatDateTime, Loader, LocaleController, locale, registerMessages, t, toast,
} from '@kefu/workbench';

/**
 * @typedef {object} Intent
 * @property {string} name
 * @property {string|null} description
 * @property {string[]} requiredSlots
 * @property {boolean} humanOnly
 * @property {number} examples how many training examples it has
 */
/** @typedef {{id: string, intent: string, language: 'zh'|'en', text: string}} Example */
/**
 * @typedef {object} TrainingRun
 * @property {string} id
 * @property {string} startedAt
 * @property {string} finishedAt
 * @property {string} startedBy
 * @property {number} intents
 * @property {number} examples
 * @property {number} heldoutAccuracy 0..1
 * @property {number} heldoutExamples
 * @property {string} outcome "trained: …" or "failed, …"
 */
/** @typedef {{intent: string|null, confidence: number, outOfScope: boolean}} IntentPrediction */
/** @typedef {{type: string, text: string, value: string, start: number, end: number}} Entity */
/** @typedef {{label: string, score: number}} Sentiment */
/**
 * @typedef {object} NluResult
 * @property {string|null} [messageId]
 * @property {string|null} language
 * @property {IntentPrediction|null} intent
 * @property {Entity[]} entities
 * @property {Sentiment|null} sentiment
 */
/** @typedef {{result: NluResult, ranked: {label: string, probability: number}[]}} Trial */

// ------------------------------------------------------------------ texts

// Keys carry the view's prefix ("nlu.") so they can never replace one of the shell's; anything missing in Chinese
// falls back to English through t().
registerMessages('en', {
  'nlu.title': 'Intents & training',
  'nlu.intro': 'The intents the bot recognises, taught by example sentences in Chinese and English. Changes here reach the model only when you retrain it.',
  'nlu.newIntent': 'New intent',
  'nlu.export': 'Export',
  'nlu.import': 'Import…',
  'nlu.importing': 'Importing…',
  'nlu.retrain': 'Retrain',
  'nlu.retraining': 'Training…',
  'nlu.untrained': 'You have changes that are not trained yet. They take effect after you retrain the model.',
  'nlu.retrainNow': 'Retrain now',
  'nlu.untrainedBadge': 'Untrained changes',

  'nlu.intents': 'Intents',
  'nlu.filter': 'Filter intents',
  'nlu.loading': 'Loading intents…',
  'nlu.noIntents': 'No intents yet. Create one, or import a training file.',
  'nlu.noMatch': 'No intent matches.',
  'nlu.examplesCount': '{n} examples',
  'nlu.humanOnly': 'human only',
  'nlu.humanOnlyHint': 'Always handed to a person: the bot never answers this intent itself.',
  'nlu.slotHint': 'Required detail: the bot asks for it when it is missing.',
  'nlu.pick': 'Pick an intent to see its settings and examples.',

  'nlu.settings': 'Settings',
  'nlu.name': 'Name',
  'nlu.nameHint': 'Lower case letters, digits and _, starting with a letter (at most 64). It cannot be changed later.',
  'nlu.nameInvalid': 'A name is lower case letters, digits and _, starting with a letter (at most 64).',
  'nlu.nameTaken': 'An intent called {name} exists already.',
  'nlu.description': 'Description',
  'nlu.slots': 'Required slots',
  'nlu.slotsHint': 'Entity types the answer needs, separated by commas, e.g. order_number, phone.',
  'nlu.slotInvalid': '“{slot}” is not an entity type: use lower case letters, digits and _.',
  'nlu.humanOnlyLabel': 'Human only (the bot hands these conversations to an agent)',
  'nlu.save': 'Save',
  'nlu.saving': 'Saving…',
  'nlu.saved': 'Intent {name} saved. It takes effect after you retrain.',
  'nlu.create': 'Create intent',
  'nlu.creating': 'Creating…',
  'nlu.created': 'Intent {name} created. Add examples, then retrain.',
  'nlu.newTitle': 'New intent',
  'nlu.deleteIntent': 'Delete intent',
  'nlu.deleteTitle': 'Delete the intent {name}?',
  'nlu.deleteConfirm': 'Its {n} examples are deleted with it. The model forgets it at the next retraining.',
  'nlu.deleting': 'Deleting…',
  'nlu.deleted': 'Intent {name} deleted. Retrain for the model to forget it.',

  'nlu.examples': 'Examples',
  'nlu.examplesLoading': 'Loading examples…',
  'nlu.noExamples': 'No examples in this language.',
  'nlu.lang.zh': 'Chinese',
  'nlu.lang.en': 'English',
  'nlu.language': 'Language',
  'nlu.exampleText': 'Example sentence',
  'nlu.examplePlaceholder': 'A sentence a customer might write…',
  'nlu.addExample': 'Add example',
  'nlu.adding': 'Adding…',
  'nlu.added': 'Example added. It takes effect after you retrain.',
  'nlu.duplicate': '{name} has this example already.',
  'nlu.deleteExample': 'Delete example “{text}”',
  'nlu.exampleDeleted': 'Example deleted. It takes effect after you retrain.',

  'nlu.trained': 'Trained on {examples} examples of {intents} intents.',
  'nlu.trainFailed': 'Training failed; the previous model keeps serving.',
  'nlu.accuracy': 'Held-out accuracy: {accuracy} (on {n} examples).',
  'nlu.accuracyNone': 'Not enough examples were held out to measure accuracy.',
  'nlu.history': 'Recent training runs',
  'nlu.historyLoading': 'Loading training runs…',
  'nlu.historyEmpty': 'The model has not been retrained here yet.',
  'nlu.col.started': 'Started',
  'nlu.col.by': 'By',
  'nlu.col.examples': 'Examples',
  'nlu.col.accuracy': 'Accuracy',
  'nlu.col.accuracyHint': 'Accuracy on the examples held out from training',
  'nlu.intentsCount': '{n} intents',
  'nlu.col.duration': 'Duration',
  'nlu.col.outcome': 'Outcome',
  'nlu.outcome.trained': 'trained',
  'nlu.outcome.failed': 'failed',

  'nlu.try': 'Try a sentence',
  'nlu.tryHint': 'What the model that serves now makes of a sentence. Nothing is stored.',
  'nlu.tryPlaceholder': 'e.g. 我的订单E20261121000123还没到',
  'nlu.analyze': 'Analyse',
  'nlu.analyzing': 'Analysing…',
  'nlu.trialIntent': 'Intent',
  'nlu.outOfScope': 'out of scope',
  'nlu.outOfScopeHint': 'No intent is confident enough: the bot would not answer this itself.',
  'nlu.topIntents': 'Top intents',
  'nlu.entities': 'Entities',
  'nlu.noEntities': 'None found.',
  'nlu.sentiment': 'Sentiment',
  'nlu.detectedLanguage': 'Language',
  'nlu.addTrialTo': 'Teach it: add this sentence as an example of',

  'nlu.exported': 'Training file downloaded.',
  'nlu.importNotJson': 'The file is not JSON: {message}',
  'nlu.imported': 'Imported: {n} new examples.',
  'nlu.importFailed': 'The training file was not imported: {message}',

  'nlu.sentiment.POSITIVE': 'positive',
  'nlu.sentiment.NEUTRAL': 'neutral',
  'nlu.sentiment.NEGATIVE': 'negative',
  'nlu.sentiment.ANGRY': 'angry',
});

registerMessages('zh-CN', {
  'nlu.title': '意图与训练',
  'nlu.intro': '机器人能识别的意图，通过中英文示例句来训练。此处的修改在重新训练模型后才会生效。',
  'nlu.newIntent': '新建意图',
  'nlu.export': '导出',
  'nlu.import': '导入…',
  'nlu.importing': '正在导入…',
  'nlu.retrain': '重新训练',
  'nlu.retraining': '正在训练…',
  'nlu.untrained': '有尚未训练的修改，重新训练模型后才会生效。',
  'nlu.retrainNow': '立即重新训练',
  'nlu.untrainedBadge': '有未训练的修改',

  'nlu.intents': '意图',
  'nlu.filter': '筛选意图',
  'nlu.loading': '正在加载意图…',
  'nlu.noIntents': '还没有意图。请新建一个，或导入训练文件。',
  'nlu.noMatch': '没有符合条件的意图。',
  'nlu.examplesCount': '{n} 条示例',
  'nlu.humanOnly': '仅人工',
  'nlu.humanOnlyHint': '始终转人工：机器人不会自行回答此意图。',
  'nlu.slotHint': '必填信息：缺少时机器人会向客户询问。',
  'nlu.pick': '选择一个意图，查看其设置和示例。',

  'nlu.settings': '设置',
  'nlu.name': '名称',
  'nlu.nameHint': '小写字母、数字和下划线，以字母开头（最多 64 个字符），创建后不能修改。',
  'nlu.nameInvalid': '名称只能包含小写字母、数字和下划线，并以字母开头（最多 64 个字符）。',
  'nlu.nameTaken': '已存在名为 {name} 的意图。',
  'nlu.description': '描述',
  'nlu.slots': '必填槽位',
  'nlu.slotsHint': '回答所需的实体类型，用逗号分隔，例如 order_number, phone。',
  'nlu.slotInvalid': '“{slot}”不是有效的实体类型：请使用小写字母、数字和下划线。',
  'nlu.humanOnlyLabel': '仅人工（机器人会将此类会话转给客服）',
  'nlu.save': '保存',
  'nlu.saving': '正在保存…',
  'nlu.saved': '意图 {name} 已保存，重新训练后生效。',
  'nlu.create': '创建意图',
  'nlu.creating': '正在创建…',
  'nlu.created': '意图 {name} 已创建。请添加示例，然后重新训练。',
  'nlu.newTitle': '新建意图',
  'nlu.deleteIntent': '删除意图',
  'nlu.deleteTitle': '删除意图 {name}？',
  'nlu.deleteConfirm': '其 {n} 条示例将一并删除。下次重新训练后模型将不再识别此意图。',
  'nlu.deleting': '正在删除…',
  'nlu.deleted': '意图 {name} 已删除。重新训练后模型将不再识别它。',

  'nlu.examples': '示例',
  'nlu.examplesLoading': '正在加载示例…',
  'nlu.noExamples': '此语言还没有示例。',
  'nlu.lang.zh': '中文',
  'nlu.lang.en': '英文',
  'nlu.language': '语言',
  'nlu.exampleText': '示例句',
  'nlu.examplePlaceholder': '客户可能会写的一句话…',
  'nlu.addExample': '添加示例',
  'nlu.adding': '正在添加…',
  'nlu.added': '示例已添加，重新训练后生效。',
  'nlu.duplicate': '{name} 已有这条示例。',
  'nlu.deleteExample': '删除示例“{text}”',
  'nlu.exampleDeleted': '示例已删除，重新训练后生效。',

  'nlu.trained': '已使用 {intents} 个意图的 {examples} 条示例完成训练。',
  'nlu.trainFailed': '训练失败，仍使用之前的模型。',
  'nlu.accuracy': '留出集准确率：{accuracy}（{n} 条示例）。',
  'nlu.accuracyNone': '留出的示例太少，无法衡量准确率。',
  'nlu.history': '最近的训练记录',
  'nlu.historyLoading': '正在加载训练记录…',
  'nlu.historyEmpty': '尚未在此重新训练过模型。',
  'nlu.col.started': '开始时间',
  'nlu.col.by': '操作人',
  'nlu.col.examples': '示例数',
  'nlu.col.accuracy': '准确率',
  'nlu.col.accuracyHint': '在训练时留出的示例上的准确率',
  'nlu.intentsCount': '{n} 个意图',
  'nlu.col.duration': '耗时',
  'nlu.col.outcome': '结果',
  'nlu.outcome.trained': '已训练',
  'nlu.outcome.failed': '失败',

  'nlu.try': '试一句',
  'nlu.tryHint': '查看当前模型如何理解一句话，不会保存任何内容。',
  'nlu.tryPlaceholder': '例如：我的订单E20261121000123还没到',
  'nlu.analyze': '分析',
  'nlu.analyzing': '正在分析…',
  'nlu.trialIntent': '意图',
  'nlu.outOfScope': '超出范围',
  'nlu.outOfScopeHint': '没有足够确定的意图：机器人不会自行回答。',
  'nlu.topIntents': '最可能的意图',
  'nlu.entities': '实体',
  'nlu.noEntities': '未找到。',
  'nlu.sentiment': '情绪',
  'nlu.detectedLanguage': '语言',
  'nlu.addTrialTo': '纠正：将此句添加为以下意图的示例',

  'nlu.exported': '训练文件已下载。',
  'nlu.importNotJson': '文件不是 JSON：{message}',
  'nlu.imported': '已导入 {n} 条新示例。',
  'nlu.importFailed': '训练文件未导入：{message}',

  'nlu.sentiment.POSITIVE': '积极',
  'nlu.sentiment.NEUTRAL': '中性',
  'nlu.sentiment.NEGATIVE': '消极',
  'nlu.sentiment.ANGRY': '愤怒',
});

// ---------------------------------------------------------------- helpers

const API = '/api/nlu';
const VIEW_HASH = '#/view/kefu.nlu';
const LANGUAGES = /** @type {const} */ (['zh', 'en']);
/** The server's rule for intent names and slots (IntentFile.NAME). */
const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const NAME_PATTERN = '[a-z][a-z0-9_]{0,63}';
const MAX_EXAMPLE_CHARS = 500;
const MAX_TRIAL_CHARS = 2000;
const TOP_RANKED = 5;
/** Remembers edits not yet trained, with the newest successful run they came after (shared by this browser's tabs). */
const UNTRAINED_KEY = 'kefu.nlu.untrained';
const OUT_OF_SCOPE = 'out_of_scope';
const SENTIMENT_COLOR = { POSITIVE: 'green', NEUTRAL: 'gray', NEGATIVE: 'amber', ANGRY: 'red' };
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function enc(value) {
  return encodeURIComponent(String(value));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

/** The intent a link names: `#/view/kefu.nlu/i/<name>` (the shell leaves what follows the view id to the view). */
function intentInHash() {
  const match = /^#\/view\/kefu\.nlu\/i\/([^/]+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Shows the selected intent in the address bar without adding a history entry per click. */
function showInHash(name) {
  if (location.hash !== VIEW_HASH && !location.hash.startsWith(`${VIEW_HASH}/`)) return;
  const wanted = name ? `${VIEW_HASH}/i/${enc(name)}` : VIEW_HASH;
  if (location.hash !== wanted) history.replaceState(history.state, '', wanted);
}

/** A 0..1 value as a percentage in the active language ("93.5 %", "93.5%"). */
function percent(value, digits = 1) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

function duration(from, to) {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${ms} ms`;
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

/** @param {string|null|undefined} outcome */
function succeeded(outcome) {
  return typeof outcome === 'string' && outcome.startsWith('trained');
}

/** "order_number, phone" → ['order_number', 'phone'] (commas, Chinese commas or spaces separate). */
function parseSlots(text) {
  return [...new Set(String(text ?? '').split(/[\s,，、;；]+/).map((s) => s.trim()).filter(Boolean))];
}

/** The training language an example or a detected locale ("zh", "zh_CN", "en_US") belongs to. */
function trainingLanguage(value) {
  return /^zh/i.test(String(value ?? '')) ? 'zh' : 'en';
}

function languageName(value) {
  if (!value) return '—';
  return t(`nlu.lang.${trainingLanguage(value)}`);
}

function sentimentLabel(label) {
  const key = `nlu.sentiment.${label}`;
  const text = t(key);
  return text === key ? String(label) : text;
}

function intentLabel(label) {
  return label === OUT_OF_SCOPE ? t('nlu.outOfScope') : String(label);
}

function readJson(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function writeJson(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage off: the hint then lasts as long as this page.
  }
}

// ------------------------------------------------------------------ styles

// Scoped by the tag name because the view lives in the light DOM; colours come from the shell's --kf-* properties.
const nluStyles = css`
  kefu-nlu-view { display: block; container-type: inline-size; container-name: kefu-nlu; }
  kefu-nlu-view .nlu-main { display: grid; grid-template-columns: minmax(220px, 300px) minmax(0, 1fr); gap: 12px; align-items: start; }
  kefu-nlu-view .nlu-lower { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 12px; align-items: start; }
  /* The header with Retrain stays in sight while the analyst works down the page. */
  kefu-nlu-view .nlu-head { position: sticky; top: 0; z-index: 3; background: var(--kf-bg); margin: -16px -20px 0; padding: 12px 20px 10px; border-bottom: 1px solid transparent; }
  kefu-nlu-view .nlu-head[data-untrained-changes] { border-bottom-color: var(--kf-border); }
  kefu-nlu-view .nlu-file { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

  kefu-nlu-view .nlu-list-card { padding: 10px; display: flex; flex-direction: column; gap: 8px; }
  kefu-nlu-view .nlu-list-card input[type='search'].kf-input { width: 100%; }
  kefu-nlu-view .nlu-intents { list-style: none; margin: 0; padding: 0; overflow-y: auto; max-height: 70vh; display: flex; flex-direction: column; gap: 2px; }
  kefu-nlu-view .nlu-intents button {
    width: 100%; text-align: left; font: inherit; font-size: 13px; color: var(--kf-text); background: none; cursor: pointer;
    border: 1px solid transparent; border-radius: var(--kf-radius); padding: 6px 8px; display: flex; flex-direction: column; gap: 3px;
  }
  kefu-nlu-view .nlu-intents button:hover { background: var(--kf-hover); }
  kefu-nlu-view .nlu-intents button:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-nlu-view .nlu-intents button[aria-current="true"] { background: var(--kf-accent-soft); border-color: var(--kf-accent); }
  kefu-nlu-view .nlu-intent-top { display: flex; align-items: baseline; gap: 6px; }
  kefu-nlu-view .nlu-intent-name { font-family: var(--kf-font-mono); font-size: 12.5px; font-weight: 600; overflow-wrap: anywhere; margin-right: auto; }
  kefu-nlu-view .nlu-count { font-size: 11.5px; color: var(--kf-text-muted); white-space: nowrap; font-variant-numeric: tabular-nums; }
  kefu-nlu-view .nlu-count[data-low] { color: var(--kf-amber-fg); }
  kefu-nlu-view .nlu-intent-desc { font-size: 12px; color: var(--kf-text-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-nlu-view .nlu-badges { display: flex; flex-wrap: wrap; gap: 3px; }
  kefu-nlu-view .nlu-badges .kf-badge + .kf-badge { margin-left: 0; }

  kefu-nlu-view .nlu-detail { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
  kefu-nlu-view .nlu-detail h2 { font-family: var(--kf-font-mono); font-size: 16px; margin: 0; margin-right: auto; overflow-wrap: anywhere; }
  kefu-nlu-view .nlu-detail h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600; }
  kefu-nlu-view .nlu-form { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
  kefu-nlu-view .nlu-form .nlu-wide { grid-column: 1 / -1; }
  kefu-nlu-view .nlu-form textarea { resize: vertical; min-height: 38px; }
  kefu-nlu-view .nlu-langs { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; }
  kefu-nlu-view .nlu-examples { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; border: 1px solid var(--kf-border); border-radius: var(--kf-radius); max-height: 340px; overflow-y: auto; }
  kefu-nlu-view .nlu-examples li { display: flex; align-items: flex-start; gap: 8px; padding: 4px 4px 4px 8px; font-size: 13px; border-bottom: 1px solid var(--kf-border); }
  kefu-nlu-view .nlu-examples li:last-child { border-bottom: 0; }
  kefu-nlu-view .nlu-examples li:hover { background: var(--kf-hover); }
  kefu-nlu-view .nlu-example-text { flex: 1 1 auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  kefu-nlu-view .nlu-x { font: inherit; border: 0; background: none; color: var(--kf-text-muted); cursor: pointer; padding: 0 6px; border-radius: 4px; line-height: 20px; }
  kefu-nlu-view .nlu-x:hover:not(:disabled) { background: var(--kf-red-bg); color: var(--kf-danger); }
  kefu-nlu-view .nlu-x:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 0; }
  kefu-nlu-view .nlu-add { display: flex; gap: 6px; align-items: flex-end; flex-wrap: wrap; }
  kefu-nlu-view .nlu-add .kf-field:nth-child(2) { flex: 1 1 240px; }

  kefu-nlu-view .nlu-result { display: flex; flex-direction: column; gap: 10px; margin-top: 10px; font-size: 13px; }
  kefu-nlu-view .nlu-result h3 { font-size: 12px; color: var(--kf-text-muted); margin: 0 0 4px; font-weight: 600; }
  kefu-nlu-view .nlu-verdict { display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; }
  kefu-nlu-view .nlu-verdict strong { font-family: var(--kf-font-mono); font-size: 14px; }
  kefu-nlu-view .nlu-ranked { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
  kefu-nlu-view .nlu-ranked li { display: grid; grid-template-columns: minmax(90px, 38%) 1fr 58px; gap: 8px; align-items: center; }
  kefu-nlu-view .nlu-ranked .nlu-label { font-family: var(--kf-font-mono); font-size: 12px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  kefu-nlu-view .nlu-bar { height: 8px; border-radius: 4px; background: var(--kf-surface-alt); border: 1px solid var(--kf-border); overflow: hidden; }
  kefu-nlu-view .nlu-bar > span { display: block; height: 100%; background: var(--kf-accent); }
  kefu-nlu-view .nlu-ranked li[data-ranked="out_of_scope"] .nlu-bar > span { background: var(--kf-gray-fg); }
  kefu-nlu-view .nlu-ranked .nlu-pct { text-align: right; font-variant-numeric: tabular-nums; font-size: 12px; }
  kefu-nlu-view .nlu-entities { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 3px 10px; }
  kefu-nlu-view .nlu-entities dt { font-family: var(--kf-font-mono); font-size: 12px; color: var(--kf-text-muted); }
  kefu-nlu-view .nlu-entities dd { margin: 0; overflow-wrap: anywhere; }
  kefu-nlu-view .nlu-sentiment[data-sentiment="POSITIVE"] { color: var(--kf-green-fg); }
  kefu-nlu-view .nlu-sentiment[data-sentiment="NEGATIVE"] { color: var(--kf-amber-fg); }
  kefu-nlu-view .nlu-sentiment[data-sentiment="ANGRY"] { color: var(--kf-danger); }
  kefu-nlu-view .nlu-outcome { max-width: 40ch; }

  @container kefu-nlu (max-width: 760px) {
    kefu-nlu-view .nlu-main { grid-template-columns: minmax(0, 1fr); }
    kefu-nlu-view .nlu-head { position: static; }
    kefu-nlu-view .nlu-intents { max-height: 40vh; }
  }
`;

// ------------------------------------------------------------------ view

/** `<kefu-nlu-view>`: intents, examples, retraining and a trial box for analysts. */
export class KefuNluView extends LitElement {
  static properties = {
    selected: { state: true },
    filter: { state: true },
    creating: { state: true },
    createError: { state: true },
    settingsError: { state: true },
    exampleError: { state: true },
    busy: { state: true },
    deletingExamples: { state: true },
    confirmDelete: { state: true },
    confirmError: { state: true },
    retraining: { state: true },
    lastRun: { state: true },
    untrained: { state: true },
    trialText: { state: true },
    trial: { state: true },
    trialError: { state: true },
    trying: { state: true },
    importing: { state: true },
    importError: { state: true },
  };

  constructor() {
    super();
    /** @type {string|null} the intent whose detail is shown */
    this.selected = null;
    this.filter = '';
    this.creating = false;
    /** @type {string|null} */
    this.createError = null;
    /** @type {string|null} */
    this.settingsError = null;
    /** @type {string|null} */
    this.exampleError = null;
    /** @type {null|'create'|'save'|'add'|'delete'} the one edit in flight */
    this.busy = null;
    /** @type {Set<string>} example ids with a delete in flight */
    this.deletingExamples = new Set();
    /** @type {Intent|null} the intent the delete dialog asks about */
    this.confirmDelete = null;
    /** @type {string|null} */
    this.confirmError = null;
    this.retraining = false;
    /** @type {TrainingRun|null} the run this page started last, shown until the next */
    this.lastRun = null;
    /** @type {{afterRun: string|null, at: string}|null} */
    this.untrained = readJson(UNTRAINED_KEY);
    this.trialText = '';
    /** @type {(Trial & {text: string})|null} */
    this.trial = null;
    /** @type {string|null} */
    this.trialError = null;
    this.trying = false;
    this.importing = false;
    /** @type {string|null} */
    this.importError = null;
    /** Bumped to rebuild the settings form from the stored values (its inputs are read on submit). */
    this.revision = 0;
    /** The add-example form picks the language from the text until the analyst picks one. */
    this.languageTouched = false;
    /** @type {'zh'|'en'} */
    this.exampleLanguage = locale() === 'zh-CN' ? 'zh' : 'en';

    /** @type {Loader<Intent[]>} */
    this.intents = new Loader(this, (signal) => api(`${API}/intents`, { signal }));
    /** @type {Loader<TrainingRun[]>} */
    this.runs = new Loader(this, (signal) => api(`${API}/training`, { signal }));
    /** @type {Loader<{name: string, items: Example[]}|null, string|null>} */
    this.examples = new Loader(this, async (signal, name) =>
      (name ? { name, items: await api(`${API}/intents/${enc(name)}/examples`, { signal }) } : null),
    { arg: null, loadOnConnect: false });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    adoptDocumentStyles(baseStyles, nluStyles);
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('storage', this.onStorage);
    const linked = intentInHash() ?? this.selected;
    if (linked) this.select(linked, false);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('storage', this.onStorage);
  }

  onHashChange = () => {
    const linked = intentInHash();
    if (linked && linked !== this.selected) this.select(linked, false);
  };

  /** Another tab edited or retrained: the hint follows. */
  onStorage = (/** @type {StorageEvent} */ e) => {
    if (e.key === UNTRAINED_KEY) this.untrained = readJson(UNTRAINED_KEY);
  };

  // ------------------------------------------------------- intents

  /** @returns {Intent[]} */
  get intentList() {
    return Array.isArray(this.intents.value) ? this.intents.value : [];
  }

  /** @returns {Intent|null} */
  get current() {
    return this.intentList.find((i) => i.name === this.selected) ?? null;
  }

  /** @param {string|null} name @param {boolean} [focus] */
  select(name, focus = false) {
    this.creating = false;
    if (name !== this.selected) {
      this.selected = name;
      this.settingsError = null;
      this.exampleError = null;
      this.revision++;
      showInHash(name);
    }
    if (name && (this.examples.value?.name !== name || this.examples.error)) void this.examples.load(name);
    if (focus) this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('.nlu-detail h2'))?.focus());
  }

  /** After the list loads: keep the selection if it still exists, else show the first intent. */
  syncSelection() {
    const list = this.intentList;
    if (!this.intents.value || this.creating) return;
    if (this.selected && list.some((i) => i.name === this.selected)) return;
    this.select(list[0]?.name ?? null);
  }

  /** Replaces one intent in the list with the server's answer, or adds it. @param {Intent} saved */
  storeIntent(saved) {
    const list = this.intentList;
    const next = list.some((i) => i.name === saved.name)
      ? list.map((i) => (i.name === saved.name ? saved : i))
      : [...list, saved].sort((a, b) => a.name.localeCompare(b.name));
    this.intents.value = next;
  }

  /** @param {string} name @param {number} delta */
  countExamples(name, delta) {
    this.intents.value = this.intentList.map((i) => (i.name === name ? { ...i, examples: Math.max(0, (i.examples ?? 0) + delta) } : i));
  }

  /** Something changed that the model learns only at the next retraining. */
  markUntrained() {
    if (this.hasUntrained) return;
    const latest = (this.runs.value ?? []).find((r) => succeeded(r.outcome));
    this.untrained = { afterRun: latest?.id ?? null, at: new Date().toISOString() };
    writeJson(UNTRAINED_KEY, this.untrained);
  }

  /** Whether edits are waiting for a retraining: none has succeeded since they were made (by anyone). */
  get hasUntrained() {
    const mark = this.untrained;
    if (!mark) return false;
    const runs = this.runs.value;
    if (!Array.isArray(runs)) return true;
    const latest = runs.find((r) => succeeded(r.outcome));
    return !latest || latest.id === mark.afterRun || new Date(latest.startedAt).getTime() < new Date(mark.at).getTime() - 60_000;
  }

  /**
   * Reads the settings fields of a form. @param {HTMLFormElement} form
   * @returns {{settings: {description: string|null, requiredSlots: string[], humanOnly: boolean}}|{error: string}}
   */
  readSettings(form) {
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    const requiredSlots = parseSlots(data.get('slots'));
    const bad = requiredSlots.find((s) => !NAME.test(s));
    if (bad) return { error: t('nlu.slotInvalid', { slot: bad }) };
    return { settings: { description: description || null, requiredSlots, humanOnly: data.get('humanOnly') === 'on' } };
  }

  /** @param {SubmitEvent} e */
  async createIntent(e) {
    e.preventDefault();
    if (this.busy) return;
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!NAME.test(name)) {
      this.createError = t('nlu.nameInvalid');
      return;
    }
    // A PUT to an existing name would silently replace that intent's settings.
    if (this.intentList.some((i) => i.name === name)) {
      this.createError = t('nlu.nameTaken', { name });
      return;
    }
    const read = this.readSettings(form);
    if ('error' in read) {
      this.createError = read.error;
      return;
    }
    this.busy = 'create';
    this.createError = null;
    try {
      /** @type {Intent} */
      const saved = await api(`${API}/intents/${enc(name)}`, { method: 'PUT', body: read.settings });
      this.storeIntent(saved ?? { name, ...read.settings, examples: 0 });
      this.markUntrained();
      toast(t('nlu.created', { name }), 'success');
      this.creating = false;
      this.select(name);
      // Straight to the first example.
      this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('form[data-form="add-example"] [name="text"]'))?.focus());
    } catch (err) {
      this.createError = errorText(err);
    } finally {
      this.busy = null;
    }
  }

  /** @param {SubmitEvent} e */
  async saveIntent(e) {
    e.preventDefault();
    const intent = this.current;
    if (!intent || this.busy) return;
    const read = this.readSettings(/** @type {HTMLFormElement} */ (e.currentTarget));
    if ('error' in read) {
      this.settingsError = read.error;
      return;
    }
    this.busy = 'save';
    this.settingsError = null;
    try {
      /** @type {Intent} */
      const saved = await api(`${API}/intents/${enc(intent.name)}`, { method: 'PUT', body: read.settings });
      this.storeIntent(saved ?? { ...intent, ...read.settings });
      this.markUntrained();
      this.revision++;
      toast(t('nlu.saved', { name: intent.name }), 'success');
    } catch (err) {
      this.settingsError = errorText(err);
    } finally {
      this.busy = null;
    }
  }

  async deleteIntent() {
    const intent = this.confirmDelete;
    if (!intent || this.busy) return;
    this.busy = 'delete';
    this.confirmError = null;
    try {
      await api(`${API}/intents/${enc(intent.name)}`, { method: 'DELETE' });
      this.intents.value = this.intentList.filter((i) => i.name !== intent.name);
      this.markUntrained();
      this.confirmDelete = null;
      toast(t('nlu.deleted', { name: intent.name }), 'success');
      if (this.selected === intent.name) this.select(this.intentList[0]?.name ?? null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) {
        // Someone else deleted it already: the list should say so.
        this.confirmDelete = null;
        void this.intents.reload();
      } else {
        this.confirmError = errorText(err);
      }
    } finally {
      this.busy = null;
    }
  }

  // ------------------------------------------------------ examples

  /** @param {SubmitEvent} e */
  async addExample(e) {
    e.preventDefault();
    const name = this.selected;
    if (!name || this.busy) return;
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const data = new FormData(form);
    const text = String(data.get('text') ?? '').trim();
    const language = data.get('language') === 'zh' ? 'zh' : 'en';
    if (!text) return;
    if (await this.postExample(name, language, text)) {
      form.reset();
      this.languageTouched = false;
      this.exampleLanguage = language;
      const select = /** @type {HTMLSelectElement|null} */ (form.elements.namedItem('language'));
      if (select) select.value = language;
      /** @type {HTMLElement|null} */ (form.elements.namedItem('text'))?.focus();
    }
  }

  /** @returns {Promise<boolean>} whether the example was stored */
  async postExample(name, language, text) {
    const shownBefore = this.examples.value;
    if (shownBefore?.name === name && shownBefore.items.some((x) => trainingLanguage(x.language) === language && x.text.trim() === text.trim())) {
      this.exampleError = t('nlu.duplicate', { name });
      return false;
    }
    this.busy = 'add';
    this.exampleError = null;
    try {
      /** @type {Example} */
      const saved = await api(`${API}/intents/${enc(name)}/examples`, { method: 'POST', body: { language, text } });
      const shown = this.examples.value;
      if (saved && shown?.name === name) this.examples.value = { name, items: [...shown.items, saved] };
      this.countExamples(name, 1);
      this.markUntrained();
      toast(t('nlu.added'), 'success');
      return true;
    } catch (err) {
      this.exampleError = errorText(err);
      return false;
    } finally {
      this.busy = null;
    }
  }

  /** @param {Example} example */
  async deleteExample(example) {
    const id = String(example.id);
    if (this.deletingExamples.has(id)) return;
    this.deletingExamples = new Set([...this.deletingExamples, id]);
    this.exampleError = null;
    try {
      await api(`${API}/examples/${enc(id)}`, { method: 'DELETE' });
      const shown = this.examples.value;
      if (shown) this.examples.value = { ...shown, items: shown.items.filter((x) => String(x.id) !== id) };
      this.countExamples(example.intent, -1);
      this.markUntrained();
      toast(t('nlu.exampleDeleted'), 'success');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) void this.examples.reload();
      else this.exampleError = errorText(err);
    } finally {
      const next = new Set(this.deletingExamples);
      next.delete(id);
      this.deletingExamples = next;
    }
  }

  /** Picks the example's language from what is typed, until the analyst chooses one. @param {InputEvent} e */
  onExampleInput(e) {
    if (this.languageTouched) return;
    const input = /** @type {HTMLInputElement} */ (e.currentTarget);
    const select = /** @type {HTMLSelectElement|null} */ (input.form?.elements.namedItem('language') ?? null);
    if (select && input.value.trim()) select.value = HAN.test(input.value) ? 'zh' : 'en';
  }

  // ------------------------------------------------------ training

  async retrain() {
    if (this.retraining) return;
    this.retraining = true;
    this.lastRun = null;
    try {
      /** @type {TrainingRun} */
      const run = await api(`${API}/training`, { method: 'POST' });
      this.lastRun = run;
      if (succeeded(run?.outcome)) {
        this.untrained = null;
        writeJson(UNTRAINED_KEY, null);
        toast(t('nlu.trained', { examples: run.examples, intents: run.intents }), 'success');
      } else {
        toast(t('nlu.trainFailed'), 'error');
      }
      // The trial box now answers with the new model.
      if (this.trial) void this.analyze(this.trial.text);
    } catch (err) {
      toast(errorText(err), 'error');
    } finally {
      this.retraining = false;
      void this.runs.reload();
    }
  }

  /** @param {string} [text] */
  async analyze(text = this.trialText) {
    const sentence = String(text ?? '').trim();
    if (!sentence || this.trying) return;
    this.trying = true;
    this.trialError = null;
    try {
      /** @type {Trial} */
      const trial = await api(`${API}/analyze`, { method: 'POST', body: { text: sentence } });
      this.trial = { ...trial, text: sentence };
    } catch (err) {
      this.trialError = errorText(err);
    } finally {
      this.trying = false;
    }
  }

  // --------------------------------------------------- import/export

  async exportFile() {
    try {
      const file = await api(`${API}/export`);
      const blob = new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `kefu-intents-${new Date().toISOString().slice(0, 10)}.json`;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      toast(t('nlu.exported'), 'success');
    } catch (err) {
      toast(errorText(err), 'error');
    }
  }

  /** @param {Event} e */
  async importFile(e) {
    const input = /** @type {HTMLInputElement} */ (e.currentTarget);
    const file = input.files?.[0];
    // The same file can be chosen again after fixing it.
    if (!file || this.importing) {
      input.value = '';
      return;
    }
    this.importing = true;
    this.importError = null;
    try {
      let body;
      try {
        body = JSON.parse(await file.text());
      } catch (err) {
        this.importError = t('nlu.importNotJson', { message: errorText(err) });
        return;
      }
      /** @type {{examplesAdded: number}} */
      const outcome = await api(`${API}/import`, { method: 'POST', body });
      const added = Number(outcome?.examplesAdded ?? 0);
      toast(t('nlu.imported', { n: added }), 'success');
      // Intents may have been created or changed even when no example was new.
      this.markUntrained();
      await this.intents.reload();
      if (this.selected) void this.examples.load(this.selected);
    } catch (err) {
      this.importError = t('nlu.importFailed', { message: errorText(err) });
    } finally {
      this.importing = false;
      input.value = '';
    }
  }

  // -------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    this.syncSelection();
    const dialog = this.querySelector('dialog[data-dialog="delete-intent"]');
    if (dialog instanceof HTMLDialogElement) {
      if (this.confirmDelete && !dialog.open) dialog.showModal();
      else if (!this.confirmDelete && dialog.open) dialog.close();
    }
  }

  render() {
    const loadError = this.intents.error?.message;
    return html`<div class="kf-page">
      <div class="kf-page-header nlu-head" ?data-untrained-changes=${this.hasUntrained}>
        <h1 class="kf-title">${t('nlu.title')}</h1>
        <button type="button" class="kf-btn" data-action="new-intent" aria-expanded=${this.creating ? 'true' : 'false'}
          @click=${() => { this.creating = !this.creating; this.createError = null; if (this.creating) this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('form[data-form="new-intent"] [name="name"]'))?.focus()); }}>+ ${t('nlu.newIntent')}</button>
        <button type="button" class="kf-btn" data-action="export" @click=${() => void this.exportFile()}>${t('nlu.export')}</button>
        <button type="button" class="kf-btn" data-action="import" ?disabled=${this.importing}
          @click=${() => /** @type {HTMLInputElement|null} */ (this.querySelector('input[name="import-file"]'))?.click()}>${this.importing ? t('nlu.importing') : t('nlu.import')}</button>
        <input class="nlu-file" type="file" name="import-file" accept="application/json,.json" tabindex="-1" aria-hidden="true"
          @change=${(/** @type {Event} */ e) => void this.importFile(e)}>
        ${this.hasUntrained
          ? html`<span class="kf-badge kf-badge-amber" data-untrained-badge title=${t('nlu.untrained')}>${t('nlu.untrainedBadge')}</span>`
          : nothing}
        <button type="button" class="kf-btn kf-btn-primary" data-action="retrain" ?disabled=${this.retraining}
          aria-busy=${this.retraining ? 'true' : 'false'} @click=${() => void this.retrain()}>${this.retraining ? t('nlu.retraining') : t('nlu.retrain')}</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('nlu.intro')}</p>
      ${this.hasUntrained
        ? html`<div class="kf-alert" data-untrained role="status" style="display: flex; gap: 10px; align-items: center; flex-wrap: wrap">
            <span>${t('nlu.untrained')}</span>
            <button type="button" class="kf-btn kf-btn-small kf-push" ?disabled=${this.retraining}
              @click=${() => void this.retrain()}>${t('nlu.retrainNow')}</button>
          </div>`
        : nothing}
      ${this.renderLastRun()}
      ${this.importError ? html`<div class="kf-alert kf-alert-error" role="alert" data-import-error>${this.importError}</div>` : nothing}
      ${loadError ? html`<div class="kf-alert kf-alert-error" role="alert">${loadError}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.intents.reload()}>${t('action.retry')}</button></div>` : nothing}
      ${this.creating ? this.renderCreate() : nothing}
      <div class="nlu-main">
        ${this.renderList()}
        ${this.renderDetail()}
      </div>
      <div class="nlu-lower">
        ${this.renderTrial()}
        ${this.renderHistory()}
      </div>
      <dialog class="kf-dialog" data-dialog="delete-intent" aria-labelledby="nlu-delete-title"
        @close=${() => { this.confirmDelete = null; this.confirmError = null; }}>${this.renderConfirm()}</dialog>
    </div>`;
  }

  renderLastRun() {
    const run = this.lastRun;
    if (!run) return nothing;
    const ok = succeeded(run.outcome);
    return html`<div class="kf-alert ${ok ? 'kf-alert-success' : 'kf-alert-error'}" role=${ok ? 'status' : 'alert'}
        data-training-result data-outcome=${ok ? 'trained' : 'failed'}>
      <strong>${ok ? t('nlu.trained', { examples: run.examples, intents: run.intents }) : t('nlu.trainFailed')}</strong>
      ${ok
        ? html` <span data-accuracy=${String(run.heldoutAccuracy)}>${run.heldoutExamples > 0
            ? t('nlu.accuracy', { accuracy: percent(run.heldoutAccuracy), n: run.heldoutExamples })
            : t('nlu.accuracyNone')}</span>`
        : nothing}
      <div class="kf-hint kf-mono" style="color: inherit; margin-top: 2px">${run.outcome}</div>
    </div>`;
  }

  renderCreate() {
    return html`<section class="kf-card" aria-labelledby="nlu-new-title">
      <form class="nlu-form" data-form="new-intent" @submit=${this.createIntent} aria-busy=${this.busy === 'create' ? 'true' : 'false'}>
        <h2 class="kf-subtitle nlu-wide" id="nlu-new-title" style="margin: 0">${t('nlu.newTitle')}</h2>
        ${this.createError ? html`<div class="kf-alert kf-alert-error nlu-wide" role="alert" data-error="new-intent">${this.createError}</div>` : nothing}
        <label class="kf-field"><span>${t('nlu.name')}<span class="kf-danger-text" aria-hidden="true"> *</span></span>
          <input class="kf-input kf-mono" name="name" required pattern=${NAME_PATTERN} maxlength="64" autocomplete="off"
            autocapitalize="none" spellcheck="false" aria-describedby="nlu-new-name-hint">
          <span class="kf-hint" id="nlu-new-name-hint">${t('nlu.nameHint')}</span>
        </label>
        <label class="kf-field"><span>${t('nlu.slots')}</span>
          <input class="kf-input kf-mono" name="slots" autocomplete="off" autocapitalize="none" spellcheck="false"
            aria-describedby="nlu-new-slots-hint">
          <span class="kf-hint" id="nlu-new-slots-hint">${t('nlu.slotsHint')}</span>
        </label>
        <label class="kf-field nlu-wide"><span>${t('nlu.description')}</span>
          <textarea class="kf-input" name="description" rows="2" maxlength="500"></textarea>
        </label>
        <label class="kf-check nlu-wide"><input type="checkbox" name="humanOnly"> ${t('nlu.humanOnlyLabel')}</label>
        <div class="kf-toolbar nlu-wide">
          <button type="submit" class="kf-btn kf-btn-primary" data-action="create-intent" ?disabled=${this.busy !== null}>
            ${this.busy === 'create' ? t('nlu.creating') : t('nlu.create')}</button>
          <button type="button" class="kf-btn" data-action="cancel-new-intent"
            @click=${() => { this.creating = false; this.createError = null; }}>${t('action.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  renderList() {
    const list = this.intentList;
    const needle = this.filter.trim().toLowerCase();
    const shown = needle
      ? list.filter((i) => `${i.name}\n${i.description ?? ''}\n${(i.requiredSlots ?? []).join(' ')}`.toLowerCase().includes(needle))
      : list;
    let body;
    if (!this.intents.value && this.intents.loading) body = html`<p class="kf-empty" role="status">${t('nlu.loading')}</p>`;
    else if (!this.intents.value) body = nothing;
    else if (list.length === 0) body = html`<p class="kf-empty" data-empty="intents">${t('nlu.noIntents')}</p>`;
    else if (shown.length === 0) body = html`<p class="kf-empty">${t('nlu.noMatch')}</p>`;
    else {
      body = html`<ul class="nlu-intents" aria-labelledby="nlu-intents-title">
        ${shown.map((i) => {
          const slots = i.requiredSlots ?? [];
          return html`<li data-intent=${i.name}>
            <button type="button" data-action="select-intent" aria-current=${i.name === this.selected ? 'true' : 'false'}
              @click=${() => this.select(i.name)}>
              <span class="nlu-intent-top">
                <span class="nlu-intent-name">${i.name}</span>
                <span class="nlu-count" data-example-count=${i.examples ?? 0} ?data-low=${(i.examples ?? 0) < 5}>${t('nlu.examplesCount', { n: i.examples ?? 0 })}</span>
              </span>
              ${i.description ? html`<span class="nlu-intent-desc" title=${i.description}>${i.description}</span>` : nothing}
              ${i.humanOnly || slots.length
                ? html`<span class="nlu-badges">
                    ${i.humanOnly ? html`<span class="kf-badge kf-badge-amber" data-badge="human-only" title=${t('nlu.humanOnlyHint')}>${t('nlu.humanOnly')}</span>` : nothing}
                    ${slots.map((s) => html`<span class="kf-badge kf-badge-blue" data-slot=${s} title=${t('nlu.slotHint')}>${s}</span>`)}
                  </span>`
                : nothing}
            </button>
          </li>`;
        })}
      </ul>`;
    }
    return html`<section class="kf-card nlu-list-card" aria-labelledby="nlu-intents-title" aria-busy=${this.intents.loading ? 'true' : 'false'}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="nlu-intents-title">${t('nlu.intents')}${this.intents.value ? html` <span class="kf-muted">${list.length}</span>` : nothing}</h2>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-action="refresh" ?disabled=${this.intents.loading}
          title=${t('action.refresh')} aria-label=${t('action.refresh')}
          @click=${() => { void this.intents.reload(); void this.runs.reload(); if (this.selected) void this.examples.load(this.selected); }}>↻</button>
      </div>
      <input class="kf-input" type="search" name="intent-filter" placeholder=${t('nlu.filter')} aria-label=${t('nlu.filter')}
        .value=${live(this.filter)} @input=${(/** @type {InputEvent} */ e) => { this.filter = /** @type {HTMLInputElement} */ (e.target).value; }}>
      ${body}
    </section>`;
  }

  renderDetail() {
    const intent = this.current;
    if (!intent) {
      return html`<section class="kf-card nlu-detail" data-intent-detail="">
        <p class="kf-empty" style="margin: 0">${this.intents.value && this.intentList.length === 0 ? t('nlu.noIntents') : t('nlu.pick')}</p>
      </section>`;
    }
    const busy = this.busy !== null;
    return html`<section class="kf-card nlu-detail" data-intent-detail=${intent.name} aria-labelledby="nlu-detail-title">
      <div class="kf-toolbar">
        <h2 id="nlu-detail-title" tabindex="-1">${intent.name}</h2>
        ${intent.humanOnly ? html`<span class="kf-badge kf-badge-amber" data-badge="human-only">${t('nlu.humanOnly')}</span>` : nothing}
        <button type="button" class="kf-btn kf-btn-small kf-btn-danger" data-action="delete-intent" ?disabled=${busy}
          @click=${() => { this.confirmError = null; this.confirmDelete = intent; }}>${t('nlu.deleteIntent')}</button>
      </div>

      <section aria-labelledby="nlu-settings-title">
        <h3 id="nlu-settings-title">${t('nlu.settings')}</h3>
        ${keyed(`${intent.name}#${this.revision}`, html`<form class="nlu-form" data-form="intent-settings" @submit=${this.saveIntent}
            aria-busy=${this.busy === 'save' ? 'true' : 'false'}>
          ${this.settingsError ? html`<div class="kf-alert kf-alert-error nlu-wide" role="alert" data-error="intent-settings">${this.settingsError}</div>` : nothing}
          <label class="kf-field nlu-wide"><span>${t('nlu.description')}</span>
            <textarea class="kf-input" name="description" rows="2" maxlength="500" .value=${intent.description ?? ''}></textarea>
          </label>
          <label class="kf-field"><span>${t('nlu.slots')}</span>
            <input class="kf-input kf-mono" name="slots" autocomplete="off" autocapitalize="none" spellcheck="false"
              .value=${(intent.requiredSlots ?? []).join(', ')} aria-describedby="nlu-slots-hint">
            <span class="kf-hint" id="nlu-slots-hint">${t('nlu.slotsHint')}</span>
          </label>
          <div class="kf-field" style="justify-content: center">
            <label class="kf-check"><input type="checkbox" name="humanOnly" .checked=${Boolean(intent.humanOnly)}> ${t('nlu.humanOnlyLabel')}</label>
          </div>
          <div class="kf-toolbar nlu-wide">
            <button type="submit" class="kf-btn kf-btn-primary" data-action="save-intent" ?disabled=${busy}>
              ${this.busy === 'save' ? t('nlu.saving') : t('nlu.save')}</button>
            <button type="button" class="kf-btn" data-action="reset-intent" ?disabled=${busy}
              @click=${() => { this.settingsError = null; this.revision++; this.requestUpdate(); }}>${t('action.cancel')}</button>
          </div>
        </form>`)}
      </section>

      ${this.renderExamples(intent)}
    </section>`;
  }

  /** @param {Intent} intent */
  renderExamples(intent) {
    const shown = this.examples.value;
    const mine = shown && shown.name === intent.name;
    const items = mine ? shown.items : [];
    let body;
    if (!mine && this.examples.error) {
      body = html`<div class="kf-alert kf-alert-error" role="alert">${this.examples.error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.examples.load(intent.name)}>${t('action.retry')}</button></div>`;
    } else if (!mine) {
      body = html`<p class="kf-muted" role="status">${t('nlu.examplesLoading')}</p>`;
    } else {
      body = html`<div class="nlu-langs">${LANGUAGES.map((lang) => {
        const list = items.filter((x) => trainingLanguage(x.language) === lang);
        const headingId = `nlu-examples-${lang}`;
        return html`<section data-examples-lang=${lang} aria-labelledby=${headingId}>
          <h4 class="kf-hint" id=${headingId} style="margin: 0 0 4px; font-weight: 600">${t(`nlu.lang.${lang}`)} <span>(${list.length})</span></h4>
          ${list.length === 0
            ? html`<p class="kf-muted" style="margin: 0">${t('nlu.noExamples')}</p>`
            : html`<ul class="nlu-examples">${list.map((x) => {
                const deleting = this.deletingExamples.has(String(x.id));
                return html`<li data-example=${x.id}>
                  <span class="nlu-example-text" lang=${lang === 'zh' ? 'zh-CN' : 'en'}>${x.text}</span>
                  <button type="button" class="nlu-x" data-action="delete-example" ?disabled=${deleting}
                    aria-label=${t('nlu.deleteExample', { text: x.text })} title=${t('nlu.deleteExample', { text: x.text })}
                    @click=${() => void this.deleteExample(x)}>×</button>
                </li>`;
              })}</ul>`}
        </section>`;
      })}</div>`;
    }
    const busy = this.busy !== null;
    return html`<section aria-labelledby="nlu-examples-title" aria-busy=${this.examples.loading ? 'true' : 'false'}>
      <h3 id="nlu-examples-title">${t('nlu.examples')} <span class="kf-muted">${mine ? items.length : intent.examples ?? ''}</span></h3>
      ${this.exampleError ? html`<div class="kf-alert kf-alert-error" role="alert" data-error="examples" style="margin-bottom: 8px">${this.exampleError}</div>` : nothing}
      ${body}
      <form class="nlu-add" data-form="add-example" style="margin-top: 10px" @submit=${this.addExample}
          aria-busy=${this.busy === 'add' ? 'true' : 'false'}>
        <label class="kf-field"><span>${t('nlu.language')}</span>
          <select class="kf-input" name="language" @change=${() => { this.languageTouched = true; }}>
            ${LANGUAGES.map((lang) => html`<option value=${lang} ?selected=${lang === this.exampleLanguage}>${t(`nlu.lang.${lang}`)}</option>`)}
          </select>
        </label>
        <label class="kf-field"><span>${t('nlu.exampleText')}</span>
          <input class="kf-input" name="text" required maxlength=${MAX_EXAMPLE_CHARS} autocomplete="off"
            placeholder=${t('nlu.examplePlaceholder')} @input=${this.onExampleInput}>
        </label>
        <button type="submit" class="kf-btn" data-action="add-example" ?disabled=${busy}>
          ${this.busy === 'add' ? t('nlu.adding') : t('nlu.addExample')}</button>
      </form>
    </section>`;
  }

  renderTrial() {
    const trial = this.trial;
    return html`<section class="kf-card" aria-labelledby="nlu-try-title" data-trial>
      <h2 class="kf-subtitle" id="nlu-try-title">${t('nlu.try')}</h2>
      <p class="kf-hint" style="margin: 0 0 8px">${t('nlu.tryHint')}</p>
      <form data-form="try" style="display: flex; gap: 6px; align-items: flex-start; flex-wrap: wrap"
        @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); void this.analyze(); }}>
        <textarea class="kf-input kf-grow" name="trial" rows="2" maxlength=${MAX_TRIAL_CHARS} required
          aria-label=${t('nlu.try')} placeholder=${t('nlu.tryPlaceholder')} style="resize: vertical; min-width: 200px"
          .value=${live(this.trialText)}
          @input=${(/** @type {InputEvent} */ e) => { this.trialText = /** @type {HTMLTextAreaElement} */ (e.target).value; }}
          @keydown=${(/** @type {KeyboardEvent} */ e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void this.analyze(); } }}></textarea>
        <button type="submit" class="kf-btn kf-btn-primary" data-action="analyze" ?disabled=${this.trying || !this.trialText.trim()}>
          ${this.trying ? t('nlu.analyzing') : t('nlu.analyze')}</button>
      </form>
      ${this.trialError ? html`<div class="kf-alert kf-alert-error" role="alert" style="margin-top: 8px">${this.trialError}</div>` : nothing}
      <div aria-live="polite">${trial ? this.renderTrialResult(trial) : nothing}</div>
    </section>`;
  }

  /** @param {Trial & {text: string}} trial */
  renderTrialResult(trial) {
    const result = trial.result ?? /** @type {NluResult} */ ({});
    const prediction = result.intent;
    const outOfScope = !prediction || prediction.outOfScope || !prediction.intent || prediction.intent === OUT_OF_SCOPE;
    const ranked = (Array.isArray(trial.ranked) ? trial.ranked : []).slice(0, TOP_RANKED);
    const entities = Array.isArray(result.entities) ? result.entities : [];
    const sentiment = result.sentiment;
    const target = this.current;
    return html`<div class="nlu-result" data-trial-result>
      <div class="nlu-verdict">
        <span class="kf-muted">${t('nlu.trialIntent')}:</span>
        ${outOfScope
          ? html`<span class="kf-badge kf-badge-gray" data-out-of-scope title=${t('nlu.outOfScopeHint')}>${t('nlu.outOfScope')}</span>`
          : html`<strong data-trial-intent=${prediction.intent}>${prediction.intent}</strong>`}
        ${prediction ? html`<span data-confidence=${String(prediction.confidence)}>${percent(prediction.confidence)}</span>` : nothing}
        <span class="kf-push kf-hint">${t('nlu.detectedLanguage')}: <span data-language=${result.language ?? ''}>${languageName(result.language)}</span></span>
      </div>
      ${outOfScope ? html`<p class="kf-hint" style="margin: 0">${t('nlu.outOfScopeHint')}</p>` : nothing}
      ${ranked.length
        ? html`<div>
            <h3>${t('nlu.topIntents')}</h3>
            <ul class="nlu-ranked">${ranked.map((r) => {
              const p = Math.max(0, Math.min(1, Number(r.probability) || 0));
              return html`<li data-ranked=${r.label}>
                <span class="nlu-label" title=${intentLabel(r.label)}>${intentLabel(r.label)}</span>
                <span class="nlu-bar" role="presentation"><span style=${styleMap({ width: `${(p * 100).toFixed(1)}%` })}></span></span>
                <span class="nlu-pct">${percent(p)}</span>
              </li>`;
            })}</ul>
          </div>`
        : nothing}
      <div>
        <h3>${t('nlu.entities')}</h3>
        ${entities.length
          ? html`<dl class="nlu-entities">${entities.map((en) => html`<dt data-entity=${en.type}>${en.type}</dt>
              <dd title=${en.text ?? ''}>→ <span class="kf-mono">${en.value ?? en.text}</span>${en.text && en.text !== en.value
                ? html` <span class="kf-muted">(${en.text})</span>` : nothing}</dd>`)}</dl>`
          : html`<p class="kf-muted" style="margin: 0">${t('nlu.noEntities')}</p>`}
      </div>
      ${sentiment
        ? html`<div><h3>${t('nlu.sentiment')}</h3>
            <span class="kf-badge kf-badge-${SENTIMENT_COLOR[sentiment.label] ?? 'gray'} nlu-sentiment" data-sentiment=${sentiment.label}>
              ${sentimentLabel(sentiment.label)}</span>
            <span class="kf-hint">${Number.isFinite(Number(sentiment.score)) ? Number(sentiment.score).toFixed(2) : ''}</span></div>`
        : nothing}
      ${this.intentList.length
        ? html`<form data-form="add-trial-example" style="display: flex; gap: 6px; align-items: center; flex-wrap: wrap"
            @submit=${(/** @type {SubmitEvent} */ e) => {
              e.preventDefault();
              const name = String(new FormData(/** @type {HTMLFormElement} */ (e.currentTarget)).get('intent') ?? '');
              if (name) void this.postExample(name, trainingLanguage(result.language ?? (HAN.test(trial.text) ? 'zh' : 'en')), trial.text);
            }}>
            <label for="nlu-trial-intent" class="kf-hint">${t('nlu.addTrialTo')}</label>
            <select class="kf-input kf-mono" id="nlu-trial-intent" name="intent" style="font-size: 12px; padding: 2px 6px">
              ${this.intentList.map((i) => html`<option value=${i.name} ?selected=${i.name === (target?.name ?? (outOfScope ? OUT_OF_SCOPE : prediction?.intent))}>${i.name}</option>`)}
            </select>
            <button type="submit" class="kf-btn kf-btn-small" data-action="add-trial-example" ?disabled=${this.busy !== null}>+ ${t('nlu.addExample')}</button>
          </form>`
        : nothing}
    </div>`;
  }

  renderHistory() {
    const runs = Array.isArray(this.runs.value) ? this.runs.value : [];
    let body;
    if (!this.runs.value && this.runs.error) body = html`<div class="kf-alert kf-alert-error" role="alert">${this.runs.error.message}</div>`;
    else if (!this.runs.value) body = html`<p class="kf-muted" role="status">${t('nlu.historyLoading')}</p>`;
    else if (runs.length === 0) body = html`<p class="kf-muted" data-empty="training-runs" style="margin: 0">${t('nlu.historyEmpty')}</p>`;
    else {
      body = html`<div class="kf-table-wrap">
        <table class="kf-table" data-table="training-runs">
          <thead>
            <tr>
              <th scope="col">${t('nlu.col.started')}</th>
              <th scope="col">${t('nlu.col.by')}</th>
              <th scope="col" class="kf-num">${t('nlu.col.examples')}</th>
              <th scope="col" class="kf-num"><abbr title=${t('nlu.col.accuracyHint')} style="text-decoration: none">${t('nlu.col.accuracy')}</abbr></th>
              <th scope="col" class="kf-num">${t('nlu.col.duration')}</th>
              <th scope="col">${t('nlu.col.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            ${runs.map((r) => {
              const ok = succeeded(r.outcome);
              return html`<tr data-run=${r.id} data-outcome=${ok ? 'trained' : 'failed'}>
                <td class="kf-nowrap"><time datetime=${r.startedAt}>${formatDateTime(r.startedAt)}</time></td>
                <td>${r.startedBy}</td>
                <td class="kf-num kf-nowrap">${r.examples} <span class="kf-muted">/ ${t('nlu.intentsCount', { n: r.intents })}</span></td>
                <td class="kf-num" title=${t('nlu.accuracy', { accuracy: percent(r.heldoutAccuracy), n: r.heldoutExamples })}>${ok && r.heldoutExamples > 0 ? percent(r.heldoutAccuracy) : '—'}</td>
                <td class="kf-num kf-nowrap">${duration(r.startedAt, r.finishedAt)}</td>
                <td class="nlu-outcome" title=${r.outcome}><span class="kf-badge kf-badge-${ok ? 'green' : 'red'}">${t(ok ? 'nlu.outcome.trained' : 'nlu.outcome.failed')}</span></td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="kf-card" aria-labelledby="nlu-history-title" aria-busy=${this.runs.loading ? 'true' : 'false'}>
      <h2 class="kf-subtitle" id="nlu-history-title">${t('nlu.history')}</h2>
      ${this.runs.value && this.runs.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.runs.error.message}</div>` : nothing}
      ${body}
    </section>`;
  }

  renderConfirm() {
    const intent = this.confirmDelete;
    if (!intent) return nothing;
    return html`<form @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); void this.deleteIntent(); }}>
      <h2 id="nlu-delete-title">${t('nlu.deleteTitle', { name: intent.name })}</h2>
      ${this.confirmError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.confirmError}</div>` : nothing}
      <p style="margin: 0">${t('nlu.deleteConfirm', { n: intent.examples ?? 0 })}</p>
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-action="cancel-delete" autofocus
          @click=${() => { this.confirmDelete = null; }}>${t('action.cancel')}</button>
        <button type="submit" class="kf-btn kf-btn-danger" data-action="confirm-delete" ?disabled=${this.busy === 'delete'}>
          ${this.busy === 'delete' ? t('nlu.deleting') : t('nlu.deleteIntent')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kefu-nlu-view', KefuNluView);
