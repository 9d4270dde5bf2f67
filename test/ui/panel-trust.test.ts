// What a reopened or reused CRM page does with the handoffs its agent sent: a panel alone on the page
// delivers what an earlier visit left queued, shows the case's earlier handoffs and their fate until
// dismissed, and after a send returns to what the host gave it. And the receipt: credentials only to
// the endpoint's origin, nothing rendered unchecked.
import { expect } from '@open-wc/testing';
import { Outbox } from '../../src/outbox/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import type { HandoffReceipt } from '../../src/ui/handoff-receipt/handoff-receipt.js';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { TestReceiver, cleanup, handoff, restoreOnline, setOnline, until } from '../outbox/helpers.js';
import { control, expectAccessible, fillValid, mountPanel, nextEvent, root, typeInto } from './helpers.js';

const HOST = { 'case-id': 'C-20001', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };

function send(panel: HandoffPanel): void {
  (root(panel).querySelector('button[type="submit"]') as HTMLButtonElement).click();
}

const historyLines = (panel: HandoffPanel) =>
  [...root(panel).querySelectorAll('.history li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<handoff-panel> on a reopened page', () => {
  let receiver: TestReceiver;
  let names: { outbox: string; drafts: string };
  const panels: HandoffPanel[] = [];
  const mount = async (attrs: Record<string, string> = HOST, config: HandoffPanel['config'] = {}) => {
    const panel = await mountPanel(
      { ...attrs, endpoint: receiver.endpoint },
      {
        outbox: { name: names.outbox, backoff: { baseMs: 10, capMs: 50 } },
        drafts: { name: names.drafts, debounceMs: 0 },
        acks: { intervalMs: 30, maxIntervalMs: 60 },
        ...config,
      },
    );
    panels.push(panel);
    return panel;
  };

  beforeEach(() => {
    receiver = new TestReceiver();
    names = { outbox: `test-outbox-${crypto.randomUUID()}`, drafts: `test-drafts-${crypto.randomUUID()}` };
  });
  afterEach(async () => {
    restoreOnline();
    for (const panel of panels.splice(0)) panel.remove();
    await cleanup();
  });

  it('a page with only a <handoff-panel> delivers what an earlier visit left queued, without any call', async () => {
    setOnline(false);
    const earlier = new Outbox({ endpoint: receiver.endpoint, name: names.outbox });
    const left = handoff();
    await earlier.enqueue(left);
    await earlier.close();
    restoreOnline();

    await mount();
    await until(async () => (await receiver.stats()).ids.includes(left.id), 'the queued handoff to be delivered');
    await receiver.expectExactlyOnce([left.id]);
  });

  it('shows the case’s earlier handoffs after a reload with their fate, until the agent dismisses them', async () => {
    setOnline(false);
    const first = await mount();
    fillValid(first);
    const queued = nextEvent<CustomEvent<{ payload: { id: string } }>>(first, 'handoff-queued');
    send(first);
    const { id } = (await queued).detail.payload;
    first.remove();

    // The reload: a new panel on the same case, still offline.
    const again = await mount();
    await until(() => historyLines(again).length === 1, 'the earlier handoff to be listed');
    expect(historyLines(again)[0]).to.match(
      /^To Billing supervisors, sent .+ Waiting to be sent: you're offline\. Dismiss$/,
    );
    await expectAccessible(again);

    // Back online: delivered, then acknowledged by the receiver.
    setOnline(true);
    await until(() => /Delivered; not acknowledged yet\./.test(historyLines(again)[0] ?? ''), 'the delivery to show');
    const ack = {
      ...clone(VALID_ACKS[0]!),
      id: crypto.randomUUID(),
      handoffId: id,
      by: { agentId: 'sup-3', name: 'Dana Whitfield' },
    };
    await fetch(`${receiver.endpoint}/${id}/ack`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ack.id },
      body: JSON.stringify(ack),
    });
    await until(
      () => /Delivered and acknowledged by Dana Whitfield at/.test(historyLines(again)[0] ?? ''),
      'the acknowledgement to show',
    );

    // Another panel on another case shows nothing of it.
    const other = await mount({ ...HOST, 'case-id': 'C-20002' });
    await other.updateComplete;
    expect(historyLines(other)).to.deep.equal([]);

    const dismiss = root(again).querySelector<HTMLButtonElement>('.history button')!;
    expect(dismiss.getAttribute('aria-label')).to.equal('Dismiss the handoff to Billing supervisors');
    dismiss.click();
    await again.updateComplete;
    expect(historyLines(again)).to.deep.equal([]);
    again.remove();
    const later = await mount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await later.updateComplete;
    expect(historyLines(later)).to.deep.equal([]);
  });

  it('a second send in one page keeps the host’s context: the prefill, attributes and properties', async () => {
    const panel = await mount({ endpoint: receiver.endpoint });
    panel.prefill({
      case: { id: 'C-30003' },
      from: { agentId: 'agent-42', name: 'Priya Raman', callback: '+44 20 7946 0000' },
      customer: { name: 'Jon Park', contact: { email: 'jon@example.com' } },
    });
    panel.receiver = { team: 'Billing supervisors' };
    await panel.updateComplete;
    for (let round = 1; round <= 2; round++) {
      fillValid(panel);
      typeInto(panel, 'Summary', `Round ${round}: charged twice.`);
      const queued = nextEvent<
        CustomEvent<{
          payload: { from: { name: string; agentId: string }; customer: { name: string }; case: { id: string } };
        }>
      >(panel, 'handoff-queued');
      send(panel);
      const { payload } = (await queued).detail;
      expect(payload.from).to.include({ name: 'Priya Raman', agentId: 'agent-42' });
      expect(payload.customer.name).to.equal('Jon Park');
      expect(payload.case.id).to.equal('C-30003');
      await panel.updateComplete;
      // The form is back to what the host gave it; only the agent's own entries are cleared.
      expect(control(panel, 'Case id').value).to.equal('C-30003');
      expect(control(panel, 'Your name').value).to.equal('Priya Raman');
      expect(control(panel, 'Your agent id').value).to.equal('agent-42');
      expect(control(panel, 'Customer name').value).to.equal('Jon Park');
      expect(control(panel, 'Customer email').value).to.equal('jon@example.com');
      expect(control(panel, 'Receiver team').value).to.equal('Billing supervisors');
      expect(control(panel, 'Summary').value).to.equal('');
      expect(panel.hasUnsentDraft).to.equal(false);
    }
  });

  it('headers set in config after the panel connected (and started its outbox) are the ones sent', async () => {
    const panel = await mount();
    panel.config = {
      ...panel.config,
      outbox: { ...panel.config.outbox, headers: () => ({ Authorization: 'Bearer set-later' }) },
    };
    await panel.updateComplete;
    fillValid(panel);
    const delivered = nextEvent<CustomEvent<{ id: string }>>(panel, 'handoff-delivered');
    send(panel);
    const { id } = (await delivered).detail;
    expect((await receiver.stats()).auth[id]).to.deep.equal(['Bearer set-later']);
  });

  it('a page without a panel delivered it and the record is gone: the reopened panel still says delivered', async () => {
    setOnline(false);
    const config = { outbox: { name: names.outbox, deliveredRetentionMs: 0, backoff: { baseMs: 10, capMs: 50 } } };
    const first = await mount(HOST, config);
    fillValid(first);
    const queued = nextEvent<CustomEvent<{ payload: { id: string } }>>(first, 'handoff-queued');
    send(first);
    const { id } = (await queued).detail.payload;
    first.remove(); // the page's outbox stays and delivers with no panel watching
    restoreOnline();
    await until(async () => (await receiver.stats()).ids.includes(id), 'the delivery');
    const outbox = (await import('../../src/ui/shared/outbox-registry.js')).elementOutbox(receiver.endpoint, {
      name: names.outbox,
    })!;
    await until(async () => (await outbox.get(id)) === undefined, 'the delivered record to be purged');

    const again = await mount(HOST, config);
    await until(
      () => /Delivered; not acknowledged yet\./.test(historyLines(again)[0] ?? ''),
      'the history to say delivered',
    );
  });

  it('a prefill right after a case switch belongs to the new case; one naming another case is refused', async () => {
    const panel = await mount({ 'case-id': 'C-A', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee' });
    panel.prefill({ customer: { name: 'Amara A', accountId: 'ACC-A' } });
    await panel.updateComplete;
    panel.caseId = 'C-B';
    panel.prefill({ customer: { name: 'Bea B' } }); // before the panel rendered the switch
    await panel.updateComplete;
    expect(control(panel, 'Customer name').value).to.equal('Bea B');
    expect(control(panel, 'Account id').value).to.equal('');
    panel.caseId = 'C-A';
    await panel.updateComplete;
    // Case A's own saved draft comes back; nothing of case B is in it.
    await until(() => control(panel, 'Customer name').value === 'Amara A', 'case A’s own draft');
    expect(control(panel, 'Account id').value).to.equal('ACC-A');
    expect(() => panel.prefill({ case: { id: 'C-Z' } })).to.throw(
      TypeError,
      /case.id "C-Z" is not this panel's case "C-A"; set caseId first/,
    );
  });

  it('a send that finishes after the host moved to another case clears only the sent case', async () => {
    const panel = await mount({ ...HOST, 'case-id': 'C-A' });
    panel.caseId = 'C-B';
    await panel.updateComplete;
    typeInto(panel, 'Summary', 'Case B: typed, not sent.');
    panel.caseId = 'C-A';
    await panel.updateComplete;
    fillValid(panel);
    const queued = nextEvent(panel, 'handoff-queued');
    send(panel);
    panel.caseId = 'C-B'; // while the handoff is being saved
    await queued;
    await panel.updateComplete;
    await until(() => control(panel, 'Summary').value === 'Case B: typed, not sent.', 'case B’s draft');
    panel.caseId = 'C-A';
    await panel.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(control(panel, 'Summary').value).to.equal('', 'the sent case does not come back as a draft');
  });

  it('a new case id drops what was prefilled for the last customer', async () => {
    const panel = await mount({ endpoint: receiver.endpoint, 'case-id': 'C-1' });
    panel.prefill({ customer: { name: 'Jon Park', accountId: 'ACC-1' } });
    panel.caseId = 'C-2';
    panel.prefill({ customer: { name: 'Ada Obi' } });
    await panel.updateComplete;
    await panel.reset();
    await panel.updateComplete;
    expect(control(panel, 'Customer name').value).to.equal('Ada Obi');
    expect(control(panel, 'Account id').value).to.equal('');
  });
});

describe('<handoff-receipt src>', () => {
  const receipts: HandoffReceipt[] = [];
  afterEach(() => {
    for (const r of receipts.splice(0)) r.remove();
  });

  async function mountReceipt(
    src: string,
    fetchImpl: typeof fetch,
    endpoint = '/api/handoffs',
  ): Promise<HandoffReceipt> {
    const receipt = document.createElement('handoff-receipt');
    receipt.setAttribute('agent-id', 'sup-3');
    receipt.setAttribute('agent-name', 'Dana Whitfield');
    receipt.endpoint = endpoint;
    receipt.config = {
      headers: () => ({ Authorization: 'Bearer secret' }),
      credentials: 'include',
      fetch: fetchImpl,
      outbox: { name: `test-outbox-${crypto.randomUUID()}`, autoStart: false },
    };
    receipt.src = src;
    document.body.append(receipt);
    receipts.push(receipt);
    return receipt;
  }

  const answering =
    (body: unknown, seen: RequestInit[]): typeof fetch =>
    async (_input, init) => {
      seen.push(init ?? {});
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    };

  const text = (receipt: HandoffReceipt) => receipt.shadowRoot!.textContent!.replace(/\s+/g, ' ');

  it('sends the configured headers and credentials to the endpoint’s origin only', async () => {
    const seen: RequestInit[] = [];
    const own = await mountReceipt(`${location.origin}/api/handoffs/1`, answering(FULL_PAYLOAD, seen));
    await until(() => text(own).includes('Amara Okafor'), 'the handoff to render');
    const other = await mountReceipt('https://elsewhere.example/handoffs/1', answering(FULL_PAYLOAD, seen));
    await until(() => text(other).includes('Amara Okafor'), 'the other handoff to render');
    expect(new Headers(seen[0]!.headers).get('Authorization')).to.equal('Bearer secret');
    expect(seen[0]!.credentials).to.equal('include');
    expect(new Headers(seen[1]!.headers).get('Authorization')).to.equal(null);
    expect(seen[1]!.credentials).to.equal('omit');
  });

  it('shows a clear error instead of rendering an answer that is not a valid handoff', async () => {
    const bad = {
      ...clone(FULL_PAYLOAD),
      createdAt: 'not a date',
      customer: {
        ...FULL_PAYLOAD.customer,
        verification: { status: 'verified', method: 'security-questions', at: '31/02/2026' },
      },
    };
    const receipt = await mountReceipt('/api/handoffs/1', answering(bad, []));
    await until(() => Boolean(receipt.shadowRoot!.querySelector('[role="alert"]')), 'an error');
    expect(text(receipt)).to.match(/This is not a handoff that can be shown: .*date and time/);
    const html = await mountReceipt(
      '/api/handoffs/2',
      async () => new Response('<html>sign in</html>', { headers: { 'Content-Type': 'text/html' } }),
    );
    await until(() => Boolean(html.shadowRoot!.querySelector('[role="alert"]')), 'an error');
    expect(text(html)).to.contain('Could not load the handoff: the answer is not JSON');
  });

  it('leaves out acknowledgements that are not valid or not about this handoff', async () => {
    const good = { ...clone(VALID_ACKS[0]!), handoffId: FULL_PAYLOAD.id };
    const foreign = {
      ...clone(VALID_ACKS[0]!),
      id: crypto.randomUUID(),
      handoffId: crypto.randomUUID(),
      by: { agentId: 'x', name: 'Mallory' },
    };
    const broken = { ...good, id: crypto.randomUUID(), at: 'yesterday', by: { agentId: 'y', name: 'Broken' } };
    const receipt = await mountReceipt(
      '/api/handoffs/1',
      answering({ ...FULL_PAYLOAD, receivedAt: 'whenever', acks: [good, foreign, broken] }, []),
    );
    await until(() => text(receipt).includes('Amara Okafor'), 'the handoff to render');
    expect(text(receipt)).not.to.contain('Mallory');
    expect(text(receipt)).not.to.contain('Broken');
  });
});

describe('<handoff-panel> on a shared desk', () => {
  const panels: HandoffPanel[] = [];
  afterEach(() => {
    for (const panel of panels.splice(0)) panel.remove();
  });

  it('switching case saves what was typed under its own case and never shows it for the next customer', async () => {
    const panel = await mountPanel(
      { ...HOST, 'case-id': 'C-A', endpoint: '/r/desk/handoffs' },
      {
        drafts: { name: `test-drafts-${crypto.randomUUID()}`, debounceMs: 60_000 },
        outbox: { name: `test-outbox-${crypto.randomUUID()}`, autoStart: false },
      },
    );
    panels.push(panel);
    typeInto(panel, 'Summary', 'Customer A: charged twice.');
    panel.caseId = 'C-B';
    panel.customerName = 'Bea Customer';
    await panel.updateComplete;
    expect(control(panel, 'Summary').value).to.equal('');
    expect(control(panel, 'Customer name').value).to.equal('Bea Customer');
    panel.caseId = 'C-A';
    panel.customerName = 'Amara Okafor';
    await until(() => control(panel, 'Summary').value === 'Customer A: charged twice.', 'case A’s draft to come back');
  });
});
