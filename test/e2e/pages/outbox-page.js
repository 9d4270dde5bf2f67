// A tab of a CRM page, as the end-to-end tests drive it: the script-tag bundle's Outbox on a receiver
// namespace from the query string. Exposes a small API on window for page.evaluate().
const params = new URLSearchParams(location.search);
const ns = params.get('ns');
// The payload functions come with the panel's file (the two-step script tag): load it first.
const { Outbox, buildHandoff } = await window.HandoffPanel.load();

const outbox = new Outbox({
  endpoint: `/r/${ns}/handoffs`,
  name: `e2e-${ns}`,
  timeoutMs: Number(params.get('timeoutMs') ?? 3000),
  pollIntervalMs: Number(params.get('pollMs') ?? 500),
  backoff: { baseMs: Number(params.get('baseMs') ?? 20), capMs: Number(params.get('capMs') ?? 400) },
});

const DRAFT = {
  mode: 'warm',
  channel: 'chat',
  reason: { code: 'specialist', detail: 'Needs the router team.' },
  case: { id: 'C-1' },
  customer: { name: 'Test Customer', contact: {}, verification: { status: 'unverified' } },
  from: { agentId: 'a-1', name: 'Agent' },
  to: { team: 'Routers' },
  script: { managingUp: 'They know routers inside out.' },
};

window.e2e = {
  async enqueue(id, n) {
    const result = buildHandoff({ ...DRAFT, recap: { summary: `Handoff ${n}` } }, { id, training: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await outbox.enqueue(result.payload);
    return id;
  },
  counts: () => outbox.counts(),
  flush: () => outbox.flush(),
  events: [],
};
for (const type of ['queued', 'sending', 'delivered', 'retrying', 'dead']) {
  outbox.addEventListener(type, (e) => window.e2e.events.push({ type, id: e.detail.id, remote: e.detail.remote }));
}
document.getElementById('status').textContent = 'ready';
