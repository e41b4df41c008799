/**
 * `@kefu/code-editor` — a source code editor element for workbench views,
 * built on CodeMirror 6. The page's import map resolves the bare name to
 * `/workbench/lib/code-editor.js`; importing the module defines
 * `<kefu-code-editor>`:
 *
 * ```js
 * import '@kefu/code-editor';
 *
 * html`<kefu-code-editor language="drl" label="Routing rules"
 *   .value=${this.text} .diagnostics=${this.errors}
 *   @change=${(e) => { this.text = e.detail.value; }}></kefu-code-editor>`
 * ```
 *
 * CodeMirror is bundled into this module alone, so views that never import it
 * never download it. The module imports nothing at run time: it follows the
 * shell's language through `<html lang>` and the `kefu:locale` event.
 *
 * @module
 */
import { Compartment, EditorSelection, EditorState, type Extension, type Text, type TransactionSpec } from '@codemirror/state';
import {
  EditorView, crosshairCursor, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers, rectangularSelection, type Command,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentLess, indentMore } from '@codemirror/commands';
import {
  HighlightStyle, StreamLanguage, bracketMatching, indentOnInput, indentUnit, syntaxHighlighting, type Language,
} from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { xml } from '@codemirror/legacy-modes/mode/xml';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { tags } from '@lezer/highlight';
import { drlLanguage } from './drl-language';

/** The languages the editor highlights; anything else is plain text. */
export type CodeEditorLanguage = 'drl' | 'yaml' | 'xml' | 'text';

/**
 * A problem to mark in the text, e.g. one compile error of a rule file.
 * Marked with a wavy underline and a gutter icon; hovering either shows the message.
 */
export interface CodeEditorDiagnostic {
  /** Line number, from 1. Past the last line means the last line. */
  line: number;
  /**
   * Character in the line, from 1; the word, or quoted string, starting
   * there is underlined.
   * Left out or 0: the whole line is. (Parsers that count columns from 0,
   * as ANTLR and thus Drools do, need 1 added.)
   */
  column?: number;
  message: string;
  /** Defaults to `'error'`. */
  severity?: 'error' | 'warning' | 'info';
}

/** Detail of the `change` event. */
export interface CodeEditorChangeDetail {
  /** The whole text after the edit. */
  value: string;
}

const languages: Record<Exclude<CodeEditorLanguage, 'text'>, Language> = {
  drl: drlLanguage,
  yaml: StreamLanguage.define(yaml),
  xml: StreamLanguage.define(xml),
};

function normalizeLanguage(value: string | null): CodeEditorLanguage {
  return value === 'drl' || value === 'yaml' || value === 'xml' ? value : 'text';
}

const INDENT = '    ';

/** Tab: spaces up to the next multiple of four columns; with a selection, indents the selected lines. */
const insertSpaces: Command = (view) => {
  const { state } = view;
  if (state.readOnly) return false;
  if (state.selection.ranges.some((range) => !range.empty)) return indentMore(view);
  view.dispatch(state.update(state.changeByRange((range) => {
    const line = state.doc.lineAt(range.head);
    const column = range.head - line.from;
    const spaces = INDENT.length - (column % INDENT.length);
    return {
      changes: { from: range.head, insert: ' '.repeat(spaces) },
      range: EditorSelection.cursor(range.head + spaces),
    };
  }), { scrollIntoView: true, userEvent: 'input' }));
  return true;
};

/**
 * Colours for the tags the three languages produce, chosen to read at 4.5:1
 * or better on the workbench's white surface.
 */
const highlightStyle = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword], color: '#7c3aed' },
  { tag: [tags.bool, tags.null, tags.atom], color: '#1d4ed8' },
  { tag: tags.number, color: '#0f766e' },
  { tag: tags.string, color: '#a11111' },
  { tag: tags.definition(tags.string), color: '#a11111', fontWeight: '600' },
  { tag: tags.comment, color: '#6b7280', fontStyle: 'italic' },
  { tag: tags.meta, color: '#b45309' },
  { tag: [tags.typeName, tags.className], color: '#047857' },
  { tag: tags.definition(tags.typeName), color: '#047857', fontWeight: '600' },
  { tag: tags.special(tags.variableName), color: '#0369a1' },
  { tag: tags.definition(tags.variableName), color: '#1d4ed8' },
  { tag: tags.tagName, color: '#15803d' },
  { tag: tags.attributeName, color: '#b45309' },
  { tag: tags.invalid, color: '#dc2626' },
]);

const theme = EditorView.theme({
  '&': {
    minHeight: 'var(--kf-code-editor-min-height, 320px)',
    maxHeight: 'var(--kf-code-editor-max-height, 70vh)',
    border: '1px solid var(--kf-border-strong, #cbd5e1)',
    borderRadius: 'var(--kf-radius, 5px)',
    backgroundColor: 'var(--kf-surface, #fff)',
    color: 'var(--kf-text, #1e293b)',
    fontSize: 'var(--kf-code-editor-font-size, 13px)',
  },
  '&.cm-focused': { outline: '2px solid var(--kf-focus, #1f6feb)', outlineOffset: '1px' },
  '&.kf-readonly': { backgroundColor: 'var(--kf-surface-alt, #f8fafc)' },
  '.cm-scroller': {
    fontFamily: 'var(--kf-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace)',
    lineHeight: '1.5',
    overflow: 'auto',
  },
  // Makes an almost empty document fill the minimum height, clickable throughout.
  '.cm-content, .cm-gutter': { minHeight: 'calc(var(--kf-code-editor-min-height, 320px) - 2px)' },
  '.cm-gutters': {
    backgroundColor: 'var(--kf-surface-alt, #f8fafc)',
    color: 'var(--kf-text-muted, #64748b)',
    borderRight: '1px solid var(--kf-border, #e2e8f0)',
    borderRadius: 'var(--kf-radius, 5px) 0 0 var(--kf-radius, 5px)',
  },
  '.cm-activeLine': { backgroundColor: 'rgb(31 111 235 / 0.05)' },
  '.cm-activeLineGutter': { backgroundColor: 'rgb(31 111 235 / 0.1)', color: 'var(--kf-text, #1e293b)' },
  '.cm-tooltip': { fontFamily: 'var(--kf-font, sans-serif)', fontSize: '13px' },
  // The search and problem panels, in the workbench's look (CodeMirror's own shrinks their text to 70%).
  '.cm-panels': {
    fontFamily: 'var(--kf-font, sans-serif)',
    fontSize: '12px',
    backgroundColor: 'var(--kf-surface-alt, #f8fafc)',
    color: 'var(--kf-text, #1e293b)',
  },
  '.cm-panels-bottom': { borderTop: '1px solid var(--kf-border, #e2e8f0)' },
  '.cm-panels-top': { borderBottom: '1px solid var(--kf-border, #e2e8f0)' },
  '.cm-panel.cm-search label': { fontSize: '12px' },
  '.cm-textfield, .cm-button': {
    font: 'inherit',
    fontSize: '12px',
    color: 'var(--kf-text, #1e293b)',
    backgroundColor: 'var(--kf-surface, #fff)',
    backgroundImage: 'none',
    border: '1px solid var(--kf-border-strong, #cbd5e1)',
    borderRadius: 'var(--kf-radius, 5px)',
    padding: '2px 8px',
  },
  '.cm-button:hover': { backgroundColor: 'var(--kf-hover, #f1f5f9)' },
  '.cm-textfield:focus-visible, .cm-button:focus-visible': { outline: '2px solid var(--kf-focus, #1f6feb)', outlineOffset: '1px' },
});

/** CodeMirror's own words (search panel, problem list, announcements) in Chinese. */
const zhPhrases: Record<string, string> = {
  'Find': '查找',
  'Replace': '替换',
  'next': '下一个',
  'previous': '上一个',
  'all': '全部',
  'match case': '区分大小写',
  'regexp': '正则表达式',
  'by word': '全字匹配',
  'replace': '替换',
  'replace all': '全部替换',
  'close': '关闭',
  'current match': '当前匹配',
  'on line': '行号',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'replaced $ matches': '已替换 $ 处匹配',
  'Go to line': '跳转到行',
  'go': '跳转',
  'Diagnostics': '问题',
  'No diagnostics': '没有问题',
  'Control character': '控制字符',
  'Selection deleted': '已删除所选内容',
};

function phrases(): Extension {
  return /^zh\b/i.test(document.documentElement.lang) ? EditorState.phrases.of(zhPhrases) : [];
}

/**
 * The part of a line a diagnostic covers: the word or quoted string at its
 * column, or the line without its indentation.
 */
function toDiagnostic(doc: Text, problem: CodeEditorDiagnostic): Diagnostic {
  const number = Math.min(Math.max(Math.trunc(Number(problem.line)) || 1, 1), doc.lines);
  const line = doc.line(number);
  const column = Math.trunc(Number(problem.column)) || 0;
  let from: number;
  let to: number;
  if (column <= 0) {
    from = line.from + Math.min(/^\s*/.exec(line.text)![0].length, line.length);
    to = line.to;
    if (from === to) from = line.from;
  } else {
    const start = Math.min(column - 1, line.length);
    let end = start;
    const quote = line.text[start];
    if (quote === '"' || quote === "'") {
      // A string, e.g. a rule's name: up to its closing quote.
      const close = line.text.indexOf(quote, start + 1);
      end = close < 0 ? line.length : close + 1;
    } else {
      while (end < line.length && /[\w$@]/.test(line.text[end])) end++;
      if (end === start && end < line.length) end++;
    }
    from = line.from + start;
    to = line.from + end;
  }
  const severity = problem.severity === 'warning' || problem.severity === 'info' ? problem.severity : 'error';
  return { from, to, severity, message: String(problem.message ?? '') };
}

/**
 * `<kefu-code-editor>`: a code editor with line numbers, syntax colours for
 * DRL, YAML and XML, bracket matching, undo/redo, search (Ctrl/Cmd-F) and
 * problem markers.
 *
 * Attributes: `language` (`drl`, `yaml`, `xml`, anything else is plain text),
 * `readonly`, `label` (the accessible name of the text area). Each has a
 * property of the same name.
 *
 * Properties: `value` (the text; setting it replaces the document, clears
 * undo history, and fires no event), `diagnostics` (see
 * {@link CodeEditorDiagnostic}; `[]` clears them).
 *
 * Methods: `revealLine(line)`, `focus()`.
 *
 * Events: `change` with `detail.value` after every edit that changes the
 * text, once per edit, not debounced. Programmatic `value` changes do not
 * fire it.
 *
 * Keyboard: Tab and Shift-Tab indent (four spaces); to leave the editor with
 * Tab, press Escape first, or Ctrl-M (Shift-Alt-M on macOS) to switch Tab
 * to moving focus. Ctrl-Shift-M (Cmd-Shift-M) lists the problems.
 *
 * Styling: the editor fills its width; `--kf-code-editor-min-height`
 * (320px), `--kf-code-editor-max-height` (70vh, scrolls beyond) and
 * `--kf-code-editor-font-size` (13px) adjust it. Colours come from the
 * shell's `--kf-*` properties.
 */
export class KefuCodeEditor extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['language', 'readonly', 'label'];
  }

  /** Holds the editor's state while no view exists: before the first connect and after removal. */
  private detachedState: EditorState;
  private view: EditorView | null = null;
  private problems: readonly CodeEditorDiagnostic[] = [];
  private readonly container: HTMLDivElement;
  private readonly languageSlot = new Compartment();
  private readonly readonlySlot = new Compartment();
  private readonly labelSlot = new Compartment();
  private readonly phrasesSlot = new Compartment();
  private readonly onLocale = () => this.apply({ effects: this.phrasesSlot.reconfigure(phrases()) });

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ':host { display: block; } :host([hidden]) { display: none; }';
    this.container = document.createElement('div');
    root.append(style, this.container);
    this.detachedState = this.createState('');
  }

  // --------------------------------------------------------------- API

  /** The language to highlight; reflects the `language` attribute. */
  get language(): CodeEditorLanguage {
    return normalizeLanguage(this.getAttribute('language'));
  }

  set language(value: CodeEditorLanguage) {
    this.setAttribute('language', String(value));
  }

  /** Whether the text can be selected and copied but not changed; reflects the `readonly` attribute. */
  get readonly(): boolean {
    return this.hasAttribute('readonly');
  }

  set readonly(value: boolean) {
    this.toggleAttribute('readonly', Boolean(value));
  }

  /** The accessible name of the text area; reflects the `label` attribute. */
  get label(): string {
    return this.getAttribute('label') ?? '';
  }

  set label(value: string) {
    this.setAttribute('label', String(value ?? ''));
  }

  /** The current text. */
  get value(): string {
    return this.state.doc.toString();
  }

  /**
   * Replaces the text, without firing `change`. Setting the text the editor
   * already holds does nothing, so a view may pass back what `change` gave
   * it without moving the cursor. A new text starts a new undo history; the
   * {@link diagnostics} are placed again on the new text.
   */
  set value(text: string) {
    const next = text == null ? '' : String(text);
    const doc = this.state.doc;
    if (doc.length === next.length && doc.toString() === next) return;
    const state = this.createState(next);
    if (this.view) this.view.setState(state);
    else this.detachedState = state;
    this.showProblems();
  }

  /** The problems shown, as last set. Edits move the markers along with the text. */
  get diagnostics(): readonly CodeEditorDiagnostic[] {
    return this.problems;
  }

  set diagnostics(list: readonly CodeEditorDiagnostic[]) {
    this.problems = Array.isArray(list) ? list : [];
    this.showProblems();
  }

  /** Scrolls line `line` (from 1) to the middle of the editor, selects it and focuses the editor. */
  revealLine(line: number): void {
    const doc = this.state.doc;
    const target = doc.line(Math.min(Math.max(Math.trunc(Number(line)) || 1, 1), doc.lines));
    this.apply({
      selection: EditorSelection.range(target.from, target.to),
      effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
    });
    this.view?.focus();
  }

  /** Puts the keyboard focus into the text. */
  override focus(options?: FocusOptions): void {
    if (this.view) this.view.focus();
    else super.focus(options);
  }

  // -------------------------------------------------------- lifecycle

  connectedCallback(): void {
    // A framework may have set properties before this module defined the element: pass them through the setters.
    const self = this as unknown as Record<string, unknown>;
    for (const name of ['language', 'readonly', 'label', 'value', 'diagnostics']) {
      if (Object.hasOwn(self, name)) {
        const value = self[name];
        delete self[name];
        self[name] = value;
      }
    }
    if (!this.view) {
      this.view = new EditorView({ state: this.detachedState, parent: this.container, root: this.shadowRoot! });
    }
    window.addEventListener('kefu:locale', this.onLocale);
    this.onLocale();
  }

  disconnectedCallback(): void {
    window.removeEventListener('kefu:locale', this.onLocale);
    // The state, with its undo history, outlives the view: moving the element keeps both.
    if (this.view) {
      this.detachedState = this.view.state;
      this.view.destroy();
      this.view = null;
    }
  }

  attributeChangedCallback(name: string): void {
    switch (name) {
      case 'language':
        this.apply({ effects: this.languageSlot.reconfigure(this.languageExtension()) });
        break;
      case 'readonly':
        this.apply({ effects: this.readonlySlot.reconfigure(this.readonlyExtension()) });
        break;
      case 'label':
        this.apply({ effects: this.labelSlot.reconfigure(this.labelExtension()) });
        break;
    }
  }

  // --------------------------------------------------------- internals

  private get state(): EditorState {
    return this.view?.state ?? this.detachedState;
  }

  private apply(spec: TransactionSpec): void {
    if (this.view) this.view.dispatch(spec);
    else this.detachedState = this.detachedState.update(spec).state;
  }

  private showProblems(): void {
    const doc = this.state.doc;
    const list = this.problems
      .filter((problem) => problem && typeof problem === 'object')
      .map((problem) => toDiagnostic(doc, problem))
      .sort((a, b) => a.from - b.from || a.to - b.to);
    this.apply(setDiagnostics(this.state, list));
  }

  private languageExtension(): Extension {
    const language = this.language;
    return language === 'text' ? [] : languages[language];
  }

  private readonlyExtension(): Extension {
    return this.readonly
      ? [
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-readonly': 'true' }),
          EditorView.editorAttributes.of({ class: 'kf-readonly' }),
        ]
      : [];
  }

  private labelExtension(): Extension {
    const label = this.label;
    return label ? EditorView.contentAttributes.of({ 'aria-label': label }) : [];
  }

  private createState(doc: string): EditorState {
    return EditorState.create({
      doc,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        EditorState.tabSize.of(4),
        indentUnit.of(INDENT),
        indentOnInput(),
        syntaxHighlighting(highlightStyle),
        bracketMatching(),
        rectangularSelection(),
        crosshairCursor(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        lintGutter(),
        keymap.of([
          { key: 'Tab', run: insertSpaces, shift: indentLess },
          ...defaultKeymap,
          ...historyKeymap,
          ...searchKeymap,
          ...lintKeymap,
        ]),
        theme,
        this.languageSlot.of(this.languageExtension()),
        this.readonlySlot.of(this.readonlyExtension()),
        this.labelSlot.of(this.labelExtension()),
        this.phrasesSlot.of(phrases()),
        EditorView.updateListener.of((update) => {
          for (const transaction of update.transactions) {
            if (!transaction.docChanged) continue;
            const detail: CodeEditorChangeDetail = { value: transaction.newDoc.toString() };
            this.dispatchEvent(new CustomEvent('change', { detail, bubbles: true }));
          }
        }),
      ],
    });
  }
}

if (!customElements.get('kefu-code-editor')) customElements.define('kefu-code-editor', KefuCodeEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kefu-code-editor': KefuCodeEditor;
  }
}
