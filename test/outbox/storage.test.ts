// Storage: write-ahead durability, reloads, storage failures and schema upgrades, in real IndexedDB.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  DB_VERSION,
  MIGRATIONS,
  OutboxStorageError,
  type OutboxDB,
  type OutboxRecord,
} from '../../src/outbox/index.js';
import { useOutboxTest, createOutbox, handoff, nextEvent, setOnline, until } from './helpers.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('outbox storage', () => {
  const t = useOutboxTest();

  it('enqueue resolves only once the payload is readable from IndexedDB by another connection', async () => {
    setOnline(false);
    const name = `test-outbox-${crypto.randomUUID()}`;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payload = handoff();
    await outbox.enqueue(payload);
    const other = await openDB<OutboxDB>(name);
    const stored = await other.get('items', payload.id);
    other.close();
    // Stored sealed: only the outbox (with the key) reads the payload back.
    expect(stored?.payload).to.equal(undefined);
    expect(stored?.sealed?.data).to.be.instanceOf(ArrayBuffer);
    expect((await outbox.get(payload.id))?.payload).to.deep.equal(payload);
    expect(stored).to.include({
      state: 'pending',
      attempts: 0,
      kind: 'handoff',
      endpoint: `${location.origin}${t.receiver.endpoint}`,
    });
  });

  it('a "reload" between enqueue and delivery loses nothing: the next start delivers it once', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    setOnline(false);
    const before = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payloads = [handoff(), handoff(), handoff()];
    for (const p of payloads) await before.enqueue(p);
    await before.close();
    setOnline(true);

    const after = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    let delivered = 0;
    after.addEventListener('delivered', () => delivered++);
    await until(() => delivered === 3, 'three deliveries after the restart');
    await t.receiver.expectExactlyOnce(payloads.map((p) => p.id));
  });

  it('an item left "sending" by a tab that died is recovered and delivered once', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const payload = handoff();
    const db = await openDB<OutboxDB>(name, DB_VERSION, {
      upgrade: (d, old, _new, tx) => MIGRATIONS.slice(old).forEach((m) => m(d, tx)),
    });
    const endpoint = new URL(t.receiver.endpoint, location.href).href;
    const orphan: OutboxRecord = {
      id: payload.id,
      kind: 'handoff',
      endpoint,
      route: endpoint,
      payload,
      state: 'sending',
      attempts: 1,
      enqueuedAt: t.clock.now(),
      retainFrom: t.clock.now(),
      nextAttemptAt: t.clock.now(),
    };
    await db.put('items', orphan);
    db.close();
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const delivered = await nextEvent(outbox, 'delivered');
    expect(delivered.detail).to.include({ id: payload.id, attempts: 2 });
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('quota exceeded on enqueue: rejects with a typed, actionable error and saves nothing', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock });
    await outbox.counts(); // opened
    const payload = handoff();
    const originalAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let error: unknown;
    try {
      error = await rejection(outbox.enqueue(payload));
    } finally {
      IDBObjectStore.prototype.add = originalAdd;
    }
    expect(error).to.be.instanceOf(OutboxStorageError);
    expect((error as OutboxStorageError).problem).to.equal('quota');
    expect((error as Error).message).to.contain('no storage space left');
    expect(await outbox.get(payload.id)).to.equal(undefined);
    expect((await t.receiver.stats()).requests).to.equal(0);
  });

  it('IndexedDB open blocked by an old tab: rejects with "blocked", then works once that tab lets go', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    // An "old tab": version 1 of the schema, open, and deaf to version-change requests.
    const oldTab = await openDB<OutboxDB>(name, 1, { upgrade: (d, _o, _n, tx) => MIGRATIONS[0]!(d, tx) });
    setOnline(false);
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payload = handoff();
    const error = await rejection(outbox.enqueue(payload));
    expect(error).to.be.instanceOf(OutboxStorageError);
    expect((error as OutboxStorageError).problem).to.equal('blocked');
    expect((error as Error).message).to.contain('Close or reload other tabs');
    // Asked again while still blocked (the agent presses Send again): says so at once, never hangs.
    const again = await rejection(outbox.enqueue(payload));
    expect((again as OutboxStorageError).problem).to.equal('blocked');

    oldTab.close();
    await until(async () => {
      try {
        await outbox.enqueue(payload);
        return true;
      } catch {
        return false;
      }
    }, 'enqueue to succeed once unblocked');
    expect(await outbox.get(payload.id)).to.include({ state: 'pending' });
  });

  it('a newer version in another tab: this outbox steps aside and says to reload', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    setOnline(false);
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    await outbox.enqueue(handoff());
    const newerTab = await openDB(name, DB_VERSION + 1, { upgrade: () => undefined }); // succeeds only because we closed
    const error = await rejection(outbox.enqueue(handoff()));
    newerTab.close();
    expect((error as OutboxStorageError).problem).to.equal('version-change');
    expect((error as Error).message).to.contain('Reload this page');
  });

  it('IndexedDB missing altogether: enqueue says storage is unavailable', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!;
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, get: () => undefined });
    try {
      const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, autoStart: false });
      const error = await rejection(outbox.enqueue(handoff()));
      expect((error as OutboxStorageError).problem).to.equal('unavailable');
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', descriptor);
    }
  });

  it('a schema upgrade keeps the items queued under the old version, and delivers them once', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const payloads = [handoff(), handoff()];
    const v1 = await openDB<OutboxDB>(name, 1, { upgrade: (d, _o, _n, tx) => MIGRATIONS[0]!(d, tx) });
    for (const payload of payloads) {
      // A version-1 record: a relative endpoint and no route.
      const legacy = {
        id: payload.id,
        kind: 'handoff',
        endpoint: t.receiver.endpoint,
        payload,
        state: 'pending',
        attempts: 0,
        enqueuedAt: t.clock.now(),
        retainFrom: t.clock.now(),
        nextAttemptAt: t.clock.now(),
      };
      await v1.put('items', legacy as unknown as OutboxRecord);
    }
    v1.close();

    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    let delivered = 0;
    outbox.addEventListener('delivered', () => delivered++);
    await until(() => delivered === 2, 'both old items delivered');
    await t.receiver.expectExactlyOnce(payloads.map((p) => p.id));
    const db = await openDB<OutboxDB>(name);
    expect(db.version).to.equal(DB_VERSION);
    expect((await db.get('items', payloads[0]!.id))?.route).to.equal(new URL(t.receiver.endpoint, location.href).href);
    expect([...db.objectStoreNames].sort()).to.deep.equal(['items', 'keys', 'meta']);
    db.close();
  });

  it('an acknowledgement queued before routes, to a custom ackEndpoint, is adopted by its origin’s outbox and delivered', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const payload = handoff();
    await fetch(t.receiver.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': payload.id },
      body: JSON.stringify(payload),
    });
    const ack = {
      schema: 'handoff-ack/v1' as const,
      id: crypto.randomUUID(),
      handoffId: payload.id,
      at: new Date(t.clock.now()).toISOString(),
      by: { agentId: 'sup-3', name: 'Dana' },
      readBack: 'I refund the double charge today.',
      accepted: true,
    };
    const v2 = await openDB<OutboxDB>(name, 2, {
      upgrade: (d, old, _new, tx) => MIGRATIONS.slice(old, 2).forEach((m) => m(d, tx)),
    });
    const now = t.clock.now();
    // The old page had ackEndpoint: (ack) => `…/handoffs/${id}/ack?via=custom`: not the default shape.
    const legacy = {
      id: ack.id,
      kind: 'ack',
      endpoint: `${t.receiver.endpoint}/${payload.id}/ack?via=custom`,
      payload: ack,
      state: 'pending',
      attempts: 0,
      enqueuedAt: now,
      retainFrom: now,
      nextAttemptAt: now,
    };
    await v2.put('items', legacy as unknown as OutboxRecord);
    v2.close();
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    await nextEvent(outbox, 'delivered', (e) => e.detail.id === ack.id);
    const stored = await (await fetch(`${t.receiver.endpoint}/${payload.id}`)).json();
    expect(stored.acks.map((a: { payload: { id: string } }) => a.payload.id)).to.deep.equal([ack.id]);
    expect((await outbox.get(ack.id))?.route).to.equal(outbox.route);
  });
});
