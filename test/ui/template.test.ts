// The organisation's template in the panel: its fields in their steps, its required moves refused at the
// field on send, its checklist recorded, a bad template named key by key, a draft from an older template
// kept, and the timing warnings at the due time; keyboard-only and axe-clean.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HandoffV1 } from '../../src/payload/index.js';
import type { HandoffTemplate } from '../../src/template/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { toLocalInput } from '../../src/ui/shared/paths.js';
import { toNote } from '../../src/notes/index.js';
import { FULL_PAYLOAD } from '../fixtures/handoffs.js';
import type { HandoffReceipt } from '../../src/ui/handoff-receipt/handoff-receipt.js';
import { TestReceiver, cleanup as cleanupOutboxes } from '../outbox/helpers.js';
import {
  control,
  mountPanel,
  errorText,
  expectAccessible,
  fillValid,
  nextEvent,
  realKeyboard,
  root,
  tabTo,
  tick,
  typeInto,
  usePanels,
  waitFor,
} from './helpers.js';

const HOST = { 'case-id': 'C-31', 'agent-id': 'agent-3', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };
const load = async (name: string): Promise<HandoffTemplate> =>
  (await (await fetch(`/demo/templates/${name}.json`)).json()) as HandoffTemplate;
const RETAILER = await load('retailer');
const BANK = await load('bank');

const send = (panel: HandoffPanel) => root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
/** Sends, and the payload queued. */
async function sent(panel: HandoffPanel): Promise<HandoffV1> {
  await panel.updateComplete;
  const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
  send(panel);
  return (await queued).detail.payload;
}
const stepOf = (panel: HandoffPanel, label: string) =>
  control(panel, label).closest('fieldset[part="section"]')!.querySelector('legend')!.textContent!.trim();
const warningAt = (panel: HandoffPanel, label: string) => {
  const id = control(panel, label).id;
  return root(panel).getElementById(`${id}-warning`)?.textContent?.trim();
};
const checklistChecks = (panel: HandoffPanel) =>
  [...root(panel).querySelectorAll<HTMLElement>('[part="quality"] li')].map((li) => li.dataset.check);

/** The template's file is loaded the first time a panel is given one: its fields, or its problems, appear. */
const templateShown = (panel: HandoffPanel) =>
  waitFor(
    () => root(panel).querySelector('[data-path^="extensions."], [data-path^="checklist."], .config-error') !== null,
    panel,
  );

describe('<handoff-panel> with an organisation template', () => {
  const mountOne = usePanels(HOST);
  const mount = async (config: HandoffPanel['config'] = {}) => {
    const panel = await mountOne(config);
    if (config.template) await templateShown(panel);
    return panel;
  };

  it('shows its fields in their steps and refuses a send without the moves it requires, at their fields', async () => {
    const panel = await mount({ template: RETAILER });
    fillValid(panel);
    await panel.updateComplete;
    expect(stepOf(panel, 'Order number')).to.contain('Why');
    expect(stepOf(panel, 'Return method')).to.contain('Actions and next steps');
    const invalid = nextEvent<CustomEvent<{ errors: { path: string }[] }>>(panel, 'handoff-invalid');
    send(panel);
    const { errors } = (await invalid).detail;
    expect(errors.map((e) => e.path)).to.deep.equal([
      'extensions.orderNumber',
      'script.apologyGiven',
      'checklist.offered-de-escalation',
    ]);
    await panel.updateComplete;
    expect(root(panel).activeElement === control(panel, 'Order number')).to.equal(true);
    expect(errorText(panel, control(panel, 'Order number'))).to.equal(
      "Order number: your organisation's handoff template requires this before you send.",
    );
    await expectAccessible(panel);

    typeInto(panel, 'Order number', 'NW-204518');
    typeInto(panel, 'Order value (£)', '54.99');
    typeInto(panel, 'Return method', 'courier');
    tick(panel, 'Apology given');
    tick(panel, 'I offered to resolve it myself before escalating');
    const payload = await sent(panel);
    expect(payload.extensions).to.deep.equal({ orderNumber: 'NW-204518', orderValue: 54.99, returnMethod: 'courier' });
    expect(payload.template).to.deep.equal({
      id: 'northwind-retail',
      version: '2026-12',
      checklist: [
        { id: 'offered-de-escalation', label: 'I offered to resolve it myself before escalating', checked: true },
      ],
    });
  });

  it('shows fields a draft holds without any template, so that nothing is sent unseen', async () => {
    const panel = await mount();
    panel.prefill({ extensions: { orderNumber: 'NW-5' } });
    await panel.updateComplete;
    expect((control(panel, 'OrderNumber (from an earlier template)') as HTMLInputElement).value).to.equal('NW-5');
  });

  it('leaves the checks the protocol does not ask for off the checklist', async () => {
    const plain = await mount();
    expect(checklistChecks(plain)).to.include('receiver-expertise');
    const panel = await mount({ template: RETAILER });
    expect(checklistChecks(panel)).to.not.include('receiver-expertise');
  });

  it('says what is wrong with a bad template, by key, and works without it', async () => {
    const panel = await mount({
      template: { id: 'x', fields: [{ key: 'summary', label: 'Summary', type: 'text' }] } as HandoffTemplate,
    });
    const alert = root(panel).querySelector('.config-error')!.textContent!;
    expect(alert).to.contain('template.fields[0].key: "summary" is the name of a built-in handoff field');
    fillValid(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    send(panel);
    expect((await queued).detail.payload.template).to.equal(undefined);
  });

  it('keeps what was typed under an older template when the template changes', async () => {
    const panel = await mount({ template: RETAILER });
    typeInto(panel, 'Order number', 'NW-77');
    panel.config = { ...panel.config, template: BANK };
    await waitFor(() => root(panel).querySelector('[data-path="extensions.policyReference"]') !== null, panel);
    const kept = control(panel, 'OrderNumber (from an earlier template)') as HTMLInputElement;
    expect(kept.value).to.equal('NW-77');
    fillValid(panel);
    typeInto(panel, 'Reason', 'specialist');
    typeInto(panel, 'Complaint policy reference', 'CP-7.2');
    typeInto(panel, 'Customer may be vulnerable', 'no');
    typeInto(panel, 'Customer phone', '+44 20 7946 0958');
    tick(panel, 'Apology given');
    tick(panel, 'I read the data-protection notice to the customer');
    const payload = await sent(panel);
    expect(payload.extensions).to.deep.equal({
      policyReference: 'CP-7.2',
      vulnerableCustomer: false,
      orderNumber: 'NW-77',
    });
    expect(payload.template!.id).to.equal('harbour-bank');
  });

  it('warns at an action due in the past or before the receiver can act, and records it', async () => {
    const panel = await mount({ template: RETAILER });
    fillValid(panel);
    typeInto(panel, 'Action 1', 'Refund the duplicate charge');
    typeInto(panel, 'Due time of action 1', toLocalInput(new Date(Date.now() - 3_600_000).toISOString()));
    await panel.updateComplete;
    expect(warningAt(panel, 'Due time of action 1')).to.match(/^This time has already passed/);
    // The retailer's receivers need 30 minutes' notice.
    typeInto(panel, 'Due time of action 1', toLocalInput(new Date(Date.now() + 10 * 60_000).toISOString()));
    await panel.updateComplete;
    expect(warningAt(panel, 'Due time of action 1')).to.match(/^Due before the receiver can act on it: they can from /);
    const due = control(panel, 'Due time of action 1');
    expect(due.getAttribute('aria-describedby')).to.contain(`${due.id}-warning`);
    await expectAccessible(panel);
    typeInto(panel, 'Order number', 'NW-1');
    tick(panel, 'Apology given');
    tick(panel, 'I offered to resolve it myself before escalating');
    const payload = await sent(panel);
    expect(payload.timing).to.have.length(1);
    expect(payload.timing![0]).to.include({ field: 'actions[0].due', kind: 'before-receiver-can-act' });
  });

  it('keyboard only: reaches the custom field and ticks a checklist item', async function () {
    if (!realKeyboard) this.skip();
    const panel = await mount({ template: RETAILER });
    panel.focus();
    await tabTo(panel, 'Order number');
    await sendKeys({ type: 'NW-9' });
    await tabTo(panel, 'I offered to resolve it myself before escalating');
    await sendKeys({ press: ' ' });
    await panel.updateComplete;
    expect(panel.value.extensions).to.deep.equal({ orderNumber: 'NW-9' });
    expect(panel.value.checklist).to.deep.equal({ 'offered-de-escalation': true });
  });
});

describe('the template end to end: panel, receiver, receipt, note', () => {
  let receiver: TestReceiver;
  const mounted: HTMLElement[] = [];
  beforeEach(() => (receiver = new TestReceiver()));
  afterEach(async () => {
    for (const el of mounted.splice(0)) el.remove();
    await cleanupOutboxes();
  });
  const text = (el: HTMLElement) => root(el).textContent!.replace(/\s+/g, ' ');

  it("shows the organisation's fields, checklist and timing where the receiver reads them", async () => {
    const outbox = { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` };
    const panel = await mountPanel(HOST, { outbox, template: RETAILER });
    mounted.push(panel);
    await templateShown(panel);
    fillValid(panel);
    typeInto(panel, 'Order number', 'NW-204518');
    typeInto(panel, 'Return method', 'store');
    tick(panel, 'Apology given');
    tick(panel, 'I offered to resolve it myself before escalating');
    typeInto(panel, 'Action 1', 'Approve the refund');
    typeInto(panel, 'Due time of action 1', toLocalInput(new Date(Date.now() + 10 * 60_000).toISOString()));
    await panel.updateComplete;
    const delivered = nextEvent<CustomEvent<{ id: string }>>(panel, 'handoff-delivered');
    send(panel);
    const { id } = (await delivered).detail;

    const stored = await (await fetch(`${receiver.endpoint}/${id}`)).json();
    const receipt = document.createElement('handoff-receipt') as HandoffReceipt;
    receipt.config = { template: RETAILER };
    receipt.handoff = stored;
    document.body.append(receipt);
    mounted.push(receipt);
    await receipt.updateComplete;
    const shown = text(receipt);
    expect(shown).to.contain("The organisation's fields");
    expect(shown).to.contain('Order number NW-204518');
    expect(shown).to.contain('Return method Return to a store');
    expect(shown).to.contain('I offered to resolve it myself before escalating: done');
    expect(shown).to.contain('Due before you could act on it (from ');
    await expectAccessible(receipt);

    const note = toNote(stored, { template: RETAILER, timeZone: 'UTC' });
    expect(note).to.contain('- Order number: NW-204518');
    expect(note).to.contain('(due before the receiver could act): Approve the refund');
  });

  it('marks a time that was already past when sent, and one the receiver could not act on before, beside it', async () => {
    const receipt = document.createElement('handoff-receipt') as HandoffReceipt;
    receipt.handoff = {
      ...structuredClone(FULL_PAYLOAD),
      timing: [
        { field: 'actions[0].due', kind: 'past' },
        { field: 'followUp.at', kind: 'outside-hours' },
      ],
    };
    document.body.append(receipt);
    mounted.push(receipt);
    await receipt.updateComplete;
    const marks = [...root(receipt).querySelectorAll('.warned')].map((el) => el.textContent!.trim());
    expect(marks).to.deep.equal(['Already due when it was sent']);
    expect(text(receipt)).to.contain('(Set outside your hours)');
  });
});
