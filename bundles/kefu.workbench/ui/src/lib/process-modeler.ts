/// <reference types="vite/client" />
/**
 * `@kefu/process-modeler` — BPMN and form editing for workbench views, built
 * on bpmn.io: the bpmn-js Modeler, with the Camunda 7 extension so that
 * `camunda:*` attributes and extension elements (formRef, asyncBefore,
 * expression, properties, input/output…) survive opening and saving, and the
 * form-js FormEditor for Camunda Forms. The page's import map resolves the
 * bare name to `/workbench/lib/process-modeler.js`:
 *
 * ```js
 * const { createModeler, createFormEditor, adoptStyles } = await import('@kefu/process-modeler');
 * adoptStyles();                                  // light DOM view; adoptStyles(this.shadowRoot) in shadow DOM
 * const modeler = createModeler(container);
 * await modeler.importXML(xml);
 * const { xml: saved } = await modeler.saveXML({ format: true });
 * const editor = await createFormEditor(formContainer, schema);
 * editor.on('changed', () => { schema = editor.saveSchema(); });
 * ```
 *
 * The module is big (bpmn-js and form-js with their dependencies), so views
 * should import it dynamically, when a diagram is opened. It imports nothing
 * at run time from the page.
 *
 * License: bpmn-js and form-js show the bpmn.io watermark ("powered by
 * bpmn.io") on the canvas and under the form; their license requires it to
 * stay fully visible and not covered by other elements.
 *
 * @module
 */
import Modeler from 'bpmn-js/lib/Modeler';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import type { FormEditor } from '@bpmn-io/form-js';
import diagramCss from 'bpmn-js/dist/assets/diagram-js.css?inline';
import bpmnJsCss from 'bpmn-js/dist/assets/bpmn-js.css?inline';
import bpmnIconCodesCss from 'bpmn-js/dist/assets/bpmn-font/css/bpmn-codes.css?inline';
import bpmnFontUrl from 'bpmn-js/dist/assets/bpmn-font/font/bpmn.woff2?url';
import { adoptSheets, type SheetSource } from './bpmn-styles';

export { Modeler };
export type { FormEditor };

/**
 * A marker class for {@link markElements}: a red outline, e.g. on the
 * elements a validation complains about.
 */
export const ERROR_MARKER = 'kf-bpmn-error';

/** Turns bpmn-js's English texts (palette, context pad, menus) into another language. */
export type Translate = (template: string, replacements?: Record<string, string>) => string;

/** Options of {@link createModeler}. */
export interface ModelerOptions {
  /**
   * Translation of the modeler's own texts, e.g. a lookup in the view's
   * Chinese catalog. It is fixed when the modeler is made: to change the
   * language, make a new modeler.
   */
  translate?: Translate;
  /** Extra bpmn-js modules (`additionalModules`). */
  additionalModules?: unknown[];
}

/** bpmn-js's default: fills `{name}` placeholders. */
function fill(template: string, replacements?: Record<string, string>): string {
  const values = replacements ?? {};
  return template.replace(/{([^}]+)}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

/**
 * Makes a bpmn-js Modeler in `container` (which should have a height: the
 * canvas fills it), with the Camunda 7 moddle extension. Import a diagram
 * with `modeler.importXML(xml)`, read it back with `modeler.saveXML({format: true})`;
 * `modeler.destroy()` when done. Useful services: `modeler.get('canvas')`,
 * `'elementRegistry'`, `'selection'`, `'modeling'`, `'eventBus'`
 * (`commandStack.changed` after every edit, `selection.changed`).
 *
 * The keyboard shortcuts (undo, redo, delete, copy, paste, …) work while the
 * canvas has the focus: click it, or Tab to it.
 */
export function createModeler(container: HTMLElement, options: ModelerOptions = {}): Modeler {
  const translate = options.translate;
  const modules: unknown[] = [...(options.additionalModules ?? [])];
  if (translate) {
    modules.push({ translate: ['value', (template: string, replacements?: Record<string, string>) => {
      const translated = translate(template, replacements);
      return translated === template ? fill(template, replacements) : translated;
    }] });
  }
  return new Modeler({
    container,
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: modules as never,
  });
}

/**
 * Outlines the elements with `marker` (default {@link ERROR_MARKER}) and takes
 * it off every other element, so a second call replaces the first; `[]` clears.
 * Ids not in the diagram are skipped.
 */
export function markElements(modeler: Modeler, ids: readonly string[], marker: string = ERROR_MARKER): void {
  const canvas = modeler.get<{ addMarker(id: string, m: string): void; removeMarker(id: string, m: string): void }>('canvas');
  const registry = modeler.get<{ getAll(): Array<{ id: string }>; get(id: string): unknown }>('elementRegistry');
  const wanted = new Set(ids);
  for (const element of registry.getAll()) {
    if (wanted.has(element.id)) canvas.addMarker(element.id, marker);
    else canvas.removeMarker(element.id, marker);
  }
}

/**
 * Selects the element with this id and scrolls it into view; returns false
 * when the diagram has no such element.
 */
export function revealElement(modeler: Modeler, id: string): boolean {
  const registry = modeler.get<{ get(id: string): unknown }>('elementRegistry');
  const element = registry.get(id);
  if (!element) return false;
  const canvas = modeler.get<{ scrollToElement(e: unknown, padding?: number): void }>('canvas');
  const selection = modeler.get<{ select(e: unknown): void }>('selection');
  canvas.scrollToElement(element, 80);
  selection.select(element);
  return true;
}

/** A form-js schema: `{type: 'default', id, components: [...], schemaVersion, ...}`. */
export type FormSchema = Record<string, unknown> & { id?: string; components?: unknown[] };

/** An empty Camunda Form whose id is `id` (the `camunda:formRef` that names it). */
export function blankFormSchema(id: string): FormSchema {
  return { type: 'default', id, components: [] };
}

/** Options of {@link createFormEditor}. */
export interface FormEditorOptions {
  /** Written into saved schemas as `exporter`; defaults to the Kefu workbench. */
  exporter?: { name: string; version: string };
}

/**
 * Opens `schema` in a form-js FormEditor made in `container` (palette,
 * canvas and properties panel; give it about 600 px of height). Resolves once
 * the schema is shown. Then `editor.saveSchema()` gives the edited schema,
 * `editor.on('changed', fn)` fires after every edit, `editor.destroy()`
 * removes it. A schema form-js cannot read rejects, and nothing is left in
 * the container.
 *
 * The form editor is loaded the first time this is called (a second file,
 * /workbench/lib/process-modeler/form-editor.js), and its styles are added to
 * the document or shadow root that holds `container` then: call it with a
 * container that is in the page.
 */
export async function createFormEditor(container: HTMLElement, schema: FormSchema, options: FormEditorOptions = {}): Promise<FormEditor> {
  const { FormEditor, formEditorSheets } = await import('./form-editor');
  const root = container.getRootNode();
  adoptSheets(root instanceof ShadowRoot ? root : document, formEditorSheets);
  const editor = new FormEditor({
    container,
    exporter: options.exporter ?? { name: 'Kefu workbench', version: '1' },
  } as never);
  try {
    await editor.importSchema(schema as never);
  } catch (e) {
    editor.destroy();
    throw e;
  }
  return editor;
}

// ------------------------------------------------------------------ styles

/**
 * The icon font of the palette and context pad. Only WOFF2 (every browser
 * the workbench supports reads it), as a file of its own: the page's
 * Content-Security-Policy allows fonts from the server, not from data: URLs.
 */
const fontFaceCss = `@font-face {
  font-family: 'bpmn';
  src: url('${bpmnFontUrl}') format('woff2');
  font-weight: normal;
  font-style: normal;
}`;

/** What bpmn-font's own bpmn.css adds to the icon codes, written out here so that only the WOFF2 file is shipped. */
const iconBaseCss = `[class^="bpmn-icon-"]:before, [class*=" bpmn-icon-"]:before {
  font-family: "bpmn"; font-style: normal; font-weight: normal; speak: never; display: inline-block;
  text-decoration: inherit; width: 1em; text-align: center; font-variant: normal; text-transform: none;
  line-height: 1em; -webkit-font-smoothing: antialiased; -moz-osx-font-smoothing: grayscale;
}`;

const markerCss = `
.djs-element.${ERROR_MARKER} .djs-visual > :first-child { stroke: var(--kf-danger, #c62828) !important; stroke-width: 3px !important; }
.djs-connection.${ERROR_MARKER} .djs-visual > path { stroke: var(--kf-danger, #c62828) !important; }
`;

const modelerSheets: readonly SheetSource[] = [
  { css: fontFaceCss, fontFaces: true },
  { css: diagramCss },
  { css: bpmnJsCss },
  { css: iconBaseCss + bpmnIconCodesCss },
  { css: markerCss },
];

/**
 * The modeler's CSS as one string, for pages that add styles their own way. It lacks the icon font's
 * `@font-face` (see {@link adoptStyles}) and the form editor's styles ({@link createFormEditor} adds those).
 */
export const modelerStyles: string = modelerSheets.filter((s) => !s.fontFaces).map((s) => s.css).join('\n');

/**
 * Adds the modeler's styles to `root`: the document (default; views that
 * render into the light DOM) or a view's shadow root. Each sheet is added
 * once however often this is called. The icon font is always declared in the
 * document, since shadow roots ignore `@font-face`.
 */
export function adoptStyles(root?: Document | ShadowRoot): void {
  adoptSheets(root, modelerSheets);
}
