// @ts-check
// "Knowledge base" (知识库): the analyst's view of the knowledge articles and FAQ entries the bot answers from and
// agents search. A filterable list, an editor with optimistic versioning (publish, archive, delete, version history
// with restore), a test search against the live index, and import/export of CSV and JSON files.
//
// Plain JavaScript served as it is by the kefu.knowledge bundle (no build step); 'lit', 'lit/…' and '@kefu/workbench'
// come from the shell's import map. Like Kefu's built-in views it renders into the light DOM; its own styles are
// adopted into the document once, every rule scoped under the element's tag name. Questions, answers and tags are
// text typed by analysts (or imported) and are only ever inserted through Lit's text bindings.
import { LitElement, html, css, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  adoptDocumentStyles, api, ApiError, baseStyles, formatDateTime, Loader, LocaleController, locale, pager, registerMessages, t, toast,
} from '@kefu/workbench';

/**
 * @typedef {object} Article
 * @property {string} id
 * @property {string} language 'zh' or 'en'
 * @property {string} question
 * @property {string[]} alternativeQuestions
 * @property {string} answer
 * @property {string[]} tags
 * @property {'DRAFT'|'PUBLISHED'|'ARCHIVED'} status
 * @property {number} version
 * @property {string} updatedAt
 */
/**
 * @typedef {object} VersionSummary
 * @property {number} version
 * @property {string} change CREATED, UPDATED, PUBLISHED, ARCHIVED, RESTORED, IMPORTED
 * @property {number|null} restoredFrom
 * @property {string} status
 * @property {string} editedBy
 * @property {string} editedAt
 */
/** @typedef {{article: Article, versions: VersionSummary[]}} ArticleDetail */
/** @typedef {{items: Article[], offset: number, limit: number, total: number}} ArticlePage */
/** @typedef {{article: Article, score: number, source: string}} Hit */
/** @typedef {{line: number, field: string, message: string}} RowError */
/** @typedef {{status: string, lang: string, tag: string, q: string}} Filters */

// ------------------------------------------------------------------ texts

// Keys carry the view's prefix ("kb.") so they can never replace one of the shell's; anything missing in Chinese
// falls back to English through t().
registerMessages('en', {
  'kb.title': 'Knowledge base',
  'kb.intro': 'Articles and FAQ entries in Chinese and English. Only published articles are answered by the bot and found by agents; every change makes a new version.',
  'kb.newArticle': 'New article',
  'kb.import': 'Import…',
  'kb.importing': 'Importing…',
  'kb.exportCsv': 'Export CSV',
  'kb.exportJson': 'Export JSON',
  'kb.exportHint': 'Exports every article the status, language and tag filters select.',
  'kb.exported': 'Knowledge file downloaded.',
  'kb.imported': 'Imported: {created} new, {updated} updated, {unchanged} unchanged.',
  'kb.importInvalid': 'Nothing was imported: fix these problems and import the file again.',
  'kb.importTooLarge': 'The file is too large to import: {message}',
  'kb.importFailed': 'The file was not imported: {message}',
  'kb.line': 'line {line}',

  'kb.articles': 'Articles',
  'kb.filterStatus': 'Status',
  'kb.filterLanguage': 'Language',
  'kb.filterTag': 'Tag',
  'kb.filterText': 'Search text',
  'kb.filterTextPlaceholder': 'Question, alternatives or answer',
  'kb.any': 'Any',
  'kb.clearFilters': 'Clear filters',
  'kb.loading': 'Loading articles…',
  'kb.noArticles': 'No articles yet. Create one, or import a file.',
  'kb.noMatch': 'No article matches the filters.',
  'kb.versionShort': 'v{n}',

  'kb.status.DRAFT': 'Draft',
  'kb.status.PUBLISHED': 'Published',
  'kb.status.ARCHIVED': 'Archived',
  'kb.lang.zh': 'Chinese',
  'kb.lang.en': 'English',

  'kb.pick': 'Pick an article to edit it, or create a new one.',
  'kb.detailLoading': 'Loading the article…',
  'kb.notFound': 'This article does not exist (any more). It may have been deleted.',
  'kb.newTitle': 'New article',
  'kb.editTitle': 'Article {id}',
  'kb.updated': 'Version {version}, changed {at}',
  'kb.language': 'Language',
  'kb.question': 'Question',
  'kb.alternatives': 'Alternative questions',
  'kb.alternativesHint': 'Other ways customers ask the same thing, one per line.',
  'kb.answer': 'Answer',
  'kb.answerHint': 'Placeholders such as {order_number} are filled in from the conversation when the bot answers.',
  'kb.tags': 'Tags',
  'kb.tagsHint': 'Separated by commas. A tag intent:<name> (e.g. intent:order_status) makes this article the bot’s answer for that intent.',
  'kb.required': 'Required.',
  'kb.save': 'Save',
  'kb.saving': 'Saving…',
  'kb.create': 'Create draft',
  'kb.created': 'Article created as a draft.',
  'kb.saved': 'Article saved as version {version}.',
  'kb.publish': 'Publish',
  'kb.published': 'Article published: the bot and agents find it now.',
  'kb.archive': 'Archive',
  'kb.archived': 'Article archived: the bot and agents no longer find it.',
  'kb.delete': 'Delete',
  'kb.deleting': 'Deleting…',
  'kb.deleted': 'Article deleted.',
  'kb.deleteTitle': 'Delete this article?',
  'kb.deleteConfirm': '“{question}” and its whole version history are deleted. To keep the history, archive it instead.',
  'kb.invalid': 'The article cannot be saved; see the fields marked below.',
  'kb.conflict': 'This article was changed by someone else since you opened it. Reload it to see the current version (your unsaved edits are lost), then make your change again.',
  'kb.reload': 'Reload article',
  'kb.publishedNote': 'Published: saving changes what the bot answers at once.',

  'kb.history': 'Version history',
  'kb.noHistory': 'No versions.',
  'kb.current': 'current',
  'kb.restore': 'Restore',
  'kb.restoreHint': 'Make a new version with the content of version {n}',
  'kb.restored': 'Version {from} restored as version {version}.',
  'kb.restoredFrom': 'from v{n}',
  'kb.change.CREATED': 'created',
  'kb.change.UPDATED': 'edited',
  'kb.change.PUBLISHED': 'published',
  'kb.change.ARCHIVED': 'archived',
  'kb.change.RESTORED': 'restored',
  'kb.change.IMPORTED': 'imported',
  'kb.related': 'Related questions',
  'kb.relatedHint': 'Published articles offered as “you may also want to ask”.',
  'kb.noRelated': 'None.',

  'kb.testSearch': 'Test search',
  'kb.testSearchHint': 'What the bot and agents find for a question, best first, with the score of each hit.',
  'kb.searchPlaceholder': 'e.g. 我的订单什么时候发货',
  'kb.search': 'Search',
  'kb.searching': 'Searching…',
  'kb.searchAll': 'Include drafts and archived articles',
  'kb.noHits': 'No article found.',
  'kb.score': 'score {score}',
  'kb.source': 'matched on {source}',
});

registerMessages('zh-CN', {
  'kb.title': '知识库',
  'kb.intro': '中英文知识文章与常见问题。只有已发布的文章会被机器人用来回答、被客服搜索到；每次修改都会生成新版本。',
  'kb.newArticle': '新建文章',
  'kb.import': '导入…',
  'kb.importing': '正在导入…',
  'kb.exportCsv': '导出 CSV',
  'kb.exportJson': '导出 JSON',
  'kb.exportHint': '导出符合状态、语言和标签筛选条件的所有文章。',
  'kb.exported': '知识库文件已下载。',
  'kb.imported': '已导入：新建 {created} 篇，更新 {updated} 篇，未变 {unchanged} 篇。',
  'kb.importInvalid': '未导入任何内容：请修正以下问题后重新导入文件。',
  'kb.importTooLarge': '文件太大，无法导入：{message}',
  'kb.importFailed': '文件未导入：{message}',
  'kb.line': '第 {line} 行',

  'kb.articles': '文章',
  'kb.filterStatus': '状态',
  'kb.filterLanguage': '语言',
  'kb.filterTag': '标签',
  'kb.filterText': '搜索文字',
  'kb.filterTextPlaceholder': '问题、相似问法或答案',
  'kb.any': '全部',
  'kb.clearFilters': '清除筛选',
  'kb.loading': '正在加载文章…',
  'kb.noArticles': '还没有文章。请新建一篇，或导入文件。',
  'kb.noMatch': '没有符合筛选条件的文章。',
  'kb.versionShort': '第 {n} 版',

  'kb.status.DRAFT': '草稿',
  'kb.status.PUBLISHED': '已发布',
  'kb.status.ARCHIVED': '已归档',
  'kb.lang.zh': '中文',
  'kb.lang.en': '英文',

  'kb.pick': '选择一篇文章进行编辑，或新建一篇。',
  'kb.detailLoading': '正在加载文章…',
  'kb.notFound': '这篇文章不存在（或已被删除）。',
  'kb.newTitle': '新建文章',
  'kb.editTitle': '文章 {id}',
  'kb.updated': '第 {version} 版，修改于 {at}',
  'kb.language': '语言',
  'kb.question': '问题',
  'kb.alternatives': '相似问法',
  'kb.alternativesHint': '客户询问同一件事的其他说法，每行一个。',
  'kb.answer': '答案',
  'kb.answerHint': '机器人回答时，{order_number} 这类占位符会用会话中的信息填充。',
  'kb.tags': '标签',
  'kb.tagsHint': '用逗号分隔。标签 intent:<意图名>（例如 intent:order_status）会让这篇文章成为机器人对该意图的回答。',
  'kb.required': '必填。',
  'kb.save': '保存',
  'kb.saving': '正在保存…',
  'kb.create': '创建草稿',
  'kb.created': '文章已创建为草稿。',
  'kb.saved': '文章已保存为第 {version} 版。',
  'kb.publish': '发布',
  'kb.published': '文章已发布：机器人和客服现在可以找到它。',
  'kb.archive': '归档',
  'kb.archived': '文章已归档：机器人和客服将不再找到它。',
  'kb.delete': '删除',
  'kb.deleting': '正在删除…',
  'kb.deleted': '文章已删除。',
  'kb.deleteTitle': '删除这篇文章？',
  'kb.deleteConfirm': '“{question}”及其全部版本历史将被删除。如需保留历史，请改为归档。',
  'kb.invalid': '文章无法保存，请查看下方标出的字段。',
  'kb.conflict': '自您打开以来，这篇文章已被他人修改。请重新加载查看当前版本（未保存的修改将丢失），然后重新修改。',
  'kb.reload': '重新加载文章',
  'kb.publishedNote': '已发布：保存后机器人的回答会立即改变。',

  'kb.history': '版本历史',
  'kb.noHistory': '没有版本。',
  'kb.current': '当前',
  'kb.restore': '恢复',
  'kb.restoreHint': '以第 {n} 版的内容生成新版本',
  'kb.restored': '已将第 {from} 版恢复为第 {version} 版。',
  'kb.restoredFrom': '来自第 {n} 版',
  'kb.change.CREATED': '创建',
  'kb.change.UPDATED': '编辑',
  'kb.change.PUBLISHED': '发布',
  'kb.change.ARCHIVED': '归档',
  'kb.change.RESTORED': '恢复',
  'kb.change.IMPORTED': '导入',
  'kb.related': '相关问题',
  'kb.relatedHint': '作为“你可能还想问”推荐的已发布文章。',
  'kb.noRelated': '无。',

  'kb.testSearch': '测试搜索',
  'kb.testSearchHint': '机器人和客服针对一个问题能找到的文章，按相关度排序，并显示每条结果的得分。',
  'kb.searchPlaceholder': '例如：我的订单什么时候发货',
  'kb.search': '搜索',
  'kb.searching': '正在搜索…',
  'kb.searchAll': '包括草稿和已归档的文章',
  'kb.noHits': '没有找到文章。',
  'kb.score': '得分 {score}',
  'kb.source': '匹配：{source}',
});

// ---------------------------------------------------------------- helpers

const API = '/api/knowledge';
const VIEW_HASH = '#/view/kefu.knowledge';
const LANGUAGES = /** @type {const} */ (['zh', 'en']);
const STATUSES = /** @type {const} */ (['DRAFT', 'PUBLISHED', 'ARCHIVED']);
const STATUS_COLOR = { DRAFT: 'amber', PUBLISHED: 'green', ARCHIVED: 'gray' };
const PAGE_SIZE = 50;
const MAX_QUESTION_CHARS = 500;
const MAX_ANSWER_CHARS = 20000;
const MAX_QUERY_CHARS = 1000;
const SEARCH_HITS = 10;
const RELATED_HITS = 5;
const FILTER_DELAY_MS = 300;
/** The server's field names (FieldError.field) → the form's. */
const FORM_FIELD = { alternativeQuestions: 'alternatives' };
const FORM_FIELDS = ['language', 'question', 'alternatives', 'answer', 'tags'];

function enc(value) {
  return encodeURIComponent(String(value));
}

function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

/** The article a link names: `#/view/kefu.knowledge/a/<id>` (the shell leaves what follows the view id to the view). */
function articleInHash() {
  const match = /^#\/view\/kefu\.knowledge\/a\/([^/]+)$/.exec(location.hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** Shows the selected article in the address bar without adding a history entry per click. */
function showInHash(id) {
  if (location.hash !== VIEW_HASH && !location.hash.startsWith(`${VIEW_HASH}/`)) return;
  const wanted = id ? `${VIEW_HASH}/a/${enc(id)}` : VIEW_HASH;
  if (location.hash !== wanted) history.replaceState(history.state, '', wanted);
}

/** The article language of a value ("zh", "zh_CN", "en_US"). */
function articleLanguage(value) {
  return /^zh/i.test(String(value ?? '')) ? 'zh' : 'en';
}

function statusLabel(status) {
  const key = `kb.status.${status}`;
  const text = t(key);
  return text === key ? String(status) : text;
}

function changeLabel(change) {
  const key = `kb.change.${change}`;
  const text = t(key);
  return text === key ? String(change ?? '') : text;
}

/** One line per alternative; blank lines dropped. */
function parseLines(text) {
  return String(text ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
}

/** "a, b，c、d" → ['a', 'b', 'c', 'd'] (commas or Chinese commas separate). */
function parseTags(text) {
  return [...new Set(String(text ?? '').split(/[,，、;；\n]+/).map((s) => s.trim()).filter(Boolean))];
}

function score(value) {
  const n = Number(value);
  return Number.isFinite(n) ? new Intl.NumberFormat(locale(), { maximumFractionDigits: 3, minimumFractionDigits: 3 }).format(n) : '—';
}

/**
 * fetch with the session and the header Kefu requires for changes, for what api() cannot do (a file as the body, a
 * file as the answer); errors become ApiErrors as api() makes them.
 * @param {string} path @param {RequestInit & {headers?: Record<string, string>}} [init]
 * @returns {Promise<Response>} a 2xx response
 */
async function send(path, init = {}) {
  let response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...init,
      headers: { Accept: 'application/json', 'X-Requested-With': 'kefu', ...(init.headers ?? {}) },
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (response.ok) return response;
  const text = await response.text();
  let data;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  const error = new ApiError(
    response.status,
    typeof data?.code === 'string' ? data.code : `http.${response.status}`,
    typeof data?.message === 'string' && data.message ? data.message : `HTTP ${response.status} ${response.statusText}`.trim(),
    data,
  );
  if (response.status === 401) window.dispatchEvent(new CustomEvent('kefu:unauthorized', { detail: error }));
  throw error;
}

/** The filename of a Content-Disposition header, or the fallback. */
function fileName(response, fallback) {
  const match = /filename="?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') ?? '');
  return match ? match[1] : fallback;
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ------------------------------------------------------------------ styles

// Scoped by the tag name because the view lives in the light DOM; colours come from the shell's --kf-* properties.
const kbStyles = css`
  kefu-knowledge-view { display: block; container-type: inline-size; container-name: kefu-knowledge; }
  kefu-knowledge-view .kb-main { display: grid; grid-template-columns: minmax(260px, 360px) minmax(0, 1fr); gap: 12px; align-items: start; }
  kefu-knowledge-view .kb-lower { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 12px; align-items: start; }
  kefu-knowledge-view .kb-file { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

  kefu-knowledge-view .kb-list-card { padding: 10px; display: flex; flex-direction: column; gap: 8px; }
  kefu-knowledge-view .kb-filters { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; }
  kefu-knowledge-view .kb-filters .kb-wide { grid-column: 1 / -1; }
  kefu-knowledge-view .kb-filters .kf-input { width: 100%; }
  kefu-knowledge-view .kb-articles { list-style: none; margin: 0; padding: 0; overflow-y: auto; max-height: 65vh; display: flex; flex-direction: column; gap: 2px; }
  kefu-knowledge-view .kb-articles button {
    width: 100%; text-align: left; font: inherit; font-size: 13px; color: var(--kf-text); background: none; cursor: pointer;
    border: 1px solid transparent; border-radius: var(--kf-radius); padding: 6px 8px; display: flex; flex-direction: column; gap: 3px;
  }
  kefu-knowledge-view .kb-articles button:hover { background: var(--kf-hover); }
  kefu-knowledge-view .kb-articles button:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: -2px; }
  kefu-knowledge-view .kb-articles button[aria-current="true"] { background: var(--kf-accent-soft); border-color: var(--kf-accent); }
  kefu-knowledge-view .kb-article-top { display: flex; align-items: baseline; gap: 6px; }
  kefu-knowledge-view .kb-question { font-weight: 600; overflow-wrap: anywhere; margin-right: auto; }
  kefu-knowledge-view .kb-meta { display: flex; flex-wrap: wrap; gap: 3px 6px; align-items: center; font-size: 11.5px; color: var(--kf-text-muted); }
  kefu-knowledge-view .kb-meta .kf-badge + .kf-badge { margin-left: 0; }
  kefu-knowledge-view .kb-tag { font-family: var(--kf-font-mono); font-size: 11px; }

  kefu-knowledge-view .kb-detail { display: flex; flex-direction: column; gap: 14px; min-width: 0; }
  kefu-knowledge-view .kb-detail h2 { font-size: 16px; margin: 0; margin-right: auto; overflow-wrap: anywhere; }
  kefu-knowledge-view .kb-detail h3 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--kf-text-muted); margin: 0 0 6px; font-weight: 600; }
  kefu-knowledge-view .kb-form { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
  kefu-knowledge-view .kb-form .kb-wide { grid-column: 1 / -1; }
  kefu-knowledge-view .kb-form textarea { resize: vertical; min-height: 38px; }
  kefu-knowledge-view .kb-form [aria-invalid="true"] { border-color: var(--kf-danger); }
  kefu-knowledge-view .kb-field-error { font-size: 12px; }
  kefu-knowledge-view .kb-versions, kefu-knowledge-view .kb-hits, kefu-knowledge-view .kb-related, kefu-knowledge-view .kb-import-errors {
    list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column;
    border: 1px solid var(--kf-border); border-radius: var(--kf-radius); max-height: 340px; overflow-y: auto;
  }
  kefu-knowledge-view .kb-versions li, kefu-knowledge-view .kb-hits li, kefu-knowledge-view .kb-related li, kefu-knowledge-view .kb-import-errors li {
    display: flex; align-items: baseline; gap: 8px; flex-wrap: wrap; padding: 5px 8px; font-size: 13px; border-bottom: 1px solid var(--kf-border);
  }
  kefu-knowledge-view .kb-versions li:last-child, kefu-knowledge-view .kb-hits li:last-child,
  kefu-knowledge-view .kb-related li:last-child, kefu-knowledge-view .kb-import-errors li:last-child { border-bottom: 0; }
  kefu-knowledge-view .kb-versions li[aria-current="true"] { background: var(--kf-accent-soft); }
  kefu-knowledge-view .kb-num { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3ch; }
  kefu-knowledge-view .kb-link { font: inherit; border: 0; background: none; padding: 0; color: var(--kf-accent); cursor: pointer; text-align: left; overflow-wrap: anywhere; }
  kefu-knowledge-view .kb-link:hover { text-decoration: underline; }
  kefu-knowledge-view .kb-link:focus-visible { outline: 2px solid var(--kf-focus); outline-offset: 1px; }
  kefu-knowledge-view .kb-hit-text { flex: 1 1 200px; min-width: 0; }
  kefu-knowledge-view .kb-answer-preview { display: block; color: var(--kf-text-muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  kefu-knowledge-view .kb-score { font-variant-numeric: tabular-nums; font-size: 12px; white-space: nowrap; }

  @container kefu-knowledge (max-width: 760px) {
    kefu-knowledge-view .kb-main { grid-template-columns: minmax(0, 1fr); }
    kefu-knowledge-view .kb-articles { max-height: 40vh; }
  }
`;

// ------------------------------------------------------------------ view

/** `<kefu-knowledge-view>`: articles, their versions, a test search and import/export for analysts. */
export class KefuKnowledgeView extends LitElement {
  static properties = {
    selected: { state: true },
    creating: { state: true },
    filters: { state: true },
    busy: { state: true },
    formError: { state: true },
    fieldErrors: { state: true },
    conflict: { state: true },
    confirmDelete: { state: true },
    confirmError: { state: true },
    searchText: { state: true },
    searchLang: { state: true },
    searchAll: { state: true },
    hits: { state: true },
    searchError: { state: true },
    searching: { state: true },
    importing: { state: true },
    importError: { state: true },
    importErrors: { state: true },
  };

  constructor() {
    super();
    /** @type {string|null} the article shown in the editor */
    this.selected = null;
    /** Whether the editor holds a new, unsaved article. */
    this.creating = false;
    /** @type {Filters} */
    this.filters = { status: '', lang: '', tag: '', q: '' };
    /** @type {null|'save'|'publish'|'archive'|'delete'|'restore'} the one change in flight */
    this.busy = null;
    /** @type {string|null} */
    this.formError = null;
    /** @type {Record<string, string[]>} messages by form field name */
    this.fieldErrors = {};
    /** The article moved on since it was loaded (409). */
    this.conflict = false;
    this.confirmDelete = false;
    /** @type {string|null} */
    this.confirmError = null;
    this.searchText = '';
    this.searchLang = '';
    this.searchAll = false;
    /** @type {{query: string, hits: Hit[]}|null} */
    this.hits = null;
    /** @type {string|null} */
    this.searchError = null;
    this.searching = false;
    this.importing = false;
    /** @type {string|null} */
    this.importError = null;
    /** @type {RowError[]} */
    this.importErrors = [];
    /** Bumped to rebuild the editor form from the stored values (its inputs are read on submit). */
    this.revision = 0;
    /** @type {number|undefined} */
    this.filterTimer = undefined;

    /** @type {Loader<ArticlePage, number>} */
    this.list = new Loader(this, (signal, offset) => api(`${API}/articles?${this.listQuery(offset)}`, { signal }), { arg: 0 });
    /** @type {Loader<ArticleDetail|null, string|null>} */
    this.detail = new Loader(this, async (signal, id) => (id ? api(`${API}/articles/${enc(id)}`, { signal }) : null),
      { arg: null, loadOnConnect: false });
    /** @type {Loader<{id: string, hits: Hit[]}|null, string|null>} */
    this.related = new Loader(this, async (signal, id) =>
      (id ? { id, hits: await api(`${API}/articles/${enc(id)}/related?limit=${RELATED_HITS}`, { signal }) } : null),
    { arg: null, loadOnConnect: false });
    new LocaleController(this);
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.setAttribute('data-view', 'kefu.knowledge');
    adoptDocumentStyles(baseStyles, kbStyles);
    window.addEventListener('hashchange', this.onHashChange);
    const linked = articleInHash() ?? this.selected;
    if (linked) this.select(linked);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.clearTimeout(this.filterTimer);
  }

  onHashChange = () => {
    const linked = articleInHash();
    if (linked && linked !== this.selected) this.select(linked);
  };

  // ------------------------------------------------------- list

  /** @param {number} offset */
  listQuery(offset) {
    const query = new URLSearchParams();
    const f = this.filters;
    if (f.status) query.set('status', f.status);
    if (f.lang) query.set('lang', f.lang);
    if (f.tag.trim()) query.set('tag', f.tag.trim().toLowerCase());
    if (f.q.trim()) query.set('q', f.q.trim());
    query.set('offset', String(offset));
    query.set('limit', String(PAGE_SIZE));
    return query.toString();
  }

  /** @param {Partial<Filters>} change @param {boolean} [typed] text typed: wait for a pause */
  setFilter(change, typed = false) {
    this.filters = { ...this.filters, ...change };
    window.clearTimeout(this.filterTimer);
    if (typed) this.filterTimer = window.setTimeout(() => void this.list.load(0), FILTER_DELAY_MS);
    else void this.list.load(0);
  }

  get hasFilters() {
    const f = this.filters;
    return Boolean(f.status || f.lang || f.tag.trim() || f.q.trim());
  }

  // ----------------------------------------------------- selection

  /** @returns {ArticleDetail|null} the detail of the selected article, once loaded */
  get current() {
    const value = this.detail.value;
    return value && this.selected && value.article?.id === this.selected ? value : null;
  }

  resetEditor() {
    this.formError = null;
    this.fieldErrors = {};
    this.conflict = false;
    this.revision++;
  }

  /** @param {string|null} id */
  select(id) {
    this.creating = false;
    if (id !== this.selected) {
      this.selected = id;
      this.resetEditor();
      showInHash(id);
    }
    if (id) {
      if (this.detail.value?.article?.id !== id || this.detail.error) void this.detail.load(id);
      if (this.related.value?.id !== id) void this.related.load(id);
    }
  }

  newArticle() {
    this.selected = null;
    this.creating = true;
    this.resetEditor();
    showInHash(null);
    this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('form[data-form="article"] [name="question"]'))?.focus());
  }

  /** Reloads the selected article after a change (its versions) and the list (its order and badges). */
  refreshAfterChange(id) {
    if (id) {
      void this.detail.load(id);
      void this.related.load(id);
    }
    void this.list.reload();
  }

  /** A 409: the article moved on. Shows the notice; the analyst reloads. @param {unknown} err */
  isConflict(err) {
    if (err instanceof ApiError && err.status === 409) {
      this.conflict = true;
      return true;
    }
    return false;
  }

  async reloadArticle() {
    const id = this.selected;
    if (!id) return;
    await this.detail.load(id);
    this.resetEditor();
  }

  // -------------------------------------------------------- editing

  /**
   * Reads the editor. @param {HTMLFormElement} form
   * @returns {{language: string, question: string, alternativeQuestions: string[], answer: string, tags: string[]}}
   */
  readForm(form) {
    const data = new FormData(form);
    return {
      language: data.get('language') === 'zh' ? 'zh' : 'en',
      question: String(data.get('question') ?? '').trim(),
      alternativeQuestions: parseLines(data.get('alternatives')),
      answer: String(data.get('answer') ?? '').trim(),
      tags: parseTags(data.get('tags')),
    };
  }

  /** @param {SubmitEvent} e */
  async save(e) {
    e.preventDefault();
    if (this.busy) return;
    const content = this.readForm(/** @type {HTMLFormElement} */ (e.currentTarget));
    /** @type {Record<string, string[]>} */
    const missing = {};
    if (!content.question) missing.question = [t('kb.required')];
    if (!content.answer) missing.answer = [t('kb.required')];
    if (Object.keys(missing).length) {
      this.fieldErrors = missing;
      this.formError = t('kb.invalid');
      this.focusFirstError();
      return;
    }
    const editing = this.creating ? null : this.current;
    if (!this.creating && !editing) return;
    this.busy = 'save';
    this.formError = null;
    this.fieldErrors = {};
    try {
      if (editing) {
        /** @type {Article} */
        const saved = await api(`${API}/articles/${enc(editing.article.id)}`, {
          method: 'PUT', body: { version: editing.article.version, ...content },
        });
        if (saved) this.detail.value = { article: saved, versions: editing.versions };
        this.conflict = false;
        toast(t('kb.saved', { version: saved?.version ?? '' }), 'success');
        this.refreshAfterChange(editing.article.id);
      } else {
        /** @type {Article} */
        const created = await api(`${API}/articles`, { method: 'POST', body: content });
        toast(t('kb.created'), 'success');
        this.detail.value = { article: created, versions: [] };
        this.select(created.id);
        this.refreshAfterChange(created.id);
      }
    } catch (err) {
      if (this.isConflict(err)) return;
      const errors = err instanceof ApiError ? /** @type {any} */ (err.body)?.errors : null;
      if (err instanceof ApiError && err.status === 400 && Array.isArray(errors) && errors.length) {
        /** @type {Record<string, string[]>} */
        const byField = {};
        for (const fe of errors) {
          const field = FORM_FIELD[fe.field] ?? String(fe.field);
          (byField[field] ??= []).push(String(fe.message ?? ''));
        }
        this.fieldErrors = byField;
        // Errors on fields the form does not have (version) are shown with the form's message.
        const other = Object.keys(byField).filter((f) => !FORM_FIELDS.includes(f));
        this.formError = other.length ? `${t('kb.invalid')} ${other.map((f) => `${f}: ${byField[f].join('; ')}`).join(' ')}` : t('kb.invalid');
        this.focusFirstError();
      } else {
        this.formError = errorText(err);
      }
    } finally {
      this.busy = null;
    }
  }

  focusFirstError() {
    this.updateComplete.then(() => /** @type {HTMLElement|null} */ (this.querySelector('form[data-form="article"] [aria-invalid="true"]'))?.focus());
  }

  /** @param {'publish'|'archive'} action */
  async changeStatus(action) {
    const editing = this.current;
    if (!editing || this.busy) return;
    const { id, version } = editing.article;
    this.busy = action;
    this.formError = null;
    try {
      /** @type {Article} */
      const changed = await api(`${API}/articles/${enc(id)}/${action}?version=${enc(version)}`, { method: 'POST' });
      if (changed) this.detail.value = { article: changed, versions: editing.versions };
      toast(t(action === 'publish' ? 'kb.published' : 'kb.archived'), 'success');
      this.refreshAfterChange(id);
    } catch (err) {
      if (!this.isConflict(err)) this.formError = errorText(err);
    } finally {
      this.busy = null;
    }
  }

  /** @param {number} from */
  async restore(from) {
    const editing = this.current;
    if (!editing || this.busy) return;
    const { id, version } = editing.article;
    this.busy = 'restore';
    this.formError = null;
    try {
      /** @type {Article} */
      const restored = await api(`${API}/articles/${enc(id)}/versions/${enc(from)}/restore?version=${enc(version)}`, { method: 'POST' });
      if (restored) this.detail.value = { article: restored, versions: editing.versions };
      this.resetEditor();
      toast(t('kb.restored', { from, version: restored?.version ?? '' }), 'success');
      this.refreshAfterChange(id);
    } catch (err) {
      if (!this.isConflict(err)) this.formError = errorText(err);
    } finally {
      this.busy = null;
    }
  }

  async deleteArticle() {
    const editing = this.current;
    if (!editing || this.busy) return;
    const { id, version } = editing.article;
    this.busy = 'delete';
    this.confirmError = null;
    try {
      await api(`${API}/articles/${enc(id)}?version=${enc(version)}`, { method: 'DELETE' });
      this.confirmDelete = false;
      toast(t('kb.deleted'), 'success');
      this.detail.value = null;
      this.select(null);
      void this.list.reload();
    } catch (err) {
      if (this.isConflict(err)) {
        this.confirmDelete = false;
      } else if (err instanceof ApiError && err.status === 404) {
        // Someone else deleted it already.
        this.confirmDelete = false;
        void this.detail.load(id);
        void this.list.reload();
      } else {
        this.confirmError = errorText(err);
      }
    } finally {
      this.busy = null;
    }
  }

  // --------------------------------------------------------- search

  async search() {
    const query = this.searchText.trim();
    if (!query || this.searching) return;
    this.searching = true;
    this.searchError = null;
    try {
      const params = new URLSearchParams({ q: query, limit: String(SEARCH_HITS) });
      if (this.searchLang) params.set('lang', this.searchLang);
      if (this.searchAll) params.set('status', 'any');
      /** @type {Hit[]} */
      const hits = await api(`${API}/search?${params}`);
      this.hits = { query, hits: Array.isArray(hits) ? hits : [] };
    } catch (err) {
      this.searchError = errorText(err);
    } finally {
      this.searching = false;
    }
  }

  // -------------------------------------------------- import/export

  /** @param {'csv'|'json'} format */
  async exportFile(format) {
    try {
      const params = new URLSearchParams({ format });
      const f = this.filters;
      if (f.status) params.set('status', f.status);
      if (f.lang) params.set('lang', f.lang);
      if (f.tag.trim()) params.set('tag', f.tag.trim().toLowerCase());
      const response = await send(`${API}/export?${params}`, {
        headers: { Accept: format === 'csv' ? 'text/csv, application/json;q=0.5' : 'application/json' },
      });
      download(await response.blob(), fileName(response, `kefu-knowledge-${new Date().toISOString().slice(0, 10)}.${format}`));
      toast(t('kb.exported'), 'success');
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
    this.importErrors = [];
    try {
      const json = /\.json$/i.test(file.name) || /json/i.test(file.type);
      // Sent as it is, so the line numbers of the server's errors are the file's.
      const response = await send(`${API}/import`, {
        method: 'POST', body: file, headers: { 'Content-Type': json ? 'application/json' : 'text/csv' },
      });
      const outcome = await response.json().catch(() => ({}));
      toast(t('kb.imported', {
        created: Number(outcome?.created ?? 0), updated: Number(outcome?.updated ?? 0), unchanged: Number(outcome?.unchanged ?? 0),
      }), 'success');
      void this.list.reload();
      if (this.selected) this.refreshAfterChange(this.selected);
    } catch (err) {
      const errors = err instanceof ApiError ? /** @type {any} */ (err.body)?.errors : null;
      if (err instanceof ApiError && err.status === 400 && Array.isArray(errors)) {
        this.importError = `${t('kb.importInvalid')} ${err.message}`;
        this.importErrors = errors;
      } else if (err instanceof ApiError && err.status === 413) {
        this.importError = t('kb.importTooLarge', { message: err.message });
      } else {
        this.importError = t('kb.importFailed', { message: errorText(err) });
      }
    } finally {
      this.importing = false;
      input.value = '';
    }
  }

  // --------------------------------------------------------- render

  updated(changed) {
    super.updated?.(changed);
    const dialog = this.querySelector('dialog[data-dialog="delete-article"]');
    if (dialog instanceof HTMLDialogElement) {
      if (this.confirmDelete && !dialog.open) dialog.showModal();
      else if (!this.confirmDelete && dialog.open) dialog.close();
    }
  }

  render() {
    return html`<div class="kf-page">
      <div class="kf-page-header">
        <h1 class="kf-title">${t('kb.title')}</h1>
        <button type="button" class="kf-btn kf-btn-primary" data-action="new-article" @click=${() => this.newArticle()}>+ ${t('kb.newArticle')}</button>
        <button type="button" class="kf-btn kf-push" data-action="import" ?disabled=${this.importing}
          @click=${() => /** @type {HTMLInputElement|null} */ (this.querySelector('input[name="import-file"]'))?.click()}>${this.importing ? t('kb.importing') : t('kb.import')}</button>
        <input class="kb-file" type="file" name="import-file" accept=".csv,.json,text/csv,application/json" tabindex="-1" aria-hidden="true"
          @change=${(/** @type {Event} */ e) => void this.importFile(e)}>
        <button type="button" class="kf-btn" data-action="export-csv" title=${t('kb.exportHint')} @click=${() => void this.exportFile('csv')}>${t('kb.exportCsv')}</button>
        <button type="button" class="kf-btn" data-action="export-json" title=${t('kb.exportHint')} @click=${() => void this.exportFile('json')}>${t('kb.exportJson')}</button>
      </div>
      <p class="kf-hint" style="margin: 0">${t('kb.intro')}</p>
      ${this.renderImportResult()}
      <div class="kb-main">
        ${this.renderList()}
        ${this.renderEditor()}
      </div>
      <div class="kb-lower">
        ${this.renderSearch()}
      </div>
      <dialog class="kf-dialog" data-dialog="delete-article" aria-labelledby="kb-delete-title"
        @close=${() => { this.confirmDelete = false; this.confirmError = null; }}>${this.renderConfirm()}</dialog>
    </div>`;
  }

  renderImportResult() {
    if (!this.importError) return nothing;
    return html`<div class="kf-alert kf-alert-error" role="alert" data-import-error>
      <div style="display: flex; gap: 8px; align-items: baseline">
        <span>${this.importError}</span>
        <button type="button" class="kf-btn kf-btn-small kf-push" @click=${() => { this.importError = null; this.importErrors = []; }}>${t('action.dismiss')}</button>
      </div>
      ${this.importErrors.length
        ? html`<ul class="kb-import-errors" style="margin-top: 6px; background: var(--kf-surface)">
            ${this.importErrors.map((r) => html`<li data-import-error-line=${r.line}>
              <span class="kb-num kf-nowrap">${t('kb.line', { line: r.line })}</span>
              ${r.field ? html`<span class="kf-mono kf-muted">${r.field}</span>` : nothing}
              <span>${r.message}</span>
            </li>`)}
          </ul>`
        : nothing}
    </div>`;
  }

  renderList() {
    const page = this.list.value;
    const items = page?.items ?? [];
    const f = this.filters;
    let body;
    if (!page && this.list.loading) body = html`<p class="kf-empty" role="status">${t('kb.loading')}</p>`;
    else if (!page) body = nothing;
    else if (items.length === 0) body = html`<p class="kf-empty" data-empty="articles">${this.hasFilters ? t('kb.noMatch') : t('kb.noArticles')}</p>`;
    else {
      body = html`<ul class="kb-articles" aria-labelledby="kb-articles-title">
        ${items.map((a) => html`<li data-article=${a.id} data-status=${a.status}>
          <button type="button" data-action="select-article" aria-current=${a.id === this.selected ? 'true' : 'false'}
            @click=${() => this.select(a.id)}>
            <span class="kb-article-top">
              <span class="kb-question" lang=${articleLanguage(a.language) === 'zh' ? 'zh-CN' : 'en'}>${a.question}</span>
            </span>
            <span class="kb-meta">
              <span class="kf-badge kf-badge-${STATUS_COLOR[a.status] ?? 'gray'}" data-badge=${a.status}>${statusLabel(a.status)}</span>
              <span>${t(`kb.lang.${articleLanguage(a.language)}`)}</span>
              <span>${t('kb.versionShort', { n: a.version })}</span>
              ${(a.tags ?? []).map((tag) => html`<span class="kf-badge kf-badge-blue kb-tag" data-tag=${tag}>${tag}</span>`)}
            </span>
          </button>
        </li>`)}
      </ul>`;
    }
    return html`<section class="kf-card kb-list-card" aria-labelledby="kb-articles-title" aria-busy=${this.list.loading ? 'true' : 'false'}>
      <div class="kf-toolbar">
        <h2 class="kf-subtitle" id="kb-articles-title">${t('kb.articles')}${page ? html` <span class="kf-muted">${page.total}</span>` : nothing}</h2>
        <button type="button" class="kf-btn kf-btn-small kf-push" data-action="refresh" ?disabled=${this.list.loading}
          title=${t('action.refresh')} aria-label=${t('action.refresh')}
          @click=${() => { void this.list.reload(); if (this.selected) void this.detail.load(this.selected); }}>↻</button>
      </div>
      <form class="kb-filters" data-form="filters" @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); this.setFilter({}); }}>
        <input class="kf-input kb-wide" type="search" name="q" placeholder=${t('kb.filterTextPlaceholder')} aria-label=${t('kb.filterText')}
          .value=${live(f.q)} @input=${(/** @type {InputEvent} */ e) => this.setFilter({ q: /** @type {HTMLInputElement} */ (e.target).value }, true)}>
        <select class="kf-input" name="status" aria-label=${t('kb.filterStatus')}
          @change=${(/** @type {Event} */ e) => this.setFilter({ status: /** @type {HTMLSelectElement} */ (e.target).value })}>
          <option value="" ?selected=${!f.status}>${t('kb.filterStatus')}: ${t('kb.any')}</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${statusLabel(s)}</option>`)}
        </select>
        <select class="kf-input" name="lang" aria-label=${t('kb.filterLanguage')}
          @change=${(/** @type {Event} */ e) => this.setFilter({ lang: /** @type {HTMLSelectElement} */ (e.target).value })}>
          <option value="" ?selected=${!f.lang}>${t('kb.filterLanguage')}: ${t('kb.any')}</option>
          ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${f.lang === l}>${t(`kb.lang.${l}`)}</option>`)}
        </select>
        <input class="kf-input kf-mono" type="search" name="tag" placeholder=${t('kb.filterTag')} aria-label=${t('kb.filterTag')}
          autocapitalize="none" spellcheck="false"
          .value=${live(f.tag)} @input=${(/** @type {InputEvent} */ e) => this.setFilter({ tag: /** @type {HTMLInputElement} */ (e.target).value }, true)}>
        <button type="button" class="kf-btn kf-btn-small" data-action="clear-filters" ?disabled=${!this.hasFilters}
          @click=${() => this.setFilter({ status: '', lang: '', tag: '', q: '' })}>${t('kb.clearFilters')}</button>
      </form>
      ${this.list.error ? html`<div class="kf-alert kf-alert-error" role="alert">${this.list.error.message}
        <button type="button" class="kf-btn kf-btn-small" @click=${() => void this.list.reload()}>${t('action.retry')}</button></div>` : nothing}
      ${body}
      ${pager(page, (offset) => void this.list.load(offset))}
    </section>`;
  }

  renderEditor() {
    if (!this.creating && !this.selected) {
      return html`<section class="kf-card kb-detail" data-article-detail="">
        <p class="kf-empty" style="margin: 0">${t('kb.pick')}</p>
      </section>`;
    }
    const detail = this.current;
    if (!this.creating && !detail) {
      const error = this.detail.error;
      const gone = error instanceof ApiError && error.status === 404;
      return html`<section class="kf-card kb-detail" data-article-detail=${this.selected ?? ''} aria-busy=${this.detail.loading ? 'true' : 'false'}>
        ${error
          ? html`<div class="kf-alert kf-alert-error" role="alert" ?data-not-found=${gone}>${gone ? t('kb.notFound') : error.message}
              ${gone ? nothing : html`<button type="button" class="kf-btn kf-btn-small" @click=${() => this.selected && void this.detail.load(this.selected)}>${t('action.retry')}</button>`}</div>`
          : html`<p class="kf-muted" role="status">${t('kb.detailLoading')}</p>`}
      </section>`;
    }
    const article = detail?.article ?? null;
    const busy = this.busy !== null;
    const fe = this.fieldErrors;
    const key = `${article?.id ?? 'new'}#${article?.version ?? 0}#${this.revision}`;
    const language = article ? articleLanguage(article.language) : (locale() === 'zh-CN' ? 'zh' : 'en');
    /** @param {string} field */
    const errorOf = (field) => (fe[field]?.length
      ? html`<span class="kf-danger-text kb-field-error" id=${`kb-error-${field}`} data-field-error=${field}>${fe[field].join(' ')}</span>`
      : nothing);
    /** @param {string} field @param {string} [hint] */
    const described = (field, hint) => [fe[field]?.length ? `kb-error-${field}` : '', hint ?? ''].filter(Boolean).join(' ') || nothing;
    return html`<section class="kf-card kb-detail" data-article-detail=${article?.id ?? 'new'} aria-labelledby="kb-detail-title"
        data-article-status=${article?.status ?? 'NEW'}>
      <div class="kf-toolbar">
        <h2 id="kb-detail-title" tabindex="-1">${article ? t('kb.editTitle', { id: article.id }) : t('kb.newTitle')}</h2>
        ${article ? html`<span class="kf-badge kf-badge-${STATUS_COLOR[article.status] ?? 'gray'}" data-badge=${article.status}>${statusLabel(article.status)}</span>` : nothing}
      </div>
      ${article ? html`<p class="kf-hint" style="margin: -8px 0 0">${t('kb.updated', { version: article.version, at: formatDateTime(article.updatedAt) })}</p>` : nothing}
      ${this.conflict
        ? html`<div class="kf-alert kf-alert-error" role="alert" data-conflict style="display: flex; gap: 10px; align-items: center; flex-wrap: wrap">
            <span>${t('kb.conflict')}</span>
            <button type="button" class="kf-btn kf-btn-small kf-push" data-action="reload-article" @click=${() => void this.reloadArticle()}>${t('kb.reload')}</button>
          </div>`
        : nothing}
      ${this.formError ? html`<div class="kf-alert kf-alert-error" role="alert" data-error="article">${this.formError}</div>` : nothing}
      ${keyed(key, html`<form class="kb-form" data-form="article" novalidate @submit=${this.save}
          aria-busy=${this.busy === 'save' ? 'true' : 'false'}>
        <label class="kf-field"><span>${t('kb.language')}</span>
          <select class="kf-input" name="language" aria-invalid=${fe.language ? 'true' : 'false'} aria-describedby=${described('language')}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === language}>${t(`kb.lang.${l}`)}</option>`)}
          </select>
          ${errorOf('language')}
        </label>
        <label class="kf-field kb-wide"><span>${t('kb.question')}<span class="kf-danger-text" aria-hidden="true"> *</span></span>
          <input class="kf-input" name="question" maxlength=${MAX_QUESTION_CHARS} autocomplete="off" .value=${article?.question ?? ''}
            aria-invalid=${fe.question ? 'true' : 'false'} aria-describedby=${described('question')}>
          ${errorOf('question')}
        </label>
        <label class="kf-field kb-wide"><span>${t('kb.alternatives')}</span>
          <textarea class="kf-input" name="alternatives" rows="3" .value=${(article?.alternativeQuestions ?? []).join('\n')}
            aria-invalid=${fe.alternatives ? 'true' : 'false'} aria-describedby=${described('alternatives', 'kb-alternatives-hint')}></textarea>
          <span class="kf-hint" id="kb-alternatives-hint">${t('kb.alternativesHint')}</span>
          ${errorOf('alternatives')}
        </label>
        <label class="kf-field kb-wide"><span>${t('kb.answer')}<span class="kf-danger-text" aria-hidden="true"> *</span></span>
          <textarea class="kf-input" name="answer" rows="6" maxlength=${MAX_ANSWER_CHARS} .value=${article?.answer ?? ''}
            aria-invalid=${fe.answer ? 'true' : 'false'} aria-describedby=${described('answer', 'kb-answer-hint')}></textarea>
          <span class="kf-hint" id="kb-answer-hint">${t('kb.answerHint')}</span>
          ${errorOf('answer')}
        </label>
        <label class="kf-field kb-wide"><span>${t('kb.tags')}</span>
          <input class="kf-input kf-mono" name="tags" autocomplete="off" autocapitalize="none" spellcheck="false"
            .value=${(article?.tags ?? []).join(', ')}
            aria-invalid=${fe.tags ? 'true' : 'false'} aria-describedby=${described('tags', 'kb-tags-hint')}>
          <span class="kf-hint" id="kb-tags-hint">${t('kb.tagsHint')}</span>
          ${errorOf('tags')}
        </label>
        ${article?.status === 'PUBLISHED' ? html`<p class="kf-hint kb-wide" style="margin: 0">${t('kb.publishedNote')}</p>` : nothing}
        <div class="kf-toolbar kb-wide">
          <button type="submit" class="kf-btn kf-btn-primary" data-action="save-article" ?disabled=${busy || this.conflict}>
            ${this.busy === 'save' ? t('kb.saving') : article ? t('kb.save') : t('kb.create')}</button>
          ${article
            ? html`<button type="button" class="kf-btn" data-action="publish" ?disabled=${busy || this.conflict || article.status === 'PUBLISHED'}
                  @click=${() => void this.changeStatus('publish')}>${t('kb.publish')}</button>
                <button type="button" class="kf-btn" data-action="archive" ?disabled=${busy || this.conflict || article.status === 'ARCHIVED'}
                  @click=${() => void this.changeStatus('archive')}>${t('kb.archive')}</button>
                <button type="button" class="kf-btn kf-btn-danger kf-push" data-action="delete" ?disabled=${busy || this.conflict}
                  @click=${() => { this.confirmError = null; this.confirmDelete = true; }}>${t('kb.delete')}</button>`
            : html`<button type="button" class="kf-btn" data-action="cancel-new-article"
                  @click=${() => { this.creating = false; this.resetEditor(); }}>${t('action.cancel')}</button>`}
        </div>
      </form>`)}
      ${detail ? this.renderHistory(detail) : nothing}
      ${detail ? this.renderRelated(detail.article.id) : nothing}
    </section>`;
  }

  /** @param {ArticleDetail} detail */
  renderHistory(detail) {
    const versions = Array.isArray(detail.versions) ? detail.versions : [];
    const currentVersion = detail.article.version;
    return html`<section aria-labelledby="kb-history-title" aria-busy=${this.detail.loading ? 'true' : 'false'}>
      <h3 id="kb-history-title">${t('kb.history')}</h3>
      ${versions.length === 0
        ? html`<p class="kf-muted" style="margin: 0">${this.detail.loading ? t('kb.detailLoading') : t('kb.noHistory')}</p>`
        : html`<ul class="kb-versions">${versions.map((v) => {
            const isCurrent = v.version === currentVersion;
            return html`<li data-version=${v.version} data-change=${v.change} aria-current=${isCurrent ? 'true' : 'false'}>
              <span class="kb-num">${t('kb.versionShort', { n: v.version })}</span>
              <span>${changeLabel(v.change)}${v.restoredFrom != null ? html` <span class="kf-muted">(${t('kb.restoredFrom', { n: v.restoredFrom })})</span>` : nothing}</span>
              <span class="kf-badge kf-badge-${STATUS_COLOR[v.status] ?? 'gray'}">${statusLabel(v.status)}</span>
              <span class="kf-muted">${v.editedBy ?? ''}</span>
              <time class="kf-muted kf-nowrap" datetime=${v.editedAt ?? ''}>${v.editedAt ? formatDateTime(v.editedAt) : ''}</time>
              ${isCurrent
                ? html`<span class="kf-badge kf-badge-blue kf-push">${t('kb.current')}</span>`
                : html`<button type="button" class="kf-btn kf-btn-small kf-push" data-action="restore" ?disabled=${this.busy !== null || this.conflict}
                    title=${t('kb.restoreHint', { n: v.version })} aria-label=${t('kb.restoreHint', { n: v.version })}
                    @click=${() => void this.restore(v.version)}>${t('kb.restore')}</button>`}
            </li>`;
          })}</ul>`}
    </section>`;
  }

  /** @param {string} id */
  renderRelated(id) {
    const value = this.related.value;
    const hits = value && value.id === id ? value.hits : null;
    return html`<section aria-labelledby="kb-related-title">
      <h3 id="kb-related-title" title=${t('kb.relatedHint')}>${t('kb.related')}</h3>
      ${!hits && this.related.error ? html`<p class="kf-muted" style="margin: 0">${this.related.error.message}</p>` : nothing}
      ${hits && hits.length === 0 ? html`<p class="kf-muted" style="margin: 0">${t('kb.noRelated')}</p>` : nothing}
      ${hits && hits.length
        ? html`<ul class="kb-related">${hits.map((h) => html`<li data-related=${h.article.id}>
            <button type="button" class="kb-link kb-hit-text" @click=${() => this.select(h.article.id)}>${h.article.question}</button>
            <span class="kb-score kf-muted">${score(h.score)}</span>
          </li>`)}</ul>`
        : nothing}
    </section>`;
  }

  renderSearch() {
    const result = this.hits;
    return html`<section class="kf-card" aria-labelledby="kb-search-title" data-test-search>
      <h2 class="kf-subtitle" id="kb-search-title">${t('kb.testSearch')}</h2>
      <p class="kf-hint" style="margin: 0 0 8px">${t('kb.testSearchHint')}</p>
      <form data-form="search" style="display: flex; gap: 6px; align-items: center; flex-wrap: wrap"
        @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); void this.search(); }}>
        <input class="kf-input kf-grow" type="search" name="search" maxlength=${MAX_QUERY_CHARS} aria-label=${t('kb.testSearch')}
          placeholder=${t('kb.searchPlaceholder')} style="min-width: 200px"
          .value=${live(this.searchText)} @input=${(/** @type {InputEvent} */ e) => { this.searchText = /** @type {HTMLInputElement} */ (e.target).value; }}>
        <select class="kf-input" name="search-lang" aria-label=${t('kb.language')}
          @change=${(/** @type {Event} */ e) => { this.searchLang = /** @type {HTMLSelectElement} */ (e.target).value; }}>
          <option value="" ?selected=${!this.searchLang}>${t('kb.language')}: ${t('kb.any')}</option>
          ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${this.searchLang === l}>${t(`kb.lang.${l}`)}</option>`)}
        </select>
        <button type="submit" class="kf-btn kf-btn-primary" data-action="search" ?disabled=${this.searching || !this.searchText.trim()}>
          ${this.searching ? t('kb.searching') : t('kb.search')}</button>
        <label class="kf-check" style="flex-basis: 100%"><input type="checkbox" name="search-all" .checked=${this.searchAll}
          @change=${(/** @type {Event} */ e) => { this.searchAll = /** @type {HTMLInputElement} */ (e.target).checked; }}> ${t('kb.searchAll')}</label>
      </form>
      ${this.searchError ? html`<div class="kf-alert kf-alert-error" role="alert" style="margin-top: 8px">${this.searchError}</div>` : nothing}
      <div aria-live="polite" style="margin-top: 8px">
        ${result && result.hits.length === 0 ? html`<p class="kf-muted" data-empty="hits" style="margin: 0">${t('kb.noHits')}</p>` : nothing}
        ${result && result.hits.length
          ? html`<ol class="kb-hits" data-hits>${result.hits.map((h, i) => html`<li data-hit=${h.article.id} data-score=${String(h.score)}>
              <span class="kb-num">${i + 1}.</span>
              <span class="kb-hit-text">
                <button type="button" class="kb-link" @click=${() => this.select(h.article.id)}>${h.article.question}</button>
                <span class="kb-answer-preview">${h.article.answer}</span>
              </span>
              <span class="kf-badge kf-badge-${STATUS_COLOR[h.article.status] ?? 'gray'}">${statusLabel(h.article.status)}</span>
              <span class="kb-score" title=${h.source ? t('kb.source', { source: h.source }) : ''}>${t('kb.score', { score: score(h.score) })}</span>
            </li>`)}</ol>`
          : nothing}
      </div>
    </section>`;
  }

  renderConfirm() {
    const detail = this.current;
    if (!this.confirmDelete || !detail) return nothing;
    return html`<form @submit=${(/** @type {SubmitEvent} */ e) => { e.preventDefault(); void this.deleteArticle(); }}>
      <h2 id="kb-delete-title">${t('kb.deleteTitle')}</h2>
      ${this.confirmError ? html`<div class="kf-alert kf-alert-error" role="alert">${this.confirmError}</div>` : nothing}
      <p style="margin: 0">${t('kb.deleteConfirm', { question: detail.article.question })}</p>
      <div class="kf-dialog-actions">
        <button type="button" class="kf-btn" data-action="cancel-delete" autofocus
          @click=${() => { this.confirmDelete = false; }}>${t('action.cancel')}</button>
        <button type="submit" class="kf-btn kf-btn-danger" data-action="confirm-delete" ?disabled=${this.busy === 'delete'}>
          ${this.busy === 'delete' ? t('kb.deleting') : t('kb.delete')}</button>
      </div>
    </form>`;
  }
}

customElements.define('kefu-knowledge-view', KefuKnowledgeView);
