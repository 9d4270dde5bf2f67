// The documented two-line stub, then calls made before the SDK arrives; the SDK is loaded last.
window.HandoffPanel =
  window.HandoffPanel ||
  function () {
    (window.HandoffPanel.q = window.HandoffPanel.q || []).push(arguments);
  };
const ns = new URLSearchParams(location.search).get('ns') ?? 'stub';
window.HandoffPanel('configure', { theme: { '--handoff-color-accent': 'rgb(0, 110, 70)' } });
window.HandoffPanel('open', { caseId: 'C-77', prefill: { customer: { name: 'Queued Customer' } } });
window.addEventListener('DOMContentLoaded', () => {
  const script = document.createElement('script');
  script.src = '/dist/handoff-panel.js';
  script.dataset.endpoint = `/r/${ns}/handoffs`; // configuration on the script tag itself
  script.dataset.locale = 'en';
  script.async = true;
  document.head.append(script);
});
