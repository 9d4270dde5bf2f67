// Writes the script tag as an integrator would, with data-endpoint on the receiver namespace of the test.
// With ?token=…, the page also queues a configure() with a headers() hook before the SDK loads (the
// two-line stub), as the README's script-tag integration does.
const params = new URLSearchParams(location.search);
const ns = params.get('ns');
const token = params.get('token');
if (token) {
  window.HandoffPanel =
    window.HandoffPanel ||
    function () {
      (window.HandoffPanel.q = window.HandoffPanel.q || []).push(arguments);
    };
  window.HandoffPanel('configure', { headers: async () => ({ Authorization: `Bearer ${token}` }) });
}
const script = document.createElement('script');
script.src = '/dist/handoff-panel.js';
script.dataset.endpoint = `/r/${ns}/handoffs`;
document.head.append(script);
