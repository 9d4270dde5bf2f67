import type { IDBPDatabase } from 'idb';
import { validateAck, validateHandoff } from '../payload/index.js';
import { HANDOFF_ACK_SCHEMA, HANDOFF_SCHEMA, type HandoffAckV1 } from '../payload/types.js';
import { openBus, type Bus, type BusMessage } from './bus.js';
import { systemClock, type Clock } from './clock.js';
import { DB_VERSION, UNROUTED, openOutboxDB, type OutboxDB } from './db.js';
import { GroupCommit } from './group-commit.js';
import { OutboxPayloadError, OutboxStorageError, storageErrorFrom } from './errors.js';
import { leaseLeadership, webLockLeadership, type Leadership } from './leader.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './policy.js';
import { pageGlobal } from './page-global.js';
import { DueQueue, IdleWorkers } from './round.js';
import { ackUrl, absoluteEndpoint, originOf } from './routes.js';
import { postRecord, type DeliveryReceipt, type Transport } from './transport.js';
import type {
  ItemEvent,
  AttemptError,
  OutboxCounts,
  OutboxEventDetail,
  OutboxEventMap,
  OutboxItem,
  OutboxKind,
  OutboxPayload,
  OutboxRecord,
  OutboxState,
} from './types.js';

export interface OutboxOptions {
  /**
   * Where handoffs are POSTed; a path is resolved against the page and stored absolute. This outbox
   * sends only the items queued for this endpoint, and only with its own `headers` and `credentials`.
   */
  endpoint: string;
  /** Where acknowledgements are POSTed. Default: `${endpoint}/${handoffId}/ack`. */
  ackEndpoint?: string | ((ack: HandoffAckV1) => string);
  /** Extra request headers (e.g. a fresh bearer token), asked for before every attempt. */
  headers?: () => HeadersInit | Promise<HeadersInit>;
  /** fetch's `credentials`, e.g. `'include'` for cookie auth on another origin. */
  credentials?: RequestCredentials;
  /** Per-attempt time limit, the `headers()` hook included. Default 15 s. */
  timeoutMs?: number;
  /**
   * Which 2xx counts as delivered: `'json'` (default: 204/205, an empty body or JSON; never an HTML
   * page), `'echo-id'` (JSON echoing the payload's id, the reference receiver's answer), or a function.
   */
  deliveryReceipt?: DeliveryReceipt;
  /** Full-jitter exponential backoff. Default base 1 s, cap 5 min. */
  backoff?: Partial<BackoffOptions>;
  /** How long an undelivered item is kept before it is dead-lettered as expired. Default 7 days. */
  retentionMs?: number;
  /** How long a delivered item's record (without its payload) stays visible. Default 5 min. */
  deliveredRetentionMs?: number;
  /** Requests in flight at once from the delivering tab. Default 4. */
  concurrency?: number;
  /** A safety net: how often every tab looks for due work even without a signal. Default 30 s. */
  pollIntervalMs?: number;
  /** IndexedDB database name, shared by every tab of the origin. Default `handoff-outbox`. */
  name?: string;
  /** Injectable for tests and for hosts that wrap fetch. Default: whatever `fetch` the page has at send time. */
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** Web Locks; `null` uses the IndexedDB lease instead. Default: `navigator.locks` where present. */
  locks?: LockManager | null;
  /** Whether to start delivering at once. Default true. */
  autoStart?: boolean;
}

type ReconfigurableOption = 'headers' | 'credentials' | 'fetch' | 'timeoutMs' | 'deliveryReceipt' | 'ackEndpoint' | 'backoff' | 'retentionMs';
const RECONFIGURABLE: readonly ReconfigurableOption[] = ['headers', 'credentials', 'fetch', 'timeoutMs', 'deliveryReceipt', 'ackEndpoint', 'backoff', 'retentionMs'];

type ResolvedOptions = Required<Omit<OutboxOptions, 'ackEndpoint' | 'headers' | 'credentials' | 'locks' | 'backoff' | 'fetch'>> & OutboxOptions;

/** An options bag without its undefined entries, so they never overwrite a default or an earlier value. */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const DAY = 86_400_000;
const DEFAULTS = {
  timeoutMs: 15_000,
  deliveryReceipt: 'json' as DeliveryReceipt,
  retentionMs: 7 * DAY,
  deliveredRetentionMs: 5 * 60_000,
  concurrency: 4,
  pollIntervalMs: 30_000,
  name: 'handoff-outbox',
};
/** The fallback poll when BroadcastChannel is missing: other tabs' changes show within this. */
const FALLBACK_POLL_MS = 1000;
const FINAL: ReadonlySet<OutboxState> = new Set(['delivered', 'dead']);

/**
 * A durable outbox: handoffs and acknowledgements are written to IndexedDB before anything else, then
 * delivered by one tab at a time, retried with backoff, and removed only after a 2xx. Every tab of the
 * origin sees the same queue and the same events.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed EventTarget overloads
export class Outbox extends EventTarget {
  private settings: ResolvedOptions;
  /** This outbox's endpoint as stored on its records: absolute, without trailing slashes. */
  readonly route: string;
  private readonly clock: Clock;
  private readonly leadership: Leadership;
  private readonly bus: Bus;
  private dbPromise: Promise<IDBPDatabase<OutboxDB>> | undefined;
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  /** During a round: new work may be due (an enqueue, a signal), so its idle workers look again. */
  private signalRound: () => void = () => undefined;
  private paused = false;
  private closed = false;
  private dbClosed = false;
  private wakeTimer: unknown;
  private heartbeatTimer: unknown;
  private pollTimer: unknown;
  /** Fallback polling (no BroadcastChannel): the items this instance watches and their last state. */
  private readonly watched = new Map<string, { state: OutboxState; attempts: number }>();
  private lastCounts = '';
  /** Deliveries being recorded: a round ends only when they are stored. */
  private readonly recording = new Set<Promise<void>>();
  /**
   * State changes after the write-ahead enqueue, with relaxed durability and grouped into shared
   * transactions: losing one in a crash only means an item is sent again, which the receiver dedupes on
   * its Idempotency-Key.
   */
  private readonly stateWrites = new GroupCommit<OutboxRecord>((record) => record.id, async (batch) => {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
    await Promise.all([...batch.map((record) => tx.store.put(record)), tx.done]);
  });

  constructor(options: OutboxOptions) {
    super();
    if (!options.endpoint || typeof options.endpoint !== 'string') {
      throw new TypeError('Outbox needs an `endpoint`: the URL handoffs are POSTed to, e.g. "/api/handoffs".');
    }
    this.settings = { ...DEFAULTS, clock: systemClock, random: Math.random, autoStart: true, ...withoutUndefined(options), endpoint: options.endpoint };
    this.route = absoluteEndpoint(options.endpoint);
    this.clock = this.options.clock;
    // One deliverer per endpoint across the origin's tabs: each endpoint's items go out only with the
    // transport (headers, credentials) configured for that endpoint.
    const lockName = `handoff-outbox:${this.options.name}:${this.route}`;
    const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
    this.leadership = locks
      ? webLockLeadership(locks, lockName)
      : leaseLeadership({ db: () => this.db(), clock: this.clock, owner: crypto.randomUUID(), key: lockName, leaseMs: this.options.timeoutMs * 2 + 5000 });
    registerRoute(this.options.name, this.route, 1);
    this.bus = openBus(`handoff-outbox:${this.options.name}`, (message) => {
      this.onBusMessage(message);
    });
    globalThis.addEventListener?.('online', this.onOnline);
    if (this.options.autoStart) this.start();
  }

  /** The options in effect (defaults filled in). */
  get options(): Readonly<ResolvedOptions> {
    return this.settings;
  }

  /**
   * Changes how this outbox talks to its endpoint from now on: `headers`, `credentials`, `fetch`,
   * `timeoutMs`, `deliveryReceipt`, `ackEndpoint`, `backoff` and the `retentionMs` of items queued
   * later. Options left out (or undefined) keep their value. The page's shared outbox is created as soon
   * as an endpoint is known, so configuration that arrives later (a queued `configure()`, an element's
   * `config`) lands here.
   */
  reconfigure(options: Partial<Pick<OutboxOptions, ReconfigurableOption>>): void {
    const next = withoutUndefined(options);
    for (const key of Object.keys(next)) {
      if (!RECONFIGURABLE.includes(key as ReconfigurableOption)) throw new TypeError(`Outbox.reconfigure(): "${key}" is fixed when the outbox is created.`);
    }
    this.settings = { ...this.settings, ...next };
  }

  /** How this outbox talks to its own endpoint, as configured now. */
  private get transport(): Transport {
    const { headers, credentials, fetch, timeoutMs, deliveryReceipt } = this.settings;
    return { headers, credentials, fetch, timeoutMs, receipt: deliveryReceipt, origin: originOf(this.route) };
  }

  private get backoff(): BackoffOptions {
    return { ...DEFAULT_BACKOFF, ...this.settings.backoff };
  }

  /** Starts delivering: whatever earlier sessions left queued, then on every signal and timer. */
  start(): void {
    this.heartbeat();
    if (!this.bus.live) this.pollForChanges();
    this.pump();
  }

  /**
   * Saves a payload durably, then tries to deliver it. Resolves only once the payload is in IndexedDB
   * (strict durability); rejects with {@link OutboxStorageError} if it could not be saved, or with
   * {@link OutboxPayloadError} if it is not a valid handoff or acknowledgement. Enqueuing the same id
   * twice is harmless: the second call returns the item already queued.
   */
  async enqueue(payload: OutboxPayload): Promise<OutboxItem> {
    const kind = this.check(payload);
    const now = this.clock.now();
    const record: OutboxRecord = {
      id: payload.id,
      kind,
      endpoint: this.endpointFor(payload, kind),
      route: this.route,
      payload,
      state: 'pending',
      attempts: 0,
      enqueuedAt: now,
      retainFrom: now,
      retentionMs: this.options.retentionMs,
      nextAttemptAt: now,
    };
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite', { durability: 'strict' });
    let existing: OutboxRecord | undefined;
    try {
      existing = await tx.store.get(record.id);
      if (!existing) await tx.store.add(record);
      await tx.done;
    } catch (error) {
      throw storageErrorFrom(tx.error ?? error);
    }
    if (existing) return strip(existing);
    this.watch(record);
    this.emitItem('queued', record);
    this.pump();
    return strip(record);
  }

  /** Tries to deliver due items now; resolves when this tab's delivery round is over. */
  flush(): Promise<void> {
    this.pump();
    return this.pumping ?? Promise.resolve();
  }

  /**
   * Makes every pending item due now, without waiting out its backoff, then delivers (a "retry now"
   * button). Done by itself when the browser comes back online: failures while offline said nothing
   * about the server.
   */
  async retryNow(): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    const now = this.clock.now();
    let cursor = await tx.store.index('state').openCursor('pending');
    while (cursor) {
      if (cursor.value.nextAttemptAt > now) await cursor.update({ ...cursor.value, nextAttemptAt: now });
      cursor = await cursor.continue();
    }
    await tx.done;
    return this.flush();
  }

  /** Resumes after `auth-required`, in every tab. */
  resume(): void {
    this.paused = false;
    this.bus.post({ type: 'resume', route: this.route });
    this.pump();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  async counts(): Promise<OutboxCounts> {
    const db = await this.db();
    const tx = db.transaction('items');
    const index = tx.store.index('state');
    const [pending, sending, delivered, dead] = await Promise.all(
      (['pending', 'sending', 'delivered', 'dead'] as const).map((state) => index.count(state)),
    );
    return { pending: pending!, sending: sending!, delivered: delivered!, dead: dead! };
  }

  /**
   * Every item of the origin's outbox (or those in one state), oldest first, without payloads. A
   * pending item whose endpoint no outbox on this page is configured for says `waitingFor: 'endpoint'`.
   */
  async items(state?: OutboxState): Promise<OutboxItem[]> {
    const db = await this.db();
    const records = state ? await db.getAllFromIndex('items', 'state', state) : await db.getAll('items');
    const routes = liveRoutes.get(this.options.name);
    return records
      .sort((a, b) => a.enqueuedAt - b.enqueuedAt)
      .map((record) => (record.state === 'pending' && !routes?.has(record.route) ? { ...strip(record), waitingFor: 'endpoint' as const } : strip(record)));
  }

  /** The dead-letter list: rejected by the server or expired. */
  dead(): Promise<OutboxItem[]> {
    return this.items('dead');
  }

  /** One item with its payload (undefined once delivered and purged, or never queued). */
  async get(id: string): Promise<OutboxRecord | undefined> {
    return (await this.db()).get('items', id);
  }

  /** Puts a dead item back in the queue, with a fresh retention period. */
  async retry(id: string): Promise<void> {
    const record = await this.updateRecord(id, (r) => {
      if (r.state !== 'dead') throw new Error(`Only dead items can be retried; ${id} is ${r.state}.`);
      r.state = 'pending';
      r.nextAttemptAt = this.clock.now();
      r.retainFrom = this.clock.now();
      delete r.deadReason;
    });
    this.watch(record);
    this.emitItem('queued', record);
    this.pump();
  }

  /** Deletes a dead item for good. */
  async discard(id: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    const record = await tx.store.get(id);
    if (!record) throw new Error(`No outbox item ${id}.`);
    if (record.state !== 'dead') throw new Error(`Only dead items can be discarded; ${id} is ${record.state}.`);
    await tx.store.delete(id);
    await tx.done;
    this.emitItem('discarded', record);
  }

  /**
   * Stops timers and listeners, lets a running delivery round end (so a lease is handed back at once),
   * then closes the database. Queued items stay for the next start.
   */
  close(): Promise<void> {
    if (!this.closed) registerRoute(this.options.name, this.route, -1);
    this.closed = true;
    this.leadership.stop();
    for (const timer of [this.wakeTimer, this.heartbeatTimer, this.pollTimer]) this.clock.clearTimeout(timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.bus.close();
    return (this.pumping ?? Promise.resolve()).then(async () => {
      this.dbClosed = true;
      const db = await this.dbPromise?.catch(() => undefined);
      db?.close();
      this.dbPromise = undefined;
    });
  }

  // ——— storage ———

  private db(): Promise<IDBPDatabase<OutboxDB>> {
    if (this.dbClosed) return Promise.reject(new OutboxStorageError('failed', { cause: new Error('The outbox is closed.') }));
    this.dbPromise ??= openOutboxDB(this.options.name, { onClosed: () => (this.dbPromise = undefined) }, DB_VERSION);
    // A failed open is retried on the next operation.
    this.dbPromise.catch(() => (this.dbPromise = undefined));
    return this.dbPromise;
  }

  private async updateRecord(id: string, change: (record: OutboxRecord) => void, durability: IDBTransactionDurability = 'default'): Promise<OutboxRecord> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite', { durability });
    const record = await tx.store.get(id);
    if (!record) throw new Error(`No outbox item ${id}.`);
    change(record);
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  private check(payload: OutboxPayload): OutboxKind {
    const schema = (payload as { schema?: unknown } | null)?.schema;
    const kind = schema === HANDOFF_SCHEMA ? 'handoff' : schema === HANDOFF_ACK_SCHEMA ? 'ack' : undefined;
    if (!kind) throw new OutboxPayloadError(`enqueue() takes a ${HANDOFF_SCHEMA} or ${HANDOFF_ACK_SCHEMA} payload (from buildHandoff or buildAck); this one has schema ${JSON.stringify(schema)}.`);
    const problems = kind === 'handoff' ? validateHandoff(payload) : validateAck(payload);
    if (problems.length) {
      throw new OutboxPayloadError(`enqueue() was given an invalid ${kind}: ${problems.map((p) => p.message).join(' ')}`, problems);
    }
    return kind;
  }

  private endpointFor(payload: OutboxPayload, kind: OutboxKind): string {
    if (kind === 'handoff') return this.route;
    const ack = payload as HandoffAckV1;
    const { ackEndpoint } = this.options;
    const url = typeof ackEndpoint === 'function' ? ackEndpoint(ack) : (ackEndpoint ?? ackUrl(this.route, ack.handoffId));
    return absoluteEndpoint(url);
  }

  // ——— delivery ———

  private readonly onOnline = (): void => {
    this.retryNow().catch(() => {
      this.pump();
    });
  };

  private online(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine;
  }

  /** Starts a delivery round unless one is running; a running round goes round again. */
  private pump(): void {
    if (this.closed) return;
    if (this.pumping) {
      this.pumpAgain = true;
      this.signalRound();
      return;
    }
    this.pumping = this.leadership
      .exclusive(async (stillLeader) => {
        await this.recoverOrphans();
        await this.adoptUnrouted();
        do {
          this.pumpAgain = false;
          await this.drain(stillLeader);
        } while (this.pumpAgain && !this.closed);
      })
      .catch(() => {
        // Storage trouble in the background: enqueue() reports it to the caller; the next signal retries.
      })
      .finally(() => {
        this.pumping = undefined;
        void this.scheduleWake();
      });
  }

  /**
   * Items left "sending" by a tab that died mid-request (or by a write that failed): we hold the lock,
   * and our own rounds run one at a time (pump()), so nobody is sending them.
   */
  private async recoverOrphans(): Promise<void> {
    const db = await this.db();
    const orphans = await db.getAllFromIndex('items', 'route-due', IDBKeyRange.bound([this.route, 'sending', -Infinity], [this.route, 'sending', Infinity]));
    for (const orphan of orphans) {
      await this.updateRecord(orphan.id, (r) => {
        if (r.state === 'sending') r.state = 'pending';
      });
    }
  }

  /**
   * Items migrated from before routes without one (an ack to a custom `ackEndpoint`): the first
   * outbox of their origin to start takes them on, so they are neither stranded nor sent by two.
   */
  private async adoptUnrouted(): Promise<void> {
    const db = await this.db();
    const open = IDBKeyRange.bound([UNROUTED, 'pending', -Infinity], [UNROUTED, 'sending', Infinity]);
    const ids = await db.getAllKeysFromIndex('items', 'route-due', open);
    for (const id of ids) {
      const tx = db.transaction('items', 'readwrite');
      const record = await tx.store.get(id);
      if (record?.route === UNROUTED && originOf(record.endpoint) === originOf(this.route)) {
        await tx.store.put({ ...record, route: this.route, state: 'pending' });
      }
      await tx.done;
    }
  }

  private async drain(stillLeader: () => boolean): Promise<void> {
    await this.expireOld();
    const due = new DueQueue(() => this.readDue(), this.options.concurrency);
    const idle = new IdleWorkers(this.options.concurrency);
    this.signalRound = () => {
      due.signal();
      idle.wake();
    };
    // A worker whose state write failed (quota, a closed database) stops the others taking new items, but
    // the round ends only once every request in flight has finished: no later round may send them again.
    let failure: { error: unknown } | undefined;
    const worker = async (): Promise<void> => {
      for (;;) {
        if (failure || !this.canDeliver(stillLeader)) return idle.leave();
        const next = await due.take().catch((error: unknown) => void (failure ??= { error }));
        if (!next) {
          if (failure) return idle.leave();
          // A signal between take() and here found nobody waiting: look again rather than miss it.
          if (due.signalled) continue;
          if (await idle.wait()) continue;
          return;
        }
        await this.attempt(next).catch((error: unknown) => (failure ??= { error }));
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    this.signalRound = () => undefined;
    await Promise.allSettled(this.recording);
    this.recording.clear();
    if (failure) throw failure.error;
    await this.purgeDelivered();
  }

  /** This endpoint's pending items that are due now, a batch at a time. */
  private async readDue(): Promise<OutboxRecord[]> {
    const db = await this.db();
    const due = IDBKeyRange.bound([this.route, 'pending', -Infinity], [this.route, 'pending', this.clock.now()]);
    return db.getAllFromIndex('items', 'route-due', due, Math.max(64, this.options.concurrency * 8));
  }

  private canDeliver(stillLeader: () => boolean): boolean {
    return !this.closed && !this.paused && this.online() && stillLeader();
  }

  private async attempt(queued: OutboxRecord): Promise<void> {
    if (this.isExpired(queued)) {
      await this.markDead(queued, 'expired', { kind: 'expired', message: 'Not delivered within the retention period.', at: this.clock.now() });
      return;
    }
    // While this tab holds leadership nobody else changes a pending item (retry and discard act on dead
    // ones only), so the in-memory record is written back directly: no read before each write.
    const record: OutboxRecord = { ...queued, state: 'sending', attempts: queued.attempts + 1 };
    // The POST does not wait for "sending" to be stored: if the tab dies first, the item is still
    // pending and is sent again (deduped by the receiver), exactly as if it died after the write. The
    // outcome's write below commits after this one (same queue), so a failed "sending" write is moot.
    this.stateWrites.write(record).catch(() => undefined);
    this.emitItem('sending', record);
    const { outcome, error } = await this.send(record);
    const now = this.clock.now();
    switch (outcome.kind) {
      case 'delivered': {
        const { payload: _sent, lastError: _last, ...rest } = record;
        const done: OutboxRecord = { ...rest, state: 'delivered', deliveredAt: now };
        // The worker moves on to the next item while this commits (with others); the round waits for it.
        // If it fails, the item stays "sending", and the next round's orphan recovery sends it again.
        this.recording.add(this.stateWrites.write(done).then(() => this.emitItem('delivered', done), () => undefined));
        return;
      }
      case 'retry': {
        const delay = outcome.retryAfterMs ?? backoffDelay(record.attempts, this.backoff, this.options.random);
        const retrying: OutboxRecord = { ...record, state: 'pending', nextAttemptAt: now + delay, lastError: error };
        await this.stateWrites.write(retrying);
        this.emitItem('retrying', retrying);
        return;
      }
      case 'auth':
        await this.stateWrites.write({ ...record, state: 'pending', nextAttemptAt: now, lastError: error });
        this.pauseForAuth(error!.status!);
        return;
      case 'dead':
        await this.markDead(record, 'rejected', error!);
    }
  }

  private send(record: OutboxRecord): ReturnType<typeof postRecord> {
    return postRecord(record, this.transport, this.clock);
  }

  /** Only for an item this tab delivers (the leader), so its in-memory record is current. */
  private async markDead(record: OutboxRecord, reason: 'rejected' | 'expired', error: AttemptError): Promise<void> {
    const dead: OutboxRecord = { ...record, state: 'dead', deadReason: reason, lastError: error };
    await this.stateWrites.write(dead);
    this.emitItem('dead', dead);
  }

  private pauseForAuth(status: number): void {
    this.paused = true;
    this.dispatch('auth-required', { status, remote: false });
    this.bus.post({ type: 'auth-required', status, route: this.route });
    this.emitChange();
  }

  /** Past the retention its own outbox gave it when it was queued (or this one's, for older items). */
  private isExpired(record: OutboxRecord): boolean {
    return this.clock.now() - record.retainFrom >= (record.retentionMs ?? this.options.retentionMs);
  }

  /**
   * Dead-letters every pending item past its retention, whichever endpoint it is for (an endpoint no
   * page is configured for any more must not keep its items forever). Read-only unless something
   * expired, so it never holds up an enqueue; each expiry is checked again inside its own write.
   */
  private async expireOld(): Promise<void> {
    const db = await this.db();
    const expired = (await db.getAllFromIndex('items', 'state', 'pending')).filter((record) => this.isExpired(record));
    for (const { id } of expired) {
      const tx = db.transaction('items', 'readwrite');
      const record = await tx.store.get(id);
      if (record?.state !== 'pending' || !this.isExpired(record)) {
        await tx.done;
        continue;
      }
      const dead: OutboxRecord = { ...record, state: 'dead', deadReason: 'expired', lastError: { kind: 'expired', message: 'Not delivered within the retention period.', at: this.clock.now() } };
      await tx.store.put(dead);
      await tx.done;
      this.emitItem('dead', dead);
    }
  }

  private async purgeDelivered(): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('items', 'readwrite');
    let purged = false;
    let cursor = await tx.store.index('state').openCursor('delivered');
    while (cursor) {
      if (this.clock.now() - (cursor.value.deliveredAt ?? 0) >= this.options.deliveredRetentionMs) {
        await cursor.delete();
        purged = true;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    if (purged) this.emitChange();
  }

  /** Sleeps until the earliest retry is due (not while paused or offline: a signal wakes us then). */
  private async scheduleWake(): Promise<void> {
    this.clock.clearTimeout(this.wakeTimer);
    if (this.closed || this.paused || !this.online()) return;
    try {
      const db = await this.db();
      const cursor = await db.transaction('items').store.index('route-due').openCursor(IDBKeyRange.bound([this.route, 'pending', -Infinity], [this.route, 'pending', Infinity]));
      const next = cursor?.value.nextAttemptAt;
      if (next === undefined || this.closed) return;
      this.wakeTimer = this.clock.setTimeout(() => {
        this.pump();
      }, Math.max(0, next - this.clock.now()));
    } catch {
      // The heartbeat will try again.
    }
  }

  private heartbeat(): void {
    this.heartbeatTimer = this.clock.setTimeout(() => {
      this.pump();
      if (!this.closed) this.heartbeat();
    }, this.options.pollIntervalMs);
  }

  // ——— events across tabs ———

  private dispatch<K extends keyof OutboxEventMap>(type: K, detail: OutboxEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  private emitItem(event: ItemEvent, record: OutboxRecord): void {
    const detail = itemDetail(record);
    this.watch(record);
    this.dispatch(event, { ...detail, remote: false });
    this.dispatch('change', { remote: false });
    this.bus.post({ type: 'item', event, detail });
  }

  private emitChange(): void {
    this.dispatch('change', { remote: false });
    this.bus.post({ type: 'change' });
  }

  private onBusMessage(message: BusMessage): void {
    switch (message.type) {
      case 'item':
        this.dispatch(message.event, { ...message.detail, remote: true });
        this.dispatch('change', { remote: true });
        if (message.event === 'queued') this.pump();
        return;
      // Sign-in trouble is one endpoint's: another endpoint's outbox goes on.
      case 'auth-required':
        if (message.route !== this.route) return;
        this.paused = true;
        this.dispatch('auth-required', { status: message.status, remote: true });
        return;
      case 'resume':
        if (message.route !== this.route) return;
        this.paused = false;
        this.pump();
        return;
      case 'change':
        this.dispatch('change', { remote: true });
    }
  }

  private watch(record: OutboxRecord): void {
    if (this.bus.live) return;
    if (FINAL.has(record.state)) this.watched.delete(record.id);
    else this.watched.set(record.id, { state: record.state, attempts: record.attempts });
  }

  /** Without BroadcastChannel: re-read what this instance watches every second and report changes. */
  private pollForChanges(): void {
    this.pollTimer = this.clock.setTimeout(() => {
      void this.pollOnce().finally(() => {
        if (!this.closed) this.pollForChanges();
      });
    }, FALLBACK_POLL_MS);
  }

  private async pollOnce(): Promise<void> {
    try {
      const counts = JSON.stringify(await this.counts());
      if (counts !== this.lastCounts) {
        this.lastCounts = counts;
        this.dispatch('change', { remote: true });
      }
      for (const [id, seen] of [...this.watched]) {
        const record = await this.get(id);
        if (!record || (record.state === seen.state && record.attempts === seen.attempts)) continue;
        const event: ItemEvent = record.state === 'pending' ? 'retrying' : record.state;
        this.watch(record);
        this.dispatch(event, { ...itemDetail(record), remote: true });
      }
    } catch {
      // Try again on the next tick.
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- typed EventTarget overloads
export interface Outbox {
  addEventListener<K extends keyof OutboxEventMap>(type: K, listener: (this: Outbox, event: OutboxEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof OutboxEventMap>(type: K, listener: (this: Outbox, event: OutboxEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

function strip(record: OutboxRecord): OutboxItem {
  const { payload, ...item } = record;
  return item;
}

function itemDetail(record: OutboxRecord): Omit<OutboxEventDetail, 'remote'> {
  const detail: Omit<OutboxEventDetail, 'remote'> = { id: record.id, kind: record.kind, state: record.state, attempts: record.attempts };
  if (record.state === 'pending') detail.nextAttemptAt = record.nextAttemptAt;
  if (record.lastError) detail.error = record.lastError;
  if (record.deadReason) detail.deadReason = record.deadReason;
  return detail;
}

/** Per database name, the endpoints that an open outbox on this page is configured for (with a count). */
const liveRoutes = pageGlobal('live-routes', () => new Map<string, Map<string, number>>());

function registerRoute(name: string, route: string, change: 1 | -1): void {
  const routes = liveRoutes.get(name) ?? new Map<string, number>();
  const count = (routes.get(route) ?? 0) + change;
  if (count > 0) routes.set(route, count);
  else routes.delete(route);
  liveRoutes.set(name, routes);
}
