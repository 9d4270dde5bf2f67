/**
 * The outbox's records in IndexedDB: the strict write-ahead enqueue, the grouped state writes of the
 * delivery loop, and the queries both need. No events, no delivery: outbox.ts decides, this stores.
 * Payloads are sealed on the way in and opened only where they are needed (delivery, `get`).
 */
import type { IDBPDatabase } from 'idb';
import { databaseKey } from '../storage/keys.js';
import { newSealingKey, seal, unseal } from '../storage/seal.js';
import { DB_VERSION, UNROUTED, openOutboxDB, type OutboxDB } from './db.js';
import { OutboxStorageError, storageErrorFrom } from './errors.js';
import { GroupCommit } from './group-commit.js';
import { originOf } from './routes.js';
import type { OutboxCounts, OutboxPayload, OutboxRecord, OutboxState } from './types.js';

const STATES = ['pending', 'sending', 'delivered', 'dead'] as const;

/** One endpoint's records in one state, in due order. */
const routeRange = (route: string, state: OutboxState, until = Infinity) =>
  IDBKeyRange.bound([route, state, -Infinity], [route, state, until]);

export class OutboxStore {
  #dbPromise: Promise<IDBPDatabase<OutboxDB>> | undefined;
  /** A blocked open still waiting on an older tab: later operations say "blocked" at once. */
  #stillBlocked: Promise<unknown> | undefined;
  #closed = false;

  /**
   * State changes after the write-ahead enqueue, with relaxed durability and grouped into shared
   * transactions: losing one in a crash only means an item is sent again, which the receiver dedupes on
   * its Idempotency-Key.
   */
  readonly #stateWrites = new GroupCommit<OutboxRecord>(
    (record) => record.id,
    async (batch) => {
      const db = await this.db();
      const stored = await Promise.all(batch.map((record) => this.#stored(db, record)));
      const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
      // A record deleted during its request (`clearLocalData()` discarding on sign-out) stays deleted:
      // a state is written only over a record still there.
      const writes = stored.map(async (record) => {
        if ((await tx.store.getKey(record.id)) !== undefined) await tx.store.put(record);
      });
      await Promise.all([...writes, tx.done]);
    },
  );

  readonly #name: string;

  constructor(name: string) {
    this.#name = name;
  }

  db(): Promise<IDBPDatabase<OutboxDB>> {
    if (this.#closed)
      return Promise.reject(new OutboxStorageError('failed', { cause: new Error('The outbox is closed.') }));
    if (this.#stillBlocked) return Promise.reject(new OutboxStorageError('blocked'));
    this.#dbPromise ??= openOutboxDB(
      this.#name,
      {
        onClosed: () => (this.#dbPromise = undefined),
        onBlocked: (settled) => {
          this.#stillBlocked = settled;
          void settled.finally(() => (this.#stillBlocked = undefined));
        },
      },
      DB_VERSION,
    ).then(async (db) => {
      await this.#sealClearPayloads(db);
      return db;
    });
    // A failed open is retried on the next operation.
    this.#dbPromise.catch(() => (this.#dbPromise = undefined));
    return this.#dbPromise;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const db = await this.#dbPromise?.catch(() => undefined);
    db?.close();
    this.#dbPromise = undefined;
  }

  /** Writes a new record with strict durability; returns the record already queued under its id, if any. */
  async add(record: OutboxRecord): Promise<OutboxRecord | undefined> {
    const db = await this.db();
    const stored = await this.#stored(db, record).catch((error: unknown) => {
      throw storageErrorFrom(error);
    });
    const tx = db.transaction('items', 'readwrite', { durability: 'strict' });
    try {
      const existing = await tx.store.get(record.id);
      if (!existing) await tx.store.add(stored);
      await tx.done;
      return existing;
    } catch (error) {
      throw storageErrorFrom(tx.error ?? error);
    }
  }

  /** A state change in the delivery loop (relaxed, grouped): resolves once committed. */
  write(record: OutboxRecord): Promise<void> {
    return this.#stateWrites.write(record);
  }

  /** One record with its payload opened (none once delivered, removed or unreadable). */
  async get(id: string): Promise<OutboxRecord | undefined> {
    const db = await this.db();
    const record = await db.get('items', id);
    return record && this.#opened(db, record);
  }

  /** Every record (or those in one state), oldest first. */
  async all(state?: OutboxState): Promise<OutboxRecord[]> {
    const db = await this.db();
    const records = state ? await db.getAllFromIndex('items', 'state', state) : await db.getAll('items');
    const sorted = records.sort((a, b) => a.enqueuedAt - b.enqueuedAt);
    return Promise.all(sorted.map((record) => this.#openedError(db, record)));
  }

  async counts(): Promise<OutboxCounts> {
    const db = await this.db();
    const index = db.transaction('items').store.index('state');
    const [pending, sending, delivered, dead] = await Promise.all(STATES.map((state) => index.count(state)));
    return { pending: pending!, sending: sending!, delivered: delivered!, dead: dead! };
  }

  /** Reads a record, lets `change` edit it (or throw), writes it back: one transaction. */
  async update(id: string, change: (record: OutboxRecord) => void): Promise<OutboxRecord> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new Error(`No outbox item ${id}.`);
    change(record);
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /** Deletes a record after `check` approved it (or threw); returns what was deleted. */
  async remove(id: string, check: (record: OutboxRecord) => void): Promise<OutboxRecord> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new Error(`No outbox item ${id}.`);
    check(record);
    await tx.store.delete(id);
    await tx.done;
    return record;
  }

  /** Every pending record becomes due at `now` (failures while offline said nothing about the server). */
  async makeDue(now: number): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    let cursor = await tx.store.index('state').openCursor('pending');
    while (cursor) {
      if (cursor.value.nextAttemptAt > now) await cursor.update({ ...cursor.value, nextAttemptAt: now });
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  /**
   * One endpoint's pending records due at `now`, a batch at a time, payloads opened; a record whose
   * payload does not open comes without one.
   */
  async due(route: string, now: number, limit: number): Promise<OutboxRecord[]> {
    const db = await this.db();
    const records = await db.getAllFromIndex('items', 'route-due', routeRange(route, 'pending', now), limit);
    return Promise.all(records.map((record) => this.#opened(db, record)));
  }

  /**
   * Removes the payloads of dead records dead since before `before` (their metadata stays, saying so).
   * Returns how many it removed.
   */
  async removeDeadPayloads(before: number, now: number): Promise<number> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    let removed = 0;
    let cursor = await tx.store.index('state').openCursor('dead');
    while (cursor) {
      const { sealed, payload, sealedError: _quoted, ...record } = cursor.value;
      if ((sealed ?? payload) && (record.deadAt ?? record.retainFrom) <= before) {
        await cursor.update({ ...record, payloadRemovedAt: now });
        removed++;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return removed;
  }

  // ——— sealing ———

  #key(db: IDBPDatabase<OutboxDB>): Promise<CryptoKey> {
    return databaseKey(db, 'sealing', newSealingKey);
  }

  /** A record as stored: its payload sealed, or gone once delivered. */
  async #stored(db: IDBPDatabase<OutboxDB>, record: OutboxRecord): Promise<OutboxRecord> {
    const { payload, sealed, sealedError, ...rest } = record;
    const base: OutboxRecord = rest.lastError?.message
      ? await this.#withSealedError(db, rest)
      : sealedError && rest.lastError
        ? { ...rest, sealedError }
        : rest;
    if (record.state === 'delivered') return base;
    if (sealed) return { ...base, sealed };
    return payload ? { ...base, sealed: await seal(await this.#key(db), payload, record.id) } : base;
  }

  /**
   * The last error's message is the start of the server's answer, which may quote what the agent wrote:
   * it is stored sealed, and the stored `lastError.message` is empty.
   */
  async #withSealedError(db: IDBPDatabase<OutboxDB>, record: OutboxRecord): Promise<OutboxRecord> {
    const error = record.lastError!;
    const sealedError = await seal(await this.#key(db), error.message, `${record.id}#error`);
    return { ...record, lastError: { ...error, message: '' }, sealedError };
  }

  /** A stored record's last error message, opened (or a note that it no longer opens). */
  async #openedError(db: IDBPDatabase<OutboxDB>, record: OutboxRecord): Promise<OutboxRecord> {
    const { sealedError, ...rest } = record;
    if (!sealedError || !rest.lastError) return rest;
    const message = await unseal<string>(await this.#key(db), sealedError, `${record.id}#error`).catch(
      () => '(the stored message no longer opens)',
    );
    return { ...rest, lastError: { ...rest.lastError, message } };
  }

  async #opened(db: IDBPDatabase<OutboxDB>, stored: OutboxRecord): Promise<OutboxRecord> {
    const record = await this.#openedError(db, stored);
    if (!record.sealed) return record;
    try {
      return { ...record, payload: await unseal<OutboxPayload>(await this.#key(db), record.sealed, record.id) };
    } catch {
      return record;
    }
  }

  /** Payloads stored in clear by a version before v4 are sealed the first time the database is opened. */
  async #sealClearPayloads(db: IDBPDatabase<OutboxDB>): Promise<void> {
    const clear = (await db.getAll('items')).filter((record) => record.payload !== undefined);
    for (const record of clear) {
      const { sealed } = await this.#stored(db, { ...record, state: 'pending' });
      const tx = db.transaction('items', 'readwrite');
      const current = await tx.store.get(record.id);
      if (current?.payload !== undefined) {
        const { payload: _clear, ...rest } = current;
        await tx.store.put(current.state === 'delivered' ? rest : { ...rest, sealed });
      }
      await tx.done;
    }
  }

  /** When the endpoint's earliest pending record is due, if it has one. */
  async nextDue(route: string): Promise<number | undefined> {
    const db = await this.db();
    const cursor = await db.transaction('items').store.index('route-due').openCursor(routeRange(route, 'pending'));
    return cursor?.value.nextAttemptAt;
  }

  /**
   * Records of the endpoint left "sending" by a tab that died mid-request (or by a write that failed):
   * the caller holds the endpoint's lock, so nobody is sending them. They become pending again.
   */
  async recoverOrphans(route: string): Promise<void> {
    const db = await this.db();
    for (const orphan of await db.getAllFromIndex('items', 'route-due', routeRange(route, 'sending'))) {
      await this.update(orphan.id, (r) => {
        if (r.state === 'sending') r.state = 'pending';
      });
    }
  }

  /**
   * Records migrated without a route (an ack to a custom `ackEndpoint`): the first outbox of their
   * origin to start takes them on, so they are neither stranded nor sent by two.
   */
  async adoptUnrouted(route: string): Promise<void> {
    const db = await this.db();
    const open = IDBKeyRange.bound([UNROUTED, 'pending', -Infinity], [UNROUTED, 'sending', Infinity]);
    for (const id of await db.getAllKeysFromIndex('items', 'route-due', open)) {
      const tx = db.transaction('items', 'readwrite');
      const record = await tx.store.get(id);
      if (record?.route === UNROUTED && originOf(record.endpoint) === originOf(route)) {
        await tx.store.put({ ...record, route, state: 'pending' });
      }
      await tx.done;
    }
  }

  /**
   * Turns every pending record `expired` says is past its retention into `dead` (whatever its endpoint).
   * Read-only unless something expired, so it never holds up an enqueue; each one is checked again
   * inside its own write. Returns the records it dead-lettered.
   */
  async expire(
    expired: (record: OutboxRecord) => boolean,
    lastError: OutboxRecord['lastError'],
  ): Promise<OutboxRecord[]> {
    const db = await this.db();
    const found: OutboxRecord[] = [];
    for (const { id } of (await db.getAllFromIndex('items', 'state', 'pending')).filter(expired)) {
      const tx = db.transaction('items', 'readwrite');
      const record = await tx.store.get(id);
      if (record?.state === 'pending' && expired(record)) {
        const { sealedError: _earlier, ...rest } = record;
        const dead: OutboxRecord = {
          ...rest,
          state: 'dead',
          deadReason: 'expired',
          lastError,
          deadAt: lastError?.at,
        };
        await tx.store.put(dead);
        found.push(dead);
      }
      await tx.done;
    }
    return found;
  }

  /** Deletes delivered records delivered before `before`; true if it deleted any. */
  async purgeDelivered(before: number): Promise<boolean> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    let purged = false;
    let cursor = await tx.store.index('state').openCursor('delivered');
    while (cursor) {
      if ((cursor.value.deliveredAt ?? 0) <= before) {
        await cursor.delete();
        purged = true;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return purged;
  }
}
