// Many tabs on one outbox, simulated as several Outbox instances on one database in one page (the
// Playwright tests repeat the important ones with real pages). Web Locks, the IndexedDB lease
// fallback, BroadcastChannel events and the polling fallback.
import { expect } from '@open-wc/testing';
import { systemClock, type Outbox } from '../../src/outbox/index.js';
import {
  FakeClock,
  TestReceiver,
  cleanup,
  createOutbox,
  handoff,
  nextEvent,
  restoreOnline,
  setOnline,
  until,
} from './helpers.js';

async function deliverAcrossTabs(tabs: Outbox[], receiver: TestReceiver, perTab: number): Promise<void> {
  const ids: string[] = [];
  let delivered = 0;
  tabs[0]!.addEventListener('delivered', () => delivered++);
  await Promise.all(
    tabs.map(async (tab) => {
      for (let i = 0; i < perTab; i++) {
        const payload = handoff();
        ids.push(payload.id);
        await tab.enqueue(payload);
      }
    }),
  );
  await until(() => delivered === ids.length, `${ids.length} deliveries seen by the first tab`, 20_000);
  const stats = await receiver.expectExactlyOnce(ids);
  expect(Math.max(...Object.values(stats.posts))).to.equal(1);
  expect(stats.maxConcurrentPerKey).to.equal(1);
}

describe('outbox across tabs', () => {
  let receiver: TestReceiver;
  let name: string;
  beforeEach(() => {
    receiver = new TestReceiver();
    name = `test-outbox-${crypto.randomUUID()}`;
  });
  afterEach(async () => {
    restoreOnline();
    await cleanup();
  });

  it('three tabs with Web Locks: every item POSTed once, never two at a time', async () => {
    if (!('locks' in navigator)) return;
    const tabs = [1, 2, 3].map(() => createOutbox({ endpoint: receiver.endpoint, name }));
    await deliverAcrossTabs(tabs, receiver, 10);
  });

  it('three tabs without Web Locks (IndexedDB lease): every item POSTed once, never two at a time', async () => {
    const tabs = [1, 2, 3].map(() =>
      createOutbox({ endpoint: receiver.endpoint, name, locks: null, clock: systemClock }),
    );
    await deliverAcrossTabs(tabs, receiver, 10);
  });

  it('another tab hears every event of an item within a moment (BroadcastChannel)', async () => {
    const a = createOutbox({ endpoint: receiver.endpoint, name });
    const b = createOutbox({ endpoint: receiver.endpoint, name, autoStart: false });
    const payload = handoff();
    const heard: string[] = [];
    for (const type of ['queued', 'sending', 'delivered'] as const) {
      b.addEventListener(type, (e) => {
        if (e.detail.id === payload.id && e.detail.remote) heard.push(type);
      });
    }
    await a.enqueue(payload);
    await until(() => heard.includes('delivered'), 'b to hear the delivery', 1000);
    expect(heard).to.deep.equal(['queued', 'sending', 'delivered']);
    expect(await b.counts()).to.include({ delivered: 1 });
  });

  it('auth-required pauses every tab, and resume() from any tab resumes the deliverer', async () => {
    await receiver.faults({ status: 403 });
    const a = createOutbox({ endpoint: receiver.endpoint, name });
    const b = createOutbox({ endpoint: receiver.endpoint, name, autoStart: false });
    const payload = handoff();
    const heardInB = nextEvent(b, 'auth-required');
    await a.enqueue(payload);
    expect((await heardInB).detail).to.deep.equal({ status: 403, remote: true });
    expect(b.isPaused).to.equal(true);
    const delivered = nextEvent(a, 'delivered');
    b.resume();
    await delivered;
    expect(a.isPaused).to.equal(false);
    await receiver.expectExactlyOnce([payload.id]);
  });

  it('without Web Locks and BroadcastChannel: drains on start-up, on "online", and on the timer', async () => {
    const clock = new FakeClock();
    const original = globalThis.BroadcastChannel;
    // @ts-expect-error: a browser without BroadcastChannel
    delete globalThis.BroadcastChannel;
    try {
      const noSignals = { endpoint: receiver.endpoint, name, locks: null, clock, pollIntervalMs: 30_000 };
      // Start-up: items an earlier session left behind.
      setOnline(false);
      const earlier = createOutbox(noSignals);
      const left = handoff();
      await earlier.enqueue(left);
      await earlier.close();
      setOnline(true);
      const outbox = createOutbox(noSignals);
      await nextEvent(outbox, 'delivered', (e) => e.detail.id === left.id);

      // "online": queued while offline, delivered when the browser comes back.
      setOnline(false);
      const offline = handoff();
      await outbox.enqueue(offline);
      const afterOnline = nextEvent(outbox, 'delivered', (e) => e.detail.id === offline.id);
      setOnline(true);
      await afterOnline;

      // The timer: an item another tab queued with no signal reaching us.
      const otherTab = createOutbox({ ...noSignals, autoStart: false });
      setOnline(false);
      const silent = handoff();
      await otherTab.enqueue(silent);
      await otherTab.close();
      // Back online, but no event tells this tab. (A round this tab started earlier may still deliver it
      // first, which is right too; otherwise the timer must.)
      restoreOnline();
      let onTimer = false;
      void nextEvent(outbox, 'delivered', (e) => e.detail.id === silent.id).then(() => (onTimer = true));
      clock.advance(30_000);
      // A round this tab started earlier (the "online" retry) may be waiting its turn for the lease the
      // other tab held; that wait sleeps on this clock too, so keep time moving until the delivery.
      await until(() => {
        if (!onTimer) clock.advance(1000);
        return onTimer;
      }, 'the delivery on the timer');
      await receiver.expectExactlyOnce([left.id, offline.id, silent.id]);
    } finally {
      globalThis.BroadcastChannel = original;
    }
  });

  it('without BroadcastChannel, a tab still sees the fate of the items it queued within a second', async () => {
    const clock = new FakeClock();
    const original = globalThis.BroadcastChannel;
    // @ts-expect-error: a browser without BroadcastChannel
    delete globalThis.BroadcastChannel;
    try {
      setOnline(false);
      const submitter = createOutbox({ endpoint: receiver.endpoint, name, clock });
      const payload = handoff();
      await submitter.enqueue(payload);
      // Another tab delivers it; the submitter hears nothing directly.
      const deliverer = createOutbox({ endpoint: receiver.endpoint, name, clock, autoStart: false });
      setOnline(true);
      await submitter.close();
      const watcher = createOutbox({ endpoint: receiver.endpoint, name, clock, autoStart: false });
      await deliverer.flush();
      expect(await deliverer.counts()).to.include({ delivered: 1 });
      // A watcher that enqueued nothing still learns the counts changed on its next poll.
      watcher.start();
      const change = nextEvent(watcher, 'change', (e) => e.detail.remote);
      clock.advance(1000);
      await change;
    } finally {
      globalThis.BroadcastChannel = original;
    }
  });
});
