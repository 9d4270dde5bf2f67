// Nothing readable at rest: what the outbox stores is sealed (AES-GCM), older clear payloads are sealed
// on upgrade, a dead item's payload is removed after its retention, and a payload that no longer opens
// is reported instead of sent.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { DB_VERSION, MIGRATIONS, type OutboxDB, type OutboxRecord } from '../../src/outbox/index.js';
import { rawText } from '../fixtures/raw-idb.js';
import { createOutbox, handoff, nextEvent, setOnline, until, useOutboxTest } from './helpers.js';

const SECRET = 'Zebra-Quartz-7781 said the customer';

describe('outbox at rest', () => {
  const t = useOutboxTest();

  it('stores no text of a handoff in clear: IndexedDB read raw holds none of it', async () => {
    setOnline(false);
    const name = `test-outbox-${crypto.randomUUID()}`;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payload = handoff((d) => (d.recap!.summary = SECRET));
    await outbox.enqueue(payload);
    const raw = await rawText(name);
    expect(raw).not.to.contain('Zebra-Quartz');
    expect(raw).not.to.contain(payload.customer.name);
    expect(raw).not.to.contain(payload.reason.detail);
    expect((await outbox.get(payload.id))?.payload).to.deep.equal(payload);
    await outbox.close();
  });

  it('a second outbox on the same database (another tab) opens what the first sealed, and delivers it once', async () => {
    setOnline(false);
    const name = `test-outbox-${crypto.randomUUID()}`;
    const first = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payload = handoff();
    await first.enqueue(payload);
    await first.close();
    setOnline(true);
    const second = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    await nextEvent(second, 'delivered', (e) => e.detail.id === payload.id);
    await t.receiver.expectExactlyOnce([payload.id]);
  });

  it('two tabs starting at once agree on one key', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    setOnline(false);
    const a = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const b = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const [pa, pb] = [handoff(), handoff()];
    await Promise.all([a.enqueue(pa), b.enqueue(pb)]);
    expect((await b.get(pa.id))?.payload).to.deep.equal(pa);
    expect((await a.get(pb.id))?.payload).to.deep.equal(pb);
    const db = await openDB<OutboxDB>(name);
    expect(await db.count('keys')).to.equal(1);
    db.close();
  });

  it('seals the clear payloads a version-3 outbox left, on the first open, and still delivers them', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const payloads = [handoff((d) => (d.recap!.summary = SECRET)), handoff()];
    const v3 = await openDB<OutboxDB>(name, 3, {
      upgrade: (d, old, _new, tx) => MIGRATIONS.slice(old, 3).forEach((m) => m(d, tx)),
    });
    const endpoint = new URL(t.receiver.endpoint, location.href).href;
    for (const [i, payload] of payloads.entries()) {
      const record: OutboxRecord = {
        id: payload.id,
        kind: 'handoff',
        endpoint,
        route: endpoint,
        payload,
        state: i === 0 ? 'pending' : 'dead',
        deadReason: i === 0 ? undefined : 'rejected',
        attempts: 0,
        enqueuedAt: t.clock.now(),
        retainFrom: t.clock.now(),
        nextAttemptAt: t.clock.now(),
      };
      await v3.put('items', record);
    }
    v3.close();
    setOnline(false);
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    expect(await outbox.counts()).to.include({ pending: 1, dead: 1 });
    const raw = await rawText(name);
    expect(raw).not.to.contain('Zebra-Quartz');
    expect(raw).not.to.contain(payloads[1]!.customer.name);
    const db = await openDB<OutboxDB>(name);
    expect(db.version).to.equal(DB_VERSION);
    for (const record of await db.getAll('items')) {
      expect(record.payload).to.equal(undefined);
      expect(record.sealed).to.exist;
    }
    db.close();
    expect((await outbox.get(payloads[1]!.id))?.payload).to.deep.equal(payloads[1]);
    setOnline(true);
    await outbox.retryNow();
    await until(async () => (await outbox.counts()).delivered === 1, 'the pending one delivered');
    await t.receiver.expectExactlyOnce([payloads[0]!.id]);
  });

  it('keeps a dead item’s payload only for deadPayloadRetentionMs, then its record says the payload was removed', async () => {
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, deadPayloadRetentionMs: 60_000 });
    await t.receiver.faults({ status: 422, body: { error: 'invalid' } });
    const payload = handoff();
    const dead = nextEvent(outbox, 'dead');
    await outbox.enqueue(payload);
    await dead;
    expect((await outbox.get(payload.id))?.payload).to.deep.equal(payload);
    t.clock.advance(60_001);
    const removed = nextEvent(outbox, 'change');
    await outbox.flush();
    await removed;
    const [item] = await outbox.dead();
    expect(item).to.include({ id: payload.id, state: 'dead', deadReason: 'rejected', payloadRemovedAt: t.clock.now() });
    expect((await outbox.get(payload.id))?.payload).to.equal(undefined);
    let error: Error | undefined;
    await outbox.retry(payload.id).catch((e: Error) => (error = e));
    expect(error?.message).to.match(/can no longer be retried: its payload was removed/);
  });

  it('stores the server’s answer to a rejected item sealed: it may quote the payload', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    await t.receiver.faults({ status: 400, message: `recap.summary "${SECRET}" is not allowed` });
    const dead = nextEvent(outbox, 'dead');
    await outbox.enqueue(handoff());
    expect((await dead).detail.error!.message).to.contain('Zebra-Quartz');
    expect(await rawText(name)).not.to.contain('Zebra-Quartz');
    const [item] = await outbox.dead();
    expect(item!.lastError!.message).to.contain('Zebra-Quartz');
  });

  it('an item deleted while it is being sent (a discard on sign-out) is not written back', async () => {
    const name = `test-outbox-${crypto.randomUUID()}`;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    await t.receiver.faults({ type: 'delay', ms: 200 });
    const sending = nextEvent(outbox, 'sending');
    const delivered = nextEvent(outbox, 'delivered');
    await outbox.enqueue(handoff());
    await sending;
    const db = await openDB<OutboxDB>(name);
    await db.clear('items');
    db.close();
    await delivered;
    await outbox.flush();
    expect(await outbox.counts()).to.deep.equal({ pending: 0, sending: 0, delivered: 0, dead: 0 });
  });

  it('a payload that no longer opens (damaged bytes) is dead as unreadable, not sent', async () => {
    setOnline(false);
    const name = `test-outbox-${crypto.randomUUID()}`;
    const outbox = createOutbox({ endpoint: t.receiver.endpoint, clock: t.clock, name });
    const payload = handoff();
    await outbox.enqueue(payload);
    const db = await openDB<OutboxDB>(name);
    const record = (await db.get('items', payload.id))!;
    const bytes = new Uint8Array(record.sealed!.data.slice(0));
    bytes[0]! ^= 0xff;
    await db.put('items', { ...record, sealed: { iv: record.sealed!.iv, data: bytes.buffer } });
    db.close();
    setOnline(true);
    const dead = nextEvent(outbox, 'dead');
    await outbox.retryNow();
    expect((await dead).detail).to.include({ id: payload.id, deadReason: 'unreadable' });
    expect((await t.receiver.stats()).requests).to.equal(0);
  });
});
