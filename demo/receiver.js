// The demo's receiver view: the reference receiver's inbox, live over server-sent events; selecting a
// handoff opens it in <handoff-receipt>, whose acknowledgement goes back through the outbox.
import { el } from './dom.js';

const $ = (id) => document.getElementById(id);
const receipt = $('receipt');
/** Handoffs by id, as the receiver holds them: each one exactly once however often it was posted. */
const inbox = new Map();
let selected;

function setIdentity() {
  receipt.setAttribute('agent-name', $('agent-name').value.trim());
  receipt.setAttribute('agent-id', $('agent-id').value.trim());
}

function render() {
  const items = [...inbox.values()].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  $('inbox').replaceChildren(
    ...items.map((h) => {
      const acked = h.acks.map((a) => a.payload ?? a).find((a) => a.accepted);
      const button = el(
        'button',
        { type: 'button', 'data-id': h.id, 'aria-current': String(h.id === selected) },
        el(
          'span',
          { class: 'who' },
          `${h.customer.name} · case ${h.case.id}${h.transfer.flagged ? ' · priority lane' : ''}`,
        ),
        el('span', { class: 'what' }, `From ${h.from.name}: ${h.reason.detail.slice(0, 80)}`),
        el(
          'span',
          { class: `state ${acked ? 'acked' : 'pending'}` },
          acked
            ? `Taken over by ${acked.by.name}`
            : `Waiting · received ${new Date(h.receivedAt).toLocaleTimeString()}`,
        ),
      );
      button.addEventListener('click', () => void open(h.id));
      return el('li', {}, button);
    }),
  );
  $('inbox-status').textContent = items.length
    ? `${items.length} handoff${items.length === 1 ? '' : 's'} in the inbox.`
    : 'The inbox is empty: send a handoff from the case view.';
}

/** The demo's example templates by the id a handoff records: the receipt names their fields by their labels. */
const TEMPLATE_FILES = { 'northwind-retail': 'retailer', 'harbour-bank': 'bank' };
const templates = new Map();

async function templateOf(h) {
  const file = TEMPLATE_FILES[h?.template?.id];
  if (!file) return undefined;
  if (!templates.has(file)) templates.set(file, await (await fetch(`/templates/${file}.json`)).json());
  return templates.get(file);
}

async function open(id) {
  selected = id;
  receipt.config = { ...receipt.config, template: await templateOf(inbox.get(id)) };
  receipt.src = `/handoffs/${encodeURIComponent(id)}`;
  render();
}

async function load() {
  const list = await (await fetch('/handoffs', { cache: 'no-store' })).json();
  for (const h of list) inbox.set(h.id, h);
  render();
}

const events = new EventSource('/handoffs/events');
events.addEventListener('handoff', (e) => {
  const h = JSON.parse(e.data);
  inbox.set(h.id, h);
  render();
});
events.addEventListener('ack', (e) => {
  const ack = JSON.parse(e.data);
  const h = inbox.get(ack.handoffId);
  if (!h || h.acks.some((a) => (a.payload ?? a).id === ack.id)) return;
  h.acks.push({ payload: ack });
  render();
});

$('identity').addEventListener('input', setIdentity);
$('identity').addEventListener('submit', (e) => e.preventDefault());
setIdentity();
await load();
const wanted = new URLSearchParams(location.search).get('handoff');
if (wanted && inbox.has(wanted)) void open(wanted);
document.body.dataset.ready = '';
