// The placeholder demo: builds a handoff from the draft with the script-tag bundle's global.
const { buildHandoff, suggestScripts, version } = window.HandoffPanel;
const $ = (id) => document.getElementById(id);

const SAMPLE = {
  mode: 'warm',
  channel: 'phone',
  reason: { code: 'escalation', detail: 'A refund above $500 needs a supervisor.' },
  case: { id: 'C-10442' },
  customer: {
    name: 'Amara Okafor',
    contact: { phone: '+44 20 7946 0958' },
    verification: { status: 'verified', method: 'security-questions' },
  },
  from: { agentId: 'agent-17', name: 'Sam Lee', callback: '+44 20 7946 0000' },
  to: { name: 'Dana Whitfield', team: 'Billing supervisors', expertise: 'disputed charges' },
  recap: {
    summary: 'Charged twice; she read out her card 4111 1111 1111 1111 to me.',
    tried: ['Checked billing history'],
  },
  actions: [{ text: 'Refund the duplicate charge', owner: 'receiver', due: '2026-11-25T17:00:00Z' }],
  script: { managingUp: '', customerInformed: true, apologyGiven: true, detailsConfirmed: true },
  contingency: { fallback: { phone: '+44 20 7946 0100' }, ifUnavailable: 'callback' },
  transfer: { count: 2 },
};

function render() {
  $('errors').replaceChildren();
  $('payload').textContent = '';
  $('scripts').replaceChildren();
  let draft;
  try {
    draft = JSON.parse($('draft').value);
  } catch (error) {
    $('status').textContent = `The draft is not valid JSON: ${error.message}`;
    return;
  }
  const lines = suggestScripts(draft);
  for (const [name, text] of Object.entries(lines)) {
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    dd.textContent = text;
    $('scripts').append(dt, dd);
  }
  if (draft && typeof draft === 'object' && draft.script && !draft.script.managingUp)
    draft.script.managingUp = lines.managingUp;
  const result = buildHandoff(draft, { training: true });
  if (result.ok) {
    $('status').textContent =
      `Built handoff ${result.payload.id}${result.payload.redactions.length ? ` — ${result.payload.redactions.length} card number(s) masked` : ''}.`;
    $('payload').textContent = JSON.stringify(result.payload, null, 2);
  } else {
    $('status').textContent = `${result.errors.length} problem(s) to fix:`;
    for (const error of result.errors) {
      const li = document.createElement('li');
      li.textContent = `${error.path}: ${error.message}`;
      $('errors').append(li);
    }
  }
}

$('version').textContent = `v${version}`;
$('draft').value = JSON.stringify(SAMPLE, null, 2);
$('build').addEventListener('click', render);
render();
