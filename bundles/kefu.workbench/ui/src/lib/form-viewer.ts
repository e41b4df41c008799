/// <reference types="vite/client" />
/**
 * `@kefu/form-viewer` — fills in Camunda Forms (form-js schemas) in workbench
 * views, e.g. the form of a user task. The form-js viewer alone, lighter than
 * `@kefu/process-modeler`. The page's import map resolves the bare name to
 * `/workbench/lib/form-viewer.js`:
 *
 * ```js
 * import { renderForm, adoptStyles } from '@kefu/form-viewer';
 * adoptStyles();                                   // or adoptStyles(this.shadowRoot)
 * const view = await renderForm(container, task.form, task.variables);
 * const { data, errors } = view.submit();          // errors: {fieldId: [messages]}, {} when valid
 * view.destroy();
 * ```
 *
 * License: form-js shows "powered by bpmn.io" under the form; its license
 * requires that watermark to stay fully visible and not covered.
 *
 * @module
 */
import { Form } from '@bpmn-io/form-js';
import formJsCss from '@bpmn-io/form-js/dist/assets/form-js.css?inline';
import { adoptSheets, kefuFormCss, type SheetSource } from './bpmn-styles';

export { Form };

/** A form-js schema: `{type: 'default', id, components: [...], ...}`. */
export type FormSchema = Record<string, unknown>;

/** What {@link RenderedForm.submit} returns. */
export interface FormResult {
  /** The values by field key, only of the fields currently shown (hidden fields are left out). */
  data: Record<string, unknown>;
  /**
   * Messages by field id, e.g. `{Field_1x2: ['Field is required.']}` (inside a dynamic list, by field id and then
   * row index); empty when the form is valid.
   */
  errors: Record<string, unknown>;
}

/** A form shown by {@link renderForm}. */
export interface RenderedForm {
  /** The form-js Form, for anything beyond this (`on('changed', fn)`, `reset()`, `validate()`). */
  form: Form;
  /**
   * Validates the fields (showing their messages) and returns the values and the errors. A read-only or
   * disabled form is not validated: it returns its values and no errors.
   */
  submit(): FormResult;
  /**
   * Shows messages from the server, e.g. a task completion's `fieldErrors`
   * (`{key: reason}`), under the fields with those keys; returns the keys no
   * field of the form has.
   */
  showErrors(fieldErrors: Record<string, string>): string[];
  /** Removes the form from the container. */
  destroy(): void;
}

/** Options of {@link renderForm}. */
export interface RenderFormOptions {
  /** Shows the values without letting them be changed (e.g. a finished task). */
  readOnly?: boolean;
  /** Greys the whole form out. */
  disabled?: boolean;
}

interface FieldRegistry {
  getAll(): Array<{ id: string; key?: string }>;
}

interface FormState {
  data: Record<string, unknown>;
  errors: Record<string, unknown>;
}

/**
 * Waits until form-js (Preact) has drawn the form and run its effects: the fields validate their initial values then,
 * which would otherwise overwrite errors shown right after rendering. Preact schedules effects after the next frame;
 * the timeout covers tabs in the background, which get no frames.
 */
function rendered(): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, 100);
    requestAnimationFrame(() => window.setTimeout(() => {
      window.clearTimeout(timer);
      resolve();
    }, 0));
  });
}

/**
 * Renders `schema` into `container`, filled with `data` (values by field
 * key). Resolves once it is drawn; a schema form-js cannot read rejects, and
 * leaves nothing in the container.
 */
export async function renderForm(container: HTMLElement, schema: FormSchema, data: Record<string, unknown> = {},
  options: RenderFormOptions = {}): Promise<RenderedForm> {
  const form = new Form({
    container,
    properties: { readOnly: options.readOnly === true, disabled: options.disabled === true },
  } as never);
  try {
    await form.importSchema(schema as never, data as never);
  } catch (e) {
    form.destroy();
    throw e;
  }
  await rendered();
  // form-js keeps values and errors in its state; showErrors sets them there, as its own validation does.
  const internal = form as unknown as { _getState(): FormState; _setState(s: Partial<FormState>): void };
  return {
    form,
    submit() {
      // form-js refuses to submit a read-only form; its values are what it was given.
      if (options.readOnly || options.disabled) return { data: { ...internal._getState().data }, errors: {} };
      const result = form.submit() as { data: Record<string, unknown>; errors: Record<string, unknown> };
      return { data: result.data ?? {}, errors: result.errors ?? {} };
    },
    showErrors(fieldErrors) {
      const fields = form.get<FieldRegistry>('formFieldRegistry').getAll();
      const unknown: string[] = [];
      const shown: Record<string, string[]> = {};
      for (const [key, reason] of Object.entries(fieldErrors ?? {})) {
        const field = fields.find((f) => f.key === key);
        if (field) shown[field.id] = [String(reason)];
        else unknown.push(key);
      }
      internal._setState({ errors: { ...internal._getState().errors, ...shown } });
      return unknown;
    },
    destroy() {
      form.destroy();
    },
  };
}

const viewerSheets: readonly SheetSource[] = [{ css: formJsCss }, { css: kefuFormCss }];

/** The CSS the viewer needs, as one string. */
export const formStyles: string = viewerSheets.map((s) => s.css).join('\n');

/**
 * Adds the viewer's styles to `root`: the document (default; views that
 * render into the light DOM) or a view's shadow root, once however often
 * this is called.
 */
export function adoptStyles(root?: Document | ShadowRoot): void {
  adoptSheets(root, viewerSheets);
}
