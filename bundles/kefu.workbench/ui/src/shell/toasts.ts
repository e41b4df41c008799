import { LitElement, html } from 'lit';
import { LocaleController, t, type ToastKind } from '@kefu/workbench';

interface Toast {
  id: number;
  message: string;
  kind: ToastKind;
}

// Errors stay longer: they are more often read twice or copied.
const LIFETIME: Record<ToastKind, number> = { info: 4500, success: 4500, error: 9000 };

/** Shows the notices that views request with `toast()` from the SDK. */
export class KefuToasts extends LitElement {
  static override properties = { toasts: { state: true } };

  declare toasts: Toast[];
  private nextId = 1;

  constructor() {
    super();
    this.toasts = [];
    new LocaleController(this);
  }

  override createRenderRoot() {
    return this;
  }

  private readonly onToast = (e: Event) => {
    const detail = (e as CustomEvent<{ message?: unknown; kind?: unknown }>).detail ?? {};
    const kind: ToastKind = detail.kind === 'success' || detail.kind === 'error' ? detail.kind : 'info';
    const toast = { id: this.nextId++, message: String(detail.message ?? ''), kind };
    // A burst of notices (e.g. a failing poll) should not cover the screen.
    this.toasts = [...this.toasts.slice(-3), toast];
    window.setTimeout(() => this.dismiss(toast.id), LIFETIME[kind]);
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('kefu:toast', this.onToast);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('kefu:toast', this.onToast);
  }

  private dismiss(id: number) {
    this.toasts = this.toasts.filter((x) => x.id !== id);
  }

  override render() {
    return html`<div class="kf-toasts" aria-live="polite">
      ${this.toasts.map(
        (x) => html`<div class="kf-toast kf-toast-${x.kind}" role=${x.kind === 'error' ? 'alert' : 'status'}>
          <span class="kf-toast-text">${x.message}</span>
          <button type="button" @click=${() => this.dismiss(x.id)} aria-label=${t('action.dismiss')}>✕</button>
        </div>`,
      )}
    </div>`;
  }
}

customElements.define('kefu-toasts', KefuToasts);
