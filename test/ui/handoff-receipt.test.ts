import { expect } from '@open-wc/testing';
import type { HandoffReceipt, ReceivedHandoff } from '../../src/ui/handoff-receipt/handoff-receipt.js';
import type { HandoffAckV1 } from '../../src/payload/types.js';
import { es } from '../../src/locales/es.js';
import { registerLocale } from '../../src/ui/messages/catalogue.js';
import { FULL_PAYLOAD, clone } from '../fixtures/handoffs.js';
import { TestReceiver, cleanup as cleanupOutboxes, restoreOnline, until } from '../outbox/helpers.js';
import { control, errorText, expectAccessible, nextEvent, root, statusText, typeInto } from './helpers.js';

const RECEIVER = { 'agent-id': 'sup-3', 'agent-name': 'Dana Whitfield' };

/** A handoff with a fresh id, actions out of due order, and a long-past one to show as overdue. */
function incoming(change: (h: ReceivedHandoff) => void = () => undefined): ReceivedHandoff {
  const h = { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() } as ReceivedHandoff;
  h.actions = [
    { text: 'Send the confirmation email', owner: 'sender' },
    { text: 'Issue the refund', owner: 'receiver', due: '2099-11-25T17:00:00Z' },
    { text: 'Reverse the late fee', owner: 'receiver', due: '2020-01-01T09:00:00Z' },
  ];
  h.transfer = { count: 3, flagged: true };
  change(h);
  return h;
}

/** The receipt's text as read aloud: every text node, separated by spaces. */
function text(el: HTMLElement): string {
  const walker = document.createTreeWalker(root(el), NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent!);
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([:.,])/g, '$1');
}

describe('<handoff-receipt>', () => {
  let receiver: TestReceiver;
  let mounted: HandoffReceipt[] = [];

  /** Posts the handoff to this test's receiver, as a sender's outbox would. */
  async function deliver(h: ReceivedHandoff): Promise<void> {
    const payload: Partial<ReceivedHandoff> = { ...h };
    delete payload.acks;
    delete payload.receivedAt;
    const res = await fetch(receiver.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': h.id },
      body: JSON.stringify(payload),
    });
    expect(res.status).to.equal(201);
  }

  async function mount(
    h: ReceivedHandoff | undefined,
    attrs: Record<string, string> = RECEIVER,
  ): Promise<HandoffReceipt> {
    const el = document.createElement('handoff-receipt');
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    el.config = {
      outbox: {
        endpoint: receiver.endpoint,
        name: `test-outbox-${crypto.randomUUID()}`,
        backoff: { baseMs: 10, capMs: 50 },
      },
    };
    el.handoff = h;
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    return el;
  }

  function submit(el: HandoffReceipt): void {
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  }

  beforeEach(() => {
    receiver = new TestReceiver();
  });
  afterEach(async () => {
    restoreOnline();
    for (const el of mounted) el.remove();
    mounted = [];
    document.documentElement.lang = 'en';
    await cleanupOutboxes();
  });

  it('shows what the receiver needs to take over without asking again', async () => {
    const el = await mount(incoming());
    const all = text(el);
    expect(all).to.include('Incoming handoff: Amara Okafor');
    expect(all).to.include('From Sam Lee (Tier 1 Billing) · case C-10442');
    expect(all).to.include('Escalation: A refund above $500 needs supervisor approval');
    expect(all).to.include('Warm transfer: Sam Lee stays with the customer until you take over.');
    expect(all).to.include('Charged twice for the November plan');
    expect(all).to.include('Confirmed both charges in billing history');
    expect(root(el).querySelector('[part="verification"]')!.textContent).to.match(
      /Verified: security questions, by Sam Lee at .+\. No need to re-verify\./,
    );
    expect(root(el).querySelector('[part="transfer"]')!.textContent).to.include(
      'Transfer 3: flagged for the priority lane',
    );
    expect(all).to.include('How you were introduced Dana leads our billing supervisors');
    expect(all).to.include('Customer told about the transfer: yes');
    expect(root(el).querySelector<HTMLAnchorElement>('a[href="tel:+442079460100"]')).to.exist;
    expect(all).to.include('If nobody picks up Call the customer back');
    expect(all).to.include('If Refund is declined by the bank: Offer account credit and call back');
  });

  it('lists actions by due time, soonest first, undated last, and marks overdue ones', async () => {
    const el = await mount(incoming());
    const items = [...root(el).querySelectorAll('[part="actions"] li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).to.match(/^Receiver: Reverse the late fee .*overdue$/);
    expect(items[1]).to.match(/^Receiver: Issue the refund — Due Nov 25, 2099/);
    expect(items[1]).not.to.include('overdue');
    expect(items[2]).to.equal('Me: Send the confirmation email — No deadline');
  });

  it('says to verify when the customer was not verified', async () => {
    const el = await mount(incoming((h) => (h.customer.verification = { status: 'unverified' })));
    const line = root(el).querySelector('[part="verification"]')!.textContent!;
    expect(line).to.equal('Not verified. Verify the customer before discussing the account.');
    expect(text(el)).not.to.include('No need to re-verify');
  });

  it('asks for a read-back in the receiver’s own words, and a reason to decline', async () => {
    const el = await mount(incoming());
    const invalid = nextEvent<CustomEvent<{ errors: { path: string }[] }>>(el, 'handoff-invalid');
    submit(el);
    expect((await invalid).detail.errors.map((e) => e.path)).to.deep.equal(['readBack']);
    await el.updateComplete;
    const readBack = control(el, 'Read-back');
    expect(errorText(el, readBack)).to.equal('Read-back is required.');
    expect(root(el).activeElement).to.equal(readBack);

    typeInto(el, 'Read-back', `  ${FULL_PAYLOAD.recap.summary.toUpperCase()} `);
    submit(el);
    await el.updateComplete;
    expect(errorText(el, control(el, 'Read-back'))).to.equal(
      'Read-back: put it in your own words; this repeats the recap word for word.',
    );

    typeInto(el, 'Read-back', 'Double charge of £54.99; refund it today.');
    root(el).querySelector<HTMLInputElement>('input[value="decline"]')!.click();
    await el.updateComplete;
    submit(el);
    await el.updateComplete;
    expect(errorText(el, control(el, 'Reason for declining'))).to.equal('Reason for declining is required.');
  });

  it('accepting sends a handoff-ack/v1 through the outbox to the receiver, once', async () => {
    const h = incoming();
    await deliver(h);
    const el = await mount(h, { ...RECEIVER, endpoint: receiver.endpoint });
    typeInto(el, 'Read-back', 'Amara was charged twice; I refund £54.99 today and Sam emails her.');
    typeInto(el, 'Questions', 'Has the bank settled the second charge?');
    const queued = nextEvent<CustomEvent<{ payload: HandoffAckV1 }>>(el, 'handoff-ack-queued');
    const delivered = nextEvent<CustomEvent<{ id: string; handoffId: string }>>(el, 'handoff-ack-delivered');
    submit(el);
    const ack = (await queued).detail.payload;
    expect(ack).to.include({
      schema: 'handoff-ack/v1',
      handoffId: h.id,
      accepted: true,
      questions: 'Has the bank settled the second charge?',
    });
    expect(ack.by).to.deep.equal({ agentId: 'sup-3', name: 'Dana Whitfield' });
    expect((await delivered).detail).to.deep.equal({ id: ack.id, handoffId: h.id });
    await el.updateComplete;
    expect(statusText(el)).to.equal('Acknowledgement delivered to Sam Lee.');
    expect(root(el).querySelector('form')).to.equal(null);
    const stored = (await (await fetch(`${receiver.endpoint}/${h.id}`)).json()) as {
      acks: { payload: HandoffAckV1 }[];
    };
    expect(stored.acks.map((a) => a.payload.id)).to.deep.equal([ack.id]);
  });

  it('declining sends the reason, so the sender can use the fallback', async () => {
    const h = incoming();
    await deliver(h);
    const el = await mount(h, { ...RECEIVER, endpoint: receiver.endpoint });
    typeInto(el, 'Read-back', 'A refund over £50 for Amara.');
    root(el).querySelector<HTMLInputElement>('input[value="decline"]')!.click();
    await el.updateComplete;
    typeInto(el, 'Reason for declining', 'Refunds over £50 go to finance, not billing supervisors.');
    const queued = nextEvent<CustomEvent<{ payload: HandoffAckV1 }>>(el, 'handoff-ack-queued');
    submit(el);
    expect((await queued).detail.payload).to.include({
      accepted: false,
      declineReason: 'Refunds over £50 go to finance, not billing supervisors.',
    });
  });

  it('loads the handoff from src, with its acknowledgements, and hides the form once someone took over', async () => {
    const h = incoming();
    await deliver(h);
    const ack = {
      schema: 'handoff-ack/v1',
      id: crypto.randomUUID(),
      handoffId: h.id,
      at: '2026-11-24T10:00:00Z',
      by: { agentId: 'sup-4', name: 'Lee Park' },
      readBack: 'Refund of the double charge today.',
      accepted: true,
    };
    await fetch(`${receiver.endpoint}/${h.id}/ack`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ack.id },
      body: JSON.stringify(ack),
    });
    const el = await mount(undefined, { ...RECEIVER, src: `${receiver.endpoint}/${h.id}` });
    await until(() => el.handoff?.id === h.id, 'the handoff to load');
    await el.updateComplete;
    expect(text(el)).to.include('Lee Park took over at');
    expect(text(el)).to.include('“Refund of the double charge today.”');
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('says plainly when the handoff cannot be loaded, or who is receiving is not set', async () => {
    const el = await mount(undefined, { ...RECEIVER, src: `${receiver.endpoint}/${crypto.randomUUID()}` });
    await until(() => Boolean(root(el).querySelector('[role="alert"]')), 'the load error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal('Could not load the handoff: HTTP 404');
    const anonymous = await mount(incoming(), {});
    expect(root(anonymous).querySelector('[role="alert"]')!.textContent).to.include(
      'Set agent-id and agent-name on <handoff-receipt>',
    );
  });

  it('speaks Spanish with lang="es"', async () => {
    registerLocale(es);
    document.documentElement.lang = 'es';
    const el = await mount(incoming());
    expect(text(el)).to.include('Transferencia entrante: Amara Okafor');
    expect(root(el).querySelector('[part="verification"]')!.textContent).to.include(
      'No hace falta volver a verificar.',
    );
    expect(control(el, 'Repetición con tus palabras')).to.exist;
  });

  it('has no axe violations, with errors shown too', async () => {
    const el = await mount(incoming());
    await expectAccessible(el);
    submit(el);
    await el.updateComplete;
    await expectAccessible(el);
  });
});
