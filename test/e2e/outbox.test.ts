// The outbox in real Chromium tabs (playwright-core), delivering the script-tag bundle's handoffs to the
// reference receiver over real HTTP: closed tabs, reloads, offline, many tabs and chaos.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ReceiverControl, openTab, useHarness, waitFor, type E2EWindow, type ReceiverStats } from './harness.js';

const enqueue = (page: Page, id: string, n: number) =>
  page.evaluate(([i, k]) => (window as unknown as E2EWindow).e2e.enqueue(i, k), [id, n] as const);
const counts = (page: Page) => page.evaluate(() => (window as unknown as E2EWindow).e2e.counts());

function assertExactlyOnce(stats: ReceiverStats, ids: string[]) {
  assert.equal(stats.duplicatesApplied, 0, 'duplicates applied');
  assert.equal(stats.distinctIds, ids.length, 'distinct ids held');
  assert.deepEqual([...stats.ids].sort(), [...ids].sort());
}

describe('outbox end to end (Chromium)', () => {
  const h = useHarness();

  it('a tab closed mid-send: another tab delivers the item, applied once', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    // The first request takes 1.5 s; the tab is closed while it is in flight.
    await receiver.faults({ type: 'delay', ms: 1500 });
    const a = await openTab(context, h.current.origin, receiver.ns);
    const b = await openTab(context, h.current.origin, receiver.ns);
    const id = randomUUID();
    await enqueue(a, id, 1);
    await waitFor(async () => (await receiver.stats()).requests >= 1, 'the first request to be in flight');
    await a.close();
    await waitFor(async () => (await counts(b)).delivered === 1, 'tab B to deliver it', 15_000);
    const stats = await receiver.stats();
    assertExactlyOnce(stats, [id]);
    await context.close();
  });

  it('a reload between enqueue and delivery: the reloaded page delivers it once', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const page = await openTab(context, h.current.origin, receiver.ns);
    await context.setOffline(true);
    const ids = [randomUUID(), randomUUID()];
    for (const [n, id] of ids.entries()) await enqueue(page, id, n);
    assert.equal((await counts(page)).pending, 2);
    await context.setOffline(false);
    await page.reload();
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    await waitFor(async () => (await counts(page)).delivered === 2, 'delivery after the reload');
    assertExactlyOnce(await receiver.stats(), ids);
    await context.close();
  });

  it('three tabs flush one shared outbox of 300 items: each POSTed once, never concurrently', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const tabs = await Promise.all([1, 2, 3].map(() => openTab(context, h.current.origin, receiver.ns)));
    await context.setOffline(true);
    const ids = Array.from({ length: 300 }, () => randomUUID());
    await Promise.all(
      tabs.map(async (tab, t) => {
        for (let i = t; i < ids.length; i += 3) await enqueue(tab, ids[i]!, i);
      }),
    );
    assert.equal((await counts(tabs[0]!)).pending, 300);
    await context.setOffline(false);
    await Promise.all(tabs.map((tab) => tab.evaluate(() => (window as unknown as E2EWindow).e2e.flush())));
    await waitFor(async () => (await counts(tabs[0]!)).delivered === 300, '300 deliveries');
    const stats = await receiver.stats();
    assertExactlyOnce(stats, ids);
    assert.equal(Math.max(...Object.values(stats.posts)), 1, 'an item was POSTed twice');
    assert.equal(stats.maxConcurrentPerKey, 1);
    await context.close();
  });

  it('quota exceeded on enqueue (a real 1-byte quota): a typed error, nothing saved', async () => {
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const page = await openTab(context, h.current.origin, receiver.ns);
    await page.evaluate(() => (window as unknown as E2EWindow).e2e.counts());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.current.origin, quotaSize: 1 });
    const result = await page.evaluate(async (id) => {
      try {
        await (window as unknown as E2EWindow).e2e.enqueue(id, 1);
        return { saved: true };
      } catch (error) {
        return { saved: false, name: (error as Error).name, problem: (error as { problem?: string }).problem };
      }
    }, randomUUID());
    assert.deepEqual(result, { saved: false, name: 'OutboxStorageError', problem: 'quota' });
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: h.current.origin });
    assert.equal((await counts(page)).pending, 0);
    await context.close();
  });

  it('chaos: 1,000 handoffs through random faults, offline flips and reloads across 3 tabs arrive exactly once', async () => {
    const started = Date.now();
    const receiver = new ReceiverControl(h.current.origin);
    const context = await h.current.browser.newContext();
    const query = '&timeoutMs=1500&baseMs=10&capMs=300&pollMs=300';
    const tabs = await Promise.all([1, 2, 3].map(() => openTab(context, h.current.origin, receiver.ns, query)));
    await receiver.chaos(0.3, [
      { status: 500 },
      { status: 503 },
      { status: 429, retryAfter: 0 },
      { status: 408 },
      { status: 409, retryAfter: 0 },
      { type: 'drop' },
      { type: 'commit-then-drop' },
      { type: 'redirect' },
      { type: 'delay', ms: 200 },
      { type: 'hang' },
    ]);

    const ids = Array.from({ length: 1000 }, () => randomUUID());
    let reloads = 0;
    let offlineFlips = 0;
    let reEnqueues = 0;
    let enqueued = 0;
    let stop = false;
    // Disruptions while the handoffs are queued and delivered.
    const chaos = (async () => {
      while (!stop) {
        await new Promise((r) => setTimeout(r, 150 + Math.random() * 250));
        if (stop) break;
        if (Math.random() < 0.5) {
          offlineFlips++;
          await context.setOffline(true);
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          await context.setOffline(false);
        } else {
          reloads++;
          const tab = tabs[Math.floor(Math.random() * tabs.length)]!;
          await tab.reload().catch(() => undefined);
        }
      }
    })();
    // Each handoff goes to a random tab; one that was reloading mid-call is enqueued again (same id).
    await Promise.all(
      tabs.map(async (_, worker) => {
        for (let i = worker; i < ids.length; i += tabs.length) {
          for (;;) {
            const tab = tabs[Math.floor(Math.random() * tabs.length)]!;
            try {
              await tab.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, {
                timeout: 10_000,
              });
              await enqueue(tab, ids[i]!, i);
              enqueued++;
              break;
            } catch {
              reEnqueues++;
            }
          }
        }
      }),
    );
    await waitFor(
      async () => (await receiver.stats()).distinctIds === ids.length,
      'all 1,000 at the receiver',
      240_000,
    );
    stop = true;
    await chaos;
    await context.setOffline(false);
    await receiver.chaos(0, []);
    // Let every tab settle: nothing pending, sending or dead anywhere.
    await waitFor(
      async () => {
        const c = await counts(tabs[0]!).catch(() => undefined);
        return !!c && c.pending === 0 && c.sending === 0;
      },
      'an empty outbox',
      60_000,
    );
    const final = await counts(tabs[0]!);
    const stats = await receiver.stats();
    assertExactlyOnce(stats, ids);
    assert.equal(final.dead, 0, 'dead items');
    assert.equal(final.pending + final.sending, 0, 'outbox not empty');
    console.log(
      `chaos: ${ids.length} handoffs (${enqueued} enqueue calls, ${reEnqueues} re-enqueued after a reload) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `receiver: ${stats.distinctIds} distinct ids, ${stats.duplicatesApplied} duplicates applied, ${stats.requests} requests, ` +
        `${stats.faults} faults injected, ${stats.replays} idempotent replays, ${stats.conflicts} in-progress conflicts; ` +
        `${reloads} reloads, ${offlineFlips} offline flips; outbox: ${final.pending} pending, ${final.sending} sending, ${final.dead} dead`,
    );
    await context.close();
  });
});
