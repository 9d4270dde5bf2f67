// Shared by the hostile pages: records CSP violations and errors, and points the elements at the
// receiver namespace in the query string.
window.hostile = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', (e) =>
  window.hostile.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample ?? ''}`),
);
window.addEventListener('error', (e) => window.hostile.errors.push(String(e.message)));
const ns = new URLSearchParams(location.search).get('ns') ?? 'hostile';
window.HandoffPanel =
  window.HandoffPanel ||
  function () {
    (window.HandoffPanel.q = window.HandoffPanel.q || []).push(arguments);
  };
window.HandoffPanel('configure', { endpoint: `/r/${ns}/handoffs` });
