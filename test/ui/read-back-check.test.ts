// The read-back checked against the handoff: the receiver is asked about what their read-back leaves
// out, may dismiss it, is never stopped from accepting; the sender learns what the read-back missed.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { es } from '../../src/locales/es.js';
import type { HandoffAckV1, HandoffV1 } from '../../src/payload/types.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import type { HandoffReceipt, ReceivedHandoff } from '../../src/ui/handoff-receipt/handoff-receipt.js';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { TestReceiver, cleanup as cleanupOutboxes, until } from '../outbox/helpers.js';
import { expectAccessible, fillValid, mountPanel, nextEvent, realKeyboard, root, statusText } from './helpers.js';

const RECEIVER = { 'agent-id': 'sup-3', 'agent-name': 'Dana Whitfield' };
/** Everything FULL_PAYLOAD asks a receiver to carry, said in their own words. */
const GOOD =
  'Amara was charged £54.99 twice; I approve the refund by Wednesday 17:00 and check it landed on Thursday. She wants the duplicate refunded within 3 working days, before rent. Verified already, no need to re-verify. If I cannot, I call her back.';

const questions = (el: HTMLElement) =>
  [...root(el).querySelectorAll<HTMLElement>('.read-back-check li')].map((li) => li.dataset.kind);
const questionText = (el: HTMLElement, kind: string) =>
  root(el).querySelector<HTMLElement>(`.read-back-check li[data-kind="${kind}"] span`)?.textContent?.trim();

describe('<handoff-receipt>: the read-back check', () => {
  let receiver: TestReceiver;
  let mounted: HTMLElement[] = [];

  async function mount(h: ReceivedHandoff, config: HandoffReceipt['config'] = {}): Promise<HandoffReceipt> {
    const el = document.createElement('handoff-receipt');
    for (const [name, value] of Object.entries(RECEIVER)) el.setAttribute(name, value);
    el.config = {
      outbox: { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` },
      timeZone: 'Europe/London',
      ...config,
    };
    el.handoff = h;
    document.body.append(el);
    mounted.push(el);
    await el.updateComplete;
    return el;
  }
  const incoming = () => ({ ...clone(FULL_PAYLOAD), id: crypto.randomUUID() }) as ReceivedHandoff;
  const type = async (el: HandoffReceipt, text: string) => {
    const readBack = root(el).querySelector<HTMLTextAreaElement>('[name="readBack"]')!;
    readBack.value = text;
    readBack.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  };

  beforeEach(() => (receiver = new TestReceiver()));
  afterEach(async () => {
    for (const el of mounted) el.remove();
    mounted = [];
    await cleanupOutboxes();
  });

  it('asks nothing before the read-back says something, then asks about what it leaves out', async () => {
    const el = await mount(incoming());
    await type(el, 'Refund it');
    expect(questions(el)).to.deep.equal([]);
    await type(el, 'I approve the £54.99 refund, verified already.');
    expect(questions(el)).to.deep.equal(['deadline', 'deadline', 'expectation', 'fallback']);
    expect(questionText(el, 'deadline')).to.match(
      /^“Approve and issue refund of £54\.99” is due Wednesday\b.*\b5:00\sPM/,
    );
    expect(questionText(el, 'fallback')).to.contain('+442079460100');
  });

  it('drops a question once the read-back carries its fact; a good read-back has none', async () => {
    const el = await mount(incoming());
    await type(el, 'I approve the £54.99 refund by Wednesday 17:00.');
    expect(questions(el)).to.include('verification');
    await type(el, GOOD);
    expect(questions(el)).to.deep.equal([]);
    expect(root(el).querySelector('.read-back-check')).to.equal(null);
  });

  it('never blocks the accept: the ack records what was missed, found and dismissed', async () => {
    const el = await mount(incoming());
    await type(el, 'I approve the £54.99 refund; already verified.');
    const fallback = root(el).querySelector<HTMLButtonElement>('.read-back-check li[data-kind="fallback"] button')!;
    expect(fallback.getAttribute('aria-label')).to.match(/^Dismiss: If you cannot finish/);
    fallback.click();
    await el.updateComplete;
    expect(questions(el)).not.to.include('fallback');
    expect(root(el).querySelector('.read-back-check .hint')!.textContent).to.equal('Dismissed: 1.');
    const queued = nextEvent<CustomEvent<{ payload: HandoffAckV1 }>>(el, 'handoff-ack-queued');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const ack = (await queued).detail.payload;
    expect(ack.accepted).to.equal(true);
    const kinds = (list: { kind: string }[]) => list.map((f) => f.kind).sort();
    expect(kinds(ack.readBackCheck!.found)).to.deep.equal(['amount', 'verification']);
    expect(kinds(ack.readBackCheck!.missing)).to.deep.equal(['deadline', 'deadline', 'expectation']);
    expect(ack.readBackCheck!.dismissed).to.deep.equal([{ kind: 'fallback', field: 'contingency' }]);
  });

  it('moves the focus to the next question after a dismissal, and back to the read-back after the last', async () => {
    const el = await mount(incoming());
    await type(el, 'Customer Amara, refund approved, verified already, by Wednesday 17:00 and Thursday 10:00.');
    expect(questions(el)).to.deep.equal(['amount', 'expectation', 'fallback']);
    for (let left = 3; left > 0; left--) {
      root(el).querySelector<HTMLButtonElement>('.read-back-check button')!.click();
      await until(() => questions(el).length === left - 1, 'the question to go');
      await el.updateComplete;
    }
    await until(() => root(el).activeElement?.getAttribute('name') === 'readBack', 'the focus back on the read-back');
  });

  it('reads the read-back on the receiver’s calendar: the same due time is another weekday in Tokyo', async () => {
    const h = incoming();
    h.actions = [{ text: 'Approve the refund', owner: 'receiver', due: '2026-11-26T23:30:00Z' }];
    delete h.followUp;
    const london = await mount(h);
    const tokyo = await mount(h, { timeZone: 'Asia/Tokyo' });
    for (const el of [london, tokyo]) await type(el, 'I approve the refund on Friday, already verified.');
    expect(questions(london)).to.include('deadline');
    expect(questions(tokyo)).not.to.include('deadline');
  });

  it('with config.readBackCheck false asks nothing and records nothing (an endpoint on the older schema)', async () => {
    const el = await mount(incoming(), { readBackCheck: false });
    await type(el, 'I approve the refund, already verified.');
    expect(questions(el)).to.deep.equal([]);
    const queued = nextEvent<CustomEvent<{ payload: HandoffAckV1 }>>(el, 'handoff-ack-queued');
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect((await queued).detail.payload).not.to.have.property('readBackCheck');
  });

  it('a time zone Intl does not know is said once on the console; the browser’s is used and the ack goes', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    const error = console.error;
    console.warn = console.error = (text: string) => warnings.push(text);
    try {
      const el = await mount(incoming(), { timeZone: 'GMT+1' });
      await type(el, 'I approve the £54.99 refund, already verified.');
      expect(questions(el)).to.include('deadline');
      const queued = nextEvent<CustomEvent<{ payload: HandoffAckV1 }>>(el, 'handoff-ack-queued');
      root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      expect((await queued).detail.payload.readBackCheck!.found.map((f) => f.kind)).to.include('amount');
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(warnings.filter((w) => w.includes('"GMT+1" is not an IANA time zone')).length).to.equal(1);
  });

  it('asks in Spanish with the Spanish catalogue', async () => {
    const el = await mount(incoming(), { messages: es });
    await type(el, 'Apruebo el reembolso de 54,99 £ el miércoles a las 17:00.');
    expect(questions(el)).not.to.include('amount');
    expect(questionText(el, 'verification')).to.equal(
      'El cliente ya está verificado (preguntas de seguridad): no hace falta volver a preguntar. ¿Está en tu plan?',
    );
  });

  it('is reached by keyboard after the read-back, and has no axe violations', async function () {
    const el = await mount(incoming());
    await type(el, 'I approve the refund, already verified.');
    await expectAccessible(el);
    if (!realKeyboard) return;
    root(el).querySelector<HTMLElement>('[name="readBack"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.closest('.read-back-check')).to.not.equal(null);
  });
});

describe('<handoff-panel>: what the read-back missed', () => {
  let receiver: TestReceiver;
  let panel: HandoffPanel | undefined;
  beforeEach(() => (receiver = new TestReceiver()));
  afterEach(async () => {
    panel?.remove();
    await cleanupOutboxes();
  });

  it('says "acknowledged" and what the read-back missed, in the status line and the case history', async () => {
    panel = await mountPanel(
      { 'case-id': 'C-1', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' },
      {
        outbox: { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` },
        acks: { transport: 'sse' },
      },
    );
    fillValid(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { payload } = (await queued).detail;
    await nextEvent(panel, 'handoff-delivered');
    const ack: HandoffAckV1 = {
      ...clone(VALID_ACKS[0]!),
      id: crypto.randomUUID(),
      handoffId: payload.id,
      readBackCheck: {
        found: [],
        missing: [
          { kind: 'deadline', field: 'actions[0].due', value: '2026-11-25T17:00:00Z' },
          { kind: 'deadline', field: 'followUp.at', value: '2026-11-26T10:00:00Z' },
          { kind: 'amount', field: 'recap.summary', value: '54.99 GBP' },
        ],
        dismissed: [],
      },
    };
    const res = await fetch(`${receiver.endpoint}/${payload.id}/ack`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ack.id },
      body: JSON.stringify(ack),
    });
    expect(res.status).to.equal(201);
    await until(() => statusText(panel!).includes('acknowledged'), 'the acknowledgement');
    expect(statusText(panel)).to.match(
      /^Delivered and acknowledged by Dana Whitfield at .+\. Read-back missed a deadline and an amount\.$/,
    );
    await until(() => root(panel!).querySelector('.history')?.textContent?.includes('missed') ?? false, 'the history');
    expect(root(panel).querySelector('.history')!.textContent).to.contain('Read-back missed a deadline and an amount.');
  });
});
