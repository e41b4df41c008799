/// <reference types="vite/client" />
/**
 * The form-js FormEditor and its styles: the part of `@kefu/process-modeler`
 * that {@link createFormEditor} loads the first time it is called (about as
 * big as the modeler itself, and needed only when a form is edited). The build
 * writes it as /workbench/lib/process-modeler/form-editor.js; nothing else
 * imports it.
 *
 * @module
 */
import { FormEditor } from '@bpmn-io/form-js';
import formJsCss from '@bpmn-io/form-js/dist/assets/form-js.css?inline';
import formEditorCss from '@bpmn-io/form-js/dist/assets/form-js-editor.css?inline';
import { kefuFormCss, type SheetSource } from './bpmn-styles';

export { FormEditor };

export const formEditorSheets: readonly SheetSource[] = [
  { css: formJsCss },
  { css: formEditorCss },
  { css: kefuFormCss },
];
