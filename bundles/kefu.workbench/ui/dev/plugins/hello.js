import { LitElement, html } from 'lit';
import { api, baseStyles, currentUser, toast } from '@kefu/workbench';

class AcmeHelloView extends LitElement {
  static properties = { health: { state: true } };
  static styles = baseStyles;

  connectedCallback() {
    super.connectedCallback();
    api('/api/health')
      .then((health) => { this.health = health; })
      .catch((e) => toast(e.message, 'error'));
  }

  render() {
    return html`<div class="kf-page">
      <h1 class="kf-title">Hello, ${currentUser()?.displayName}</h1>
      <p>System status: <span class="kf-badge">${this.health?.status ?? '…'}</span></p>
    </div>`;
  }
}

customElements.define('acme-hello-view', AcmeHelloView);
