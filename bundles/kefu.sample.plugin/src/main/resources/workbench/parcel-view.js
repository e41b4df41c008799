// The plug-in's workbench view: plain JavaScript, no build step. 'lit' and '@kefu/workbench' are provided by the
// shell through its import map, so the view shares the shell's Lit, its look (baseStyles) and the user's session.
import { LitElement, html, css } from 'lit';
import { api, baseStyles } from '@kefu/workbench';

class ParcelView extends LitElement {
  static properties = { number: { state: true }, matches: { state: true }, error: { state: true } };

  static styles = [baseStyles, css`
    form { display: flex; gap: 8px; max-width: 40rem; }
    li { margin: 6px 0; }
  `];

  constructor() {
    super();
    this.number = '';
    this.matches = [];
    this.error = '';
  }

  async lookup(event) {
    event.preventDefault();
    this.error = '';
    this.matches = [];
    try {
      this.matches = await api(`/api/parcels/${encodeURIComponent(this.number)}`);
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    return html`<div class="kf-page">
      <div class="kf-page-header"><h1 class="kf-title">Parcel tracking · 快递查询</h1></div>
      <form @submit=${this.lookup}>
        <input class="kf-input kf-grow" name="tracking" aria-label="Tracking number" placeholder="SF1234567890123"
               .value=${this.number} @input=${(e) => (this.number = e.target.value)}>
        <button class="kf-btn kf-btn-primary" type="submit">Look up</button>
      </form>
      ${this.error ? html`<p class="kf-alert kf-alert-error" role="alert">${this.error}</p>` : ''}
      <ul class="kf-list">
        ${this.matches.map((m) => html`<li><strong>${m.carrier}</strong> (${m.carrierZh}):
          <a href=${m.trackingUrl} target="_blank" rel="noopener noreferrer">${m.trackingNumber}</a></li>`)}
      </ul>
    </div>`;
  }
}

customElements.define('example-parcel-view', ParcelView);
