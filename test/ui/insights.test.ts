// <handoff-insights> over the real reference receiver's GET /insights (a namespace of this test's own).
import { expect } from '@open-wc/testing';
import '../../src/ui/handoff-insights/handoff-insights.js';
import type { HandoffInsights } from '../../src/ui/handoff-insights/handoff-insights.js';
import type { HandoffAckV1, HandoffV1 } from '../../src/payload/types.js';
import { FULL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';
import { TestReceiver, until } from '../outbox/helpers.js';
import { expectAccessible, root } from './helpers.js';

async function post(url: string, body: { id: string }): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
    body: JSON.stringify(body),
  });
  expect(res.status).to.equal(201);
}

const headline = (el: HTMLElement) =>
  Object.fromEntries(
    [...root(el).querySelectorAll('.headline div')].map((d) => [
      d.querySelector('dt')!.textContent!.trim(),
      d.querySelector('dd')!.textContent!.trim(),
    ]),
  );
const status = (el: HTMLElement) => root(el)?.querySelector('[role="status"]')?.textContent?.trim() ?? 'Loading';

describe('<handoff-insights>', () => {
  let receiver: TestReceiver;
  let mounted: HTMLElement[] = [];

  async function mount(src: string, change: (el: HandoffInsights) => void = () => undefined) {
    const el = document.createElement('handoff-insights');
    el.src = src;
    change(el);
    document.body.append(el);
    mounted.push(el);
    await until(() => !status(el).startsWith('Loading'), 'the insights to load');
    await el.updateComplete;
    return el;
  }

  beforeEach(async () => {
    receiver = new TestReceiver();
    const handoffs: HandoffV1[] = [
      { ...clone(FULL_PAYLOAD), id: crypto.randomUUID() },
      { ...clone(FULL_PAYLOAD), id: crypto.randomUUID(), transfer: { count: 3, flagged: true } },
      { ...clone(FULL_PAYLOAD), id: crypto.randomUUID(), training: true },
    ];
    for (const h of handoffs) await post(receiver.endpoint, h);
    const ack: HandoffAckV1 = { ...clone(VALID_ACKS[0]!), id: crypto.randomUUID(), handoffId: handoffs[0]!.id };
    await post(`${receiver.endpoint}/${ack.handoffId}/ack`, ack);
  });
  afterEach(() => {
    for (const el of mounted) el.remove();
    mounted = [];
  });

  it('shows the headline numbers and every chart, training left out', async () => {
    const el = await mount(`/r/${receiver.ns}/insights`);
    expect(headline(el)).to.include({ Handoffs: '2', 'Priority lane': '50%', Acknowledged: '1', Waiting: '1' });
    expect(root(el).querySelectorAll('figure').length).to.equal(9);
    expect(root(el).textContent).to.contain('Training handoffs left out: 1.');
    const missed = [...root(el).querySelectorAll('figure')].find((f) =>
      f.textContent!.includes('What read-backs missed'),
    )!;
    expect(missed.querySelector('table')!.textContent).to.contain('Deadlines');
  });

  it('counts training handoffs when asked, from its own control', async () => {
    const el = await mount(`/r/${receiver.ns}/insights`);
    const box = root(el).querySelector<HTMLInputElement>('input[name="training"]')!;
    box.click();
    await until(() => headline(el).Handoffs === '3', 'the count with training');
  });

  it('names each chart for assistive technology and has the numbers as a table; no axe violations', async () => {
    const el = await mount(`/r/${receiver.ns}/insights`);
    for (const chart of root(el).querySelectorAll('[role="img"]')) {
      const caption = root(el).getElementById(chart.getAttribute('aria-labelledby')!);
      expect(caption?.tagName).to.equal('FIGCAPTION');
    }
    await expectAccessible(el);
  });

  it('says what is wrong with an answer that is not insights (an HTML login page)', async () => {
    const el = await mount('/test/ui/helpers.ts?login');
    expect(status(el)).to.match(/^Could not load the insights: HTTP 200, not JSON/);
    expect(root(el).querySelector('figure')).to.equal(null);
  });

  it('asks for the token on a 401 and sends it, kept in memory only', async () => {
    const seen: (string | null)[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const auth = new Headers(init?.headers).get('Authorization');
      seen.push(auth);
      if (auth !== 'Bearer s3cret-token-for-tests')
        return Promise.resolve(Response.json({ error: 'needs a token' }, { status: 401 }));
      return realFetch(String(input).replace('/insights-guarded', `/r/${receiver.ns}/insights`), init);
    };
    try {
      const el = await mount('/insights-guarded');
      expect(status(el)).to.equal('This receiver needs its token.');
      const input = root(el).querySelector<HTMLInputElement>('input[name="token"]')!;
      input.value = 's3cret-token-for-tests';
      root(el).querySelector<HTMLButtonElement>('.token button')!.click();
      await until(() => headline(el).Handoffs === '2', 'the insights with the token');
      expect(seen).to.deep.equal([null, 'Bearer s3cret-token-for-tests']);
      expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).not.to.contain('s3cret');
    } finally {
      window.fetch = realFetch;
    }
  });
});
