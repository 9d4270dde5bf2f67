// What older CRM pages carry: an AMD loader (which hijacks UMD bundles), a monkey-patched fetch,
// a wrapped customElements registry, and custom elements and globals of their own.
window.define = function define(name, deps, factory) {
  window.amdDefined = (window.amdDefined || 0) + 1;
  if (typeof factory === 'function') factory();
};
window.define.amd = { jQuery: true };
window.require = function require() {
  throw new Error('the page AMD loader was called');
};
window.fetchCalls = 0;
const nativeFetch = window.fetch;
window.fetch = function patchedFetch(input, init) {
  window.fetchCalls++;
  return nativeFetch.call(window, input, init);
};
const native = window.customElements;
const polyfill = {
  define: (name, ctor, options) => native.define(name, ctor, options),
  get: (name) => native.get(name),
  whenDefined: (name) => native.whenDefined(name),
  upgrade: (root) => native.upgrade(root),
  getName: (ctor) => native.getName?.(ctor) ?? null,
};
Object.defineProperty(window, 'customElements', { configurable: true, get: () => polyfill });
customElements.define(
  'x-crm-widget',
  class extends HTMLElement {
    connectedCallback() {
      this.textContent = 'CRM widget';
    }
  },
);
window.Lit = { notOurs: true };
window.litHtmlVersions = ['0.0.0-host'];
