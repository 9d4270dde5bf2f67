// Points the page's panel and status element at a receiver namespace from the query string.
const ns = new URLSearchParams(location.search).get('ns') ?? 'default';
const endpoint = ns === 'default' ? '/handoffs' : `/r/${ns}/handoffs`;
for (const el of document.querySelectorAll('handoff-panel, handoff-outbox-status')) {
  el.config = { outbox: { name: `e2e-${ns}`, endpoint } };
}
document.documentElement.dataset.ready = 'true';
