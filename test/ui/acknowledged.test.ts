// The sender's side of the read-back: the panel shows "acknowledged by …" once the receiver's
// acknowledgement reaches the reference receiver, by polling (fake clock) or server-sent events.
import { expect } from '@open-wc/testing';
import { watchAcks } from '../../src/acks/index.js';
import type { HandoffAckV1, HandoffV1 } from '../../src/payload/types.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { FakeClock, TestReceiver, cleanup as cleanupOutboxes, until } from '../outbox/helpers.js';
import { fillValid, mountPanel, nextEvent, root, statusText } from './helpers.js';

const HOST = { 'case-id': 'C-10442', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };

function ackFor(handoffId: string, change: Partial<HandoffAckV1> = {}): HandoffAckV1 {
  return { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId, at: '2026-11-24T10:05:00Z', ...change };
}

async function postAck(receiver: TestReceiver, ack: HandoffAckV1): Promise<void> {
  const res = await fetch(`${receiver.endpoint}/${ack.handoffId}/ack`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': ack.id },
    body: JSON.stringify(ack),
  });
  expect(res.status).to.equal(201);
}

describe('"acknowledged by …" on the sending panel', () => {
  let receiver: TestReceiver;
  let panels: HandoffPanel[] = [];

  async function sendHandoff(
    acks: HandoffPanel['config']['acks'],
  ): Promise<{ panel: HandoffPanel; payload: HandoffV1 }> {
    const panel = await mountPanel(HOST, {
      outbox: { endpoint: receiver.endpoint, name: `test-outbox-${crypto.randomUUID()}` },
      acks,
    });
    panels.push(panel);
    fillValid(panel);
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    const delivered = nextEvent(panel, 'handoff-delivered');
    root(panel).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { payload } = (await queued).detail;
    await delivered;
    return { panel, payload };
  }

  beforeEach(() => {
    receiver = new TestReceiver();
  });
  afterEach(async () => {
    for (const panel of panels) panel.remove();
    panels = [];
    await cleanupOutboxes();
  });

  it('polls (on its clock) and shows who acknowledged, raising handoff-acknowledged', async () => {
    const clock = new FakeClock();
    const { panel, payload } = await sendHandoff({ clock, intervalMs: 1000 });
    const ack = ackFor(payload.id);
    await postAck(receiver, ack);
    let detail: { handoffId: string; ack: HandoffAckV1 } | undefined;
    panel.addEventListener('handoff-acknowledged', (e) => (detail = e.detail));
    // Time moves only on the fake clock: each step lets the next poll run (the first one already has).
    await until(() => {
      clock.advance(1000);
      return detail !== undefined;
    }, 'the acknowledgement');
    expect(detail).to.deep.equal({ handoffId: payload.id, ack });
    await panel.updateComplete;
    expect(statusText(panel)).to.match(/^Delivered and acknowledged by Dana Whitfield at .+\.$/);
  });

  it('over server-sent events: a decline says why and points to the contingency', async () => {
    const { panel, payload } = await sendHandoff({ transport: 'sse' });
    await postAck(receiver, ackFor(payload.id, { accepted: false, declineReason: 'Refunds over £50 go to finance.' }));
    await until(() => statusText(panel).includes('declined'), 'the decline to show');
    expect(statusText(panel)).to.equal(
      'Dana Whitfield declined this handoff: Refunds over £50 go to finance. Use your contingency plan.',
    );
  });

  it('acks: false never asks', async () => {
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
      return original(input, init);
    };
    try {
      await sendHandoff(false);
    } finally {
      window.fetch = original;
    }
    expect(requests.filter((r) => r.startsWith('GET'))).to.deep.equal([]);
  });
});

describe('watchAcks()', () => {
  it('stops asking when the endpoint has no read-back route, and ignores invalid acknowledgements', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const seen: HandoffAckV1[] = [];
    const handoffId = crypto.randomUUID();
    const answers = [
      () => Response.json({ acks: [{ payload: { ...ackFor(handoffId), readBack: '' } }, ackFor(crypto.randomUUID())] }),
      () => new Response('no such route', { status: 404 }),
    ];
    const fetch = (async (url: string) => {
      calls.push(url);
      return answers[calls.length - 1]!();
    }) as unknown as typeof globalThis.fetch;
    watchAcks('/api/handoffs/', handoffId, (ack) => seen.push(ack), { clock, fetch, intervalMs: 100 });
    await until(() => calls.length === 1, 'the first poll');
    // The next poll is scheduled once the first answer is read: advancing before that would skip it.
    // (Two timers then: the watch's give-up deadline and the next poll.)
    await until(() => clock.pending === 2, 'the next poll to be scheduled');
    clock.advance(100);
    await until(() => calls.length === 2, 'the second poll');
    clock.advance(10_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).to.deep.equal([`/api/handoffs/${handoffId}`, `/api/handoffs/${handoffId}`]);
    expect(seen).to.deep.equal([]);
  });

  it('over server-sent events, an endpoint that refuses the stream for good is polled instead', async () => {
    const clock = new FakeClock();
    const handoffId = crypto.randomUUID();
    const ack = ackFor(handoffId);
    const calls: string[] = [];
    const seen: HandoffAckV1[] = [];
    const fetch = (async (url: string) => {
      calls.push(url);
      return Response.json({ id: handoffId, acks: [{ payload: ack }] });
    }) as unknown as typeof globalThis.fetch;
    // A 404 for the stream: EventSource closes and never reconnects.
    const stop = watchAcks('/api/handoffs', handoffId, (a) => seen.push(a), {
      transport: 'sse',
      url: () => `/no-such-stream/${handoffId}`,
      clock,
      fetch,
    });
    try {
      await until(() => seen.length === 1, 'the acknowledgement, by polling');
      expect(calls).to.deep.equal([`/api/handoffs/${handoffId}`]);
      expect(seen).to.deep.equal([ack]);
    } finally {
      stop();
    }
  });

  it('takes a custom transport and reports each acknowledgement once', () => {
    const handoffId = crypto.randomUUID();
    const ack = ackFor(handoffId);
    let push: (a: HandoffAckV1) => void = () => undefined;
    let stopped = false;
    const seen: HandoffAckV1[] = [];
    const stop = watchAcks('/x', handoffId, (a) => seen.push(a), {
      clock: new FakeClock(),
      subscribe: (_id, onAck) => {
        push = onAck;
        return () => (stopped = true);
      },
    });
    push(ack);
    push(ack);
    expect(seen).to.deep.equal([ack]);
    stop();
    expect(stopped).to.equal(true);
  });

  it('gives up after timeoutMs', () => {
    const clock = new FakeClock();
    let stopped = false;
    watchAcks('/x', crypto.randomUUID(), () => undefined, {
      clock,
      timeoutMs: 5000,
      subscribe: () => () => (stopped = true),
    });
    clock.advance(4999);
    expect(stopped).to.equal(false);
    clock.advance(1);
    expect(stopped).to.equal(true);
  });
});
