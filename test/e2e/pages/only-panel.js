// Writes the script tag as an integrator would, with data-endpoint on the receiver namespace of the test.
const ns = new URLSearchParams(location.search).get('ns');
const script = document.createElement('script');
script.src = '/dist/handoff-panel.js';
script.dataset.endpoint = `/r/${ns}/handoffs`;
document.head.append(script);
