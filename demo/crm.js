// The demo CRM page: fills the case view and customer record from a trainer scenario, hands the CRM's
// facts to the panel as an integrator would, scores what the trainee sends, and shows the outbox live.
// Runs after the script tag (module scripts run after deferred ones), so `HandoffPanel` is there.
import { CRITERIA, CRITERION_LABELS, scoreHandoff } from '/dist/esm/training/index.js';
import { describeHours } from '/dist/esm/directory/index.js';
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);
const panel = document.querySelector('handoff-panel');
const launcher = document.querySelector('handoff-launcher');
const outbox = window.HandoffPanel.outbox;
let scenario;
let scenarios = [];
let template;

// ——— the organisation's template ———

/** The example templates (demo/templates/): the panel's fields and required moves, and the rubric's. */
async function useTemplate(name) {
  localStorage.setItem('demo-template', name);
  $('template').value = name;
  template = name ? await (await fetch(`/templates/${name}.json`, { cache: 'no-store' })).json() : undefined;
  panel.config = { ...panel.config, template };
}

// ——— scenarios ———

async function loadScenarios() {
  const response = await fetch('/scenarios.json', { cache: 'no-store' });
  const { scenarios: found, problems } = await response.json();
  scenarios = found;
  const box = $('scenario-problems');
  box.hidden = problems.length === 0;
  box.textContent = problems.length ? `Some scenario files could not be used:\n${problems.join('\n')}` : '';
  $('scenario').replaceChildren(...found.map((s) => el('option', { value: s.id }, s.title)));
  const wanted = new URLSearchParams(location.search).get('scenario') ?? localStorage.getItem('demo-scenario');
  show(found.find((s) => s.id === wanted) ?? found[0]);
}

function show(next) {
  if (!next) return;
  scenario = next;
  localStorage.setItem('demo-scenario', next.id);
  $('scenario').value = next.id;
  const { case: c, customer, agent, transferCount, directory = [] } = next.crm;
  $('case-id').textContent = c.id;
  $('case-subject').textContent = c.subject;
  $('case-channel').textContent = c.channel;
  $('case-transfers').textContent = String(transferCount ?? 0);
  $('case-history').replaceChildren(...c.history.map((line) => el('li', {}, el('strong', {}, line.who), line.text)));
  const record = [
    ['Name', customer.name],
    ['Account', customer.accountId],
    ['Phone', customer.phone],
    ['Email', customer.email],
    [
      'Verification',
      customer.verification?.status === 'verified'
        ? `Verified (${customer.verification.methodDetail ?? customer.verification.method.replaceAll('-', ' ')}) by ${customer.verification.by}`
        : 'Not verified',
    ],
  ];
  $('customer').replaceChildren(...record.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  $('customer-notes').replaceChildren(
    ...(customer.notes?.length ? customer.notes : ['None.']).map((n) => el('li', {}, n)),
  );
  // The CRM's "Who can help" and the panel's directory are one list: the agent picks from it in the panel.
  $('directory').replaceChildren(
    ...directory.map((d) =>
      el(
        'li',
        {},
        `${d.name ? `${d.name} — ` : ''}${d.team}, ${d.expertise}. ${d.fallback.phone}${d.hours ? ` (${describeHours(d.hours)})` : ''}`,
      ),
    ),
  );
  $('scenario-title').textContent = next.title;
  $('situation').textContent = next.situation;
  $('scenario-source').textContent = next.source ?? 'trainer';
  $('rubric').replaceChildren(...CRITERIA.map((id) => el('li', { 'data-criterion': id }, CRITERION_LABELS[id])));
  $('score').replaceChildren();

  // What the CRM knows, handed to the panel; the trainee writes the rest. A new case id gives the panel
  // its own saved draft, so switching scenarios never loses what was typed.
  Object.assign(panel, {
    caseId: c.id,
    channel: c.channel,
    customerName: customer.name,
    agentId: agent.agentId,
    agentName: agent.name,
    transferCount: (transferCount ?? 0) + 1,
    // Identity and verification carried over: the CRM knows who verified the customer, and how.
    customer: {
      accountId: customer.accountId,
      contact: { phone: customer.phone, email: customer.email },
      verification: customer.verification,
    },
    agent: { team: agent.team, callback: agent.callback },
    config: { ...panel.config, directory },
  });
}

function showScore(payload) {
  if (!scenario || payload.case.id !== scenario.crm.case.id) return;
  const result = scoreHandoff(payload, scenario, template);
  $('rubric').replaceChildren(
    ...result.criteria.map((c) =>
      el(
        'li',
        { 'data-criterion': c.id, class: c.verdict },
        el('span', { class: 'verdict' }, `${c.label}: ${c.verdict} (${c.points}/${c.max})`),
        c.feedback.length ? el('ul', {}, ...c.feedback.map((f) => el('li', {}, f))) : undefined,
      ),
    ),
  );
  $('score').replaceChildren(
    el('p', { class: 'total' }, `Score: ${result.points}/${result.max} (${result.percent}%)`),
    el(
      'p',
      {},
      result.percent === 100
        ? 'Every move of a good handoff. Well done.'
        : 'See what was missed under each criterion above.',
    ),
  );
}

$('scenario').addEventListener('change', (e) => show(scenarios.find((s) => s.id === e.target.value)));
$('template').addEventListener('change', (e) => void useTemplate(e.target.value));

document.addEventListener('handoff-queued', (event) => {
  $('payload').textContent = JSON.stringify(event.detail.payload, null, 2);
  showScore(event.detail.payload);
  void refreshOutbox();
});
document.addEventListener('handoff-acknowledged', ({ detail }) => {
  $('inspector-status').textContent =
    `${detail.ack.by.name} ${detail.ack.accepted ? 'acknowledged' : 'declined'} handoff ${detail.handoffId.slice(0, 8)}.`;
});

// ——— inspector ———

async function refreshOutbox() {
  const items = await outbox.items();
  const rows = items.map((item) =>
    el(
      'tr',
      {},
      el('td', {}, el('code', {}, item.id.slice(0, 8))),
      el('td', {}, item.kind),
      el('td', {}, item.state),
      el('td', {}, String(item.attempts)),
      el(
        'td',
        {},
        item.lastError ? `${item.lastError.status ?? item.lastError.kind}: ${item.lastError.message.slice(0, 80)}` : '',
      ),
    ),
  );
  $('outbox-items').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: '5' }, 'Empty.'))]));
}
for (const type of ['change', 'sending', 'retrying', 'delivered', 'dead'])
  outbox.addEventListener(type, () => void refreshOutbox());

// "Go offline" pretends this tab lost its network, as far as the page can: navigator.onLine and the
// offline/online events, which is what the outbox and the panel listen to.
$('offline').addEventListener('change', (e) => {
  const offline = e.target.checked;
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete navigator.onLine;
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
  $('inspector-status').textContent = offline
    ? 'Offline: handoffs wait in the outbox.'
    : 'Back online: the outbox sends what waited.';
});

// "Receiver down" and "slow" make the receiver misbehave as this tab sees it. The SDK sends with
// whatever fetch the page has at send time, so wrapping it is all it takes; the reference receiver
// itself has no fault switches outside tests.
const RECEIVER_STATUS = {
  normal: 'Receiver back to normal.',
  down: 'Receiver answers 503: the outbox retries with backoff.',
  slow: 'Receiver answers after 3 s.',
};
const pageFetch = window.fetch.bind(window);
let receiverMode = sessionStorage.getItem('demo-receiver') ?? 'normal';
window.fetch = async (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  const toReceiver =
    url.origin === location.origin && url.pathname.startsWith('/handoffs') && (init.method ?? 'GET') === 'POST';
  if (toReceiver && receiverMode === 'down') {
    const body = JSON.stringify({ error: 'Receiver down for maintenance' });
    return new Response(body, { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '3' } });
  }
  if (toReceiver && receiverMode === 'slow') await delay(3000, init.signal);
  return pageFetch(input, init);
};

function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

for (const radio of document.querySelectorAll('input[name="receiver"]')) {
  radio.checked = radio.value === receiverMode;
  radio.addEventListener('change', async () => {
    receiverMode = radio.value;
    sessionStorage.setItem('demo-receiver', receiverMode);
    $('inspector-status').textContent = RECEIVER_STATUS[receiverMode];
    if (receiverMode === 'normal') await outbox.retryNow();
  });
}
$('retry-now').addEventListener('click', () => void outbox.retryNow());

launcher.addEventListener('handoff-launcher-open', () => void refreshOutbox());
const wantedTemplate = new URLSearchParams(location.search).get('template') ?? localStorage.getItem('demo-template');
await Promise.all([
  loadScenarios(),
  refreshOutbox(),
  useTemplate(['retailer', 'bank'].includes(wantedTemplate) ? wantedTemplate : ''),
]);
document.body.dataset.ready = '';
