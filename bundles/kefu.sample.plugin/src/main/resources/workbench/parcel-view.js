// The plug-in's workbench view: plain JavaScript, no build step. 'lit' and '@kefu/workbench' are provided by the
// shell through its import map, so the view shares the shell's Lit and calls the API with the user's session.
import { LitElement, html, css } from 'lit';
import { api } from '@kefu/workbench';

class ParcelView extends LitElement {
  static properties = { number: { state: true }, matches: { state: true }, error: { state: true } };

  static styles = css`
    :host { display: block; max-width: 48rem; }
    form { display: flex; gap: .5rem; margin: 1rem 0; }
    input { flex: 1; padding: .4rem .6rem; font: inherit; }
    li { margin: .4rem 0; }
    .error { color: var(--kf-danger, #b42318); }
  `;

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
    return html`
      <h2>Parcel tracking · 快递查询</h2>
      <form @submit=${this.lookup}>
        <input name="tracking" aria-label="Tracking number" placeholder="SF1234567890123"
               .value=${this.number} @input=${(e) => (this.number = e.target.value)}>
        <button type="submit">Look up</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <ul>
        ${this.matches.map((m) => html`<li><strong>${m.carrier}</strong> (${m.carrierZh}):
          <a href=${m.trackingUrl} target="_blank" rel="noopener noreferrer">${m.trackingNumber}</a></li>`)}
      </ul>`;
  }
}

customElements.define('example-parcel-view', ParcelView);
