/**
 * Style sheets for the bpmn.io modules (`@kefu/process-modeler`,
 * `@kefu/form-viewer`): bpmn-js and form-js ship plain CSS files, which the
 * build inlines as strings. A page (light DOM) or a shadow root adopts them
 * with {@link adoptSheets}.
 *
 * Two things differ from simply adding the CSS to a shadow root:
 * - `@font-face` rules are ignored inside shadow roots, so font faces always go
 *   to the document;
 * - every sheet is created once per module and shared by all roots that adopt
 *   it, so opening many views costs nothing.
 *
 * @module
 */

/** One named CSS text; `fontFaces` marks a sheet that must live in the document. */
export interface SheetSource {
  readonly css: string;
  readonly fontFaces?: boolean;
}

const constructed = new Map<SheetSource, CSSStyleSheet | null>();

function cleaned(css: string): string {
  // Constructed sheets refuse @import and ignore @charset; the bundled CSS has no imports.
  return css.replace(/@charset\s+"[^"]*";/gi, '');
}

function sheetFor(source: SheetSource): CSSStyleSheet | null {
  if (!constructed.has(source)) {
    let sheet: CSSStyleSheet | null = null;
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(cleaned(source.css));
    } catch {
      // Browsers without constructable sheets get <style> elements instead.
      sheet = null;
    }
    constructed.set(source, sheet);
  }
  return constructed.get(source) ?? null;
}

const styleElements = new WeakMap<Document | ShadowRoot, Set<SheetSource>>();

function adoptOne(root: Document | ShadowRoot, source: SheetSource): void {
  const sheet = sheetFor(source);
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  let done = styleElements.get(root);
  if (!done) styleElements.set(root, (done = new Set()));
  if (done.has(source)) return;
  done.add(source);
  const style = document.createElement('style');
  style.textContent = cleaned(source.css);
  (root instanceof Document ? root.head : root).append(style);
}

/**
 * Adds the sheets to `root` (the document by default, or a view's shadow
 * root), each once however often it is called. Sheets with font faces always
 * go to the document as well.
 */
export function adoptSheets(root: Document | ShadowRoot | undefined, sources: readonly SheetSource[]): void {
  const target = root ?? document;
  for (const source of sources) {
    if (source.fontFaces) adoptOne(document, source);
    else adoptOne(target, source);
  }
}

/**
 * The workbench's font in form-js forms (it comes after form-js's own sheet,
 * so it wins). Nothing here touches the bpmn.io watermarks: their license
 * asks for them to stay visible and uncovered.
 */
export const kefuFormCss = `
.fjs-container { --font-family: var(--kf-font, sans-serif); }
`;
