// The cold-start baseline: a bare Lit element rendering one line, bundled like ours (production lit, minified).
import { LitElement, html } from 'lit';

class BareElement extends LitElement {
  render() {
    return html`<p>bare</p>`;
  }
}
customElements.define('bare-element', BareElement);
