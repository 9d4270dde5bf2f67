/**
 * The outbox's public API and its delivery loop. Storage is store.ts, one POST is transport.ts, the
 * round's queue is round.ts, other tabs are sync.ts, one deliverer per endpoint is leader.ts.
 */
import type { BusMessage } from './bus.js';
import type { Clock } from './clock.js';
import { OutboxEvents } from './events.js';
import { leaseLeadership, webLockLeadership, type Leadership } from './leader.js';
import {
  DEFAULTS,
  RECONFIGURABLE,
  withoutUndefined,
  type OutboxOptions,
  type ReconfigurableOption,
  type ResolvedOptions,
} from './options.js';
import { routesServed, serveRoute } from './page-global.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './policy.js';
import { startRound } from './round.js';
import { absoluteEndpoint, originOf } from './routes.js';
import { newRecord, toItem } from './records.js';
import { OutboxStore } from './store.js';
import { TabSync } from './sync.js';
import { postRecord, type Transport } from './transport.js';
import type {
  AttemptError,
  DeadReason,
  OutboxCounts,
  OutboxItem,
  OutboxPayload,
  OutboxRecord,
  OutboxState,
} from './types.js';

export type { OutboxOptions } from './options.js';

const EXPIRED = 'Not delivered within the retention period.';
const UNREADABLE = 'Its stored payload no longer opens (the browser lost its key, or the data was damaged).';

/**
 * A durable outbox: handoffs and acknowledgements are written to IndexedDB before anything else, then
 * delivered by one tab at a time per endpoint, retried with backoff, and removed only after a 2xx that
 * counts as delivered. Every tab of the origin sees the same queue and the same events.
 */
export class Outbox extends OutboxEvents {
  /** This outbox's endpoint as stored on its records: absolute, without trailing slashes. */
  readonly route: string;
  #settings: ResolvedOptions;
  readonly #clock: Clock;
  readonly #store: OutboxStore;
  readonly #leadership: Leadership;
  readonly #sync: TabSync;
  #pumping: Promise<void> | undefined;
  #pumpAgain = false;
  /** During a round: new work may be due (an enqueue, a signal), so its idle workers look again. */
  #signalRound: () => void = () => undefined;
  #paused = false;
  #closed = false;
  #wakeTimer: unknown;
  #heartbeatTimer: unknown;
  /** Deliveries being recorded: a round ends only when they are stored. */
  readonly #recording = new Set<Promise<void>>();

  constructor(options: OutboxOptions) {
    super();
    if (!options.endpoint || typeof options.endpoint !== 'string') {
      throw new TypeError('Outbox needs an `endpoint`: the URL handoffs are POSTed to, e.g. "/api/handoffs".');
    }
    this.#settings = { ...DEFAULTS, ...withoutUndefined(options), endpoint: options.endpoint };
    this.route = absoluteEndpoint(options.endpoint);
    this.#clock = this.#settings.clock;
    this.#store = new OutboxStore(this.#settings.name);
    // One deliverer per endpoint across the origin's tabs: each endpoint's items go out only with the
    // transport (headers, credentials) configured for that endpoint.
    const lockName = `handoff-outbox:${this.#settings.name}:${this.route}`;
    const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
    this.#leadership = locks
      ? webLockLeadership(locks, lockName)
      : leaseLeadership({
          db: () => this.#store.db(),
          clock: this.#clock,
          owner: crypto.randomUUID(),
          key: lockName,
          leaseMs: this.#settings.timeoutMs * 2 + 5000,
        });
    serveRoute(this.#settings.name, this.route, 1);
    this.#sync = new TabSync(`handoff-outbox:${this.#settings.name}`, this.#store, this.#clock, this.#onRemote);
    globalThis.addEventListener?.('online', this.#onOnline);
    if (this.#settings.autoStart) this.start();
  }

  /** The options in effect (defaults filled in). */
  get options(): Readonly<ResolvedOptions> {
    return this.#settings;
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
    const fixed = Object.keys(next).find((key) => !(RECONFIGURABLE as readonly string[]).includes(key));
    if (fixed) throw new TypeError(`Outbox.reconfigure(): "${fixed}" is fixed when the outbox is created.`);
    this.#settings = { ...this.#settings, ...next };
  }

  /** Starts delivering: whatever earlier sessions left queued, then on every signal and timer. */
  start(): void {
    this.#heartbeat();
    this.#sync.start();
    this.#pump();
  }

  /**
   * Saves a payload durably, then tries to deliver it. Resolves only once the payload is in IndexedDB
   * (strict durability); rejects with {@link OutboxStorageError} if it could not be saved, or with
   * {@link OutboxPayloadError} if it is not a valid handoff or acknowledgement. Enqueuing the same id
   * twice is harmless: the second call returns the item already queued.
   */
  async enqueue(payload: OutboxPayload): Promise<OutboxItem> {
    const { retentionMs, ackEndpoint } = this.#settings;
    const record = await newRecord(payload, { route: this.route, ackEndpoint, retentionMs, now: this.#clock.now() });
    const existing = await this.#store.add(record);
    if (existing) return toItem(existing);
    this.emitItem(this.#sync, 'queued', record);
    this.#pump();
    return toItem(record);
  }

  /** Tries to deliver due items now; resolves when this tab's delivery round is over. */
  flush(): Promise<void> {
    this.#pump();
    return this.#pumping ?? Promise.resolve();
  }

  /**
   * Makes every pending item due now, without waiting out its backoff, then delivers (a "retry now"
   * button). Done by itself when the browser comes back online: failures while offline said nothing
   * about the server.
   */
  async retryNow(): Promise<void> {
    await this.#store.makeDue(this.#clock.now());
    return this.flush();
  }

  /** Resumes after `auth-required`, in every tab. */
  resume(): void {
    this.#paused = false;
    this.#sync.post({ type: 'resume', route: this.route });
    this.#pump();
  }

  get isPaused(): boolean {
    return this.#paused;
  }

  counts(): Promise<OutboxCounts> {
    return this.#store.counts();
  }

  /**
   * Every item of the origin's outbox (or those in one state), oldest first, without payloads. A
   * pending item whose endpoint no outbox on this page is configured for says `waitingFor: 'endpoint'`.
   */
  async items(state?: OutboxState): Promise<OutboxItem[]> {
    const routes = routesServed(this.#settings.name);
    return (await this.#store.all(state)).map((record) =>
      record.state === 'pending' && !routes?.has(record.route)
        ? { ...toItem(record), waitingFor: 'endpoint' as const }
        : toItem(record),
    );
  }

  /** The dead-letter list: rejected by the server or expired. */
  dead(): Promise<OutboxItem[]> {
    return this.items('dead');
  }

  /**
   * One item with its payload opened (no payload once delivered, or a dead item's after
   * `deadPayloadRetentionMs`); undefined once purged, or never queued.
   */
  async get(id: string): Promise<OutboxRecord | undefined> {
    const record = await this.#store.get(id);
    if (!record) return undefined;
    const { sealed: _sealed, sealedError: _error, ...opened } = record;
    return opened;
  }

  /** Puts a dead item back in the queue, with a fresh retention period. */
  async retry(id: string): Promise<void> {
    const record = await this.#store.update(id, (r) => {
      if (r.state !== 'dead') throw new Error(`Only dead items can be retried; ${id} is ${r.state}.`);
      if (!r.sealed && !r.payload) {
        throw new Error(
          `${id} can no longer be retried: its payload was removed after its retention, or never opened again.`,
        );
      }
      r.state = 'pending';
      r.nextAttemptAt = this.#clock.now();
      r.retainFrom = this.#clock.now();
      delete r.deadReason;
      delete r.deadAt;
    });
    this.emitItem(this.#sync, 'queued', record);
    this.#pump();
  }

  /** Deletes a dead item for good. */
  async discard(id: string): Promise<void> {
    const record = await this.#store.remove(id, (r) => {
      if (r.state !== 'dead') throw new Error(`Only dead items can be discarded; ${id} is ${r.state}.`);
    });
    this.emitItem(this.#sync, 'discarded', record);
  }

  /**
   * Stops timers and listeners, lets a running delivery round end (so a lease is handed back at once),
   * then closes the database. Queued items stay for the next start.
   */
  close(): Promise<void> {
    if (!this.#closed) serveRoute(this.#settings.name, this.route, -1);
    this.#closed = true;
    this.#leadership.stop();
    for (const timer of [this.#wakeTimer, this.#heartbeatTimer]) this.#clock.clearTimeout(timer);
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#sync.close();
    return (this.#pumping ?? Promise.resolve()).then(() => this.#store.close());
  }

  // ——— delivery ———

  /** How this outbox talks to its own endpoint, as configured now. */
  get #transport(): Transport {
    const { headers, credentials, fetch, timeoutMs, deliveryReceipt } = this.#settings;
    return { headers, credentials, fetch, timeoutMs, receipt: deliveryReceipt, origin: originOf(this.route) };
  }

  get #backoff(): BackoffOptions {
    return { ...DEFAULT_BACKOFF, ...this.#settings.backoff };
  }

  readonly #onOnline = (): void => {
    this.retryNow().catch(() => {
      this.#pump();
    });
  };

  #online(): boolean {
    return typeof navigator === 'undefined' || navigator.onLine;
  }

  /** Starts a delivery round unless one is running; a running round goes round again. */
  #pump(): void {
    if (this.#closed) return;
    if (this.#pumping) {
      this.#pumpAgain = true;
      this.#signalRound();
      return;
    }
    this.#pumping = this.#leadership
      .exclusive(async (stillLeader) => {
        // We hold the endpoint's lock and our own rounds run one at a time: nobody sends these.
        await this.#store.recoverOrphans(this.route);
        await this.#store.adoptUnrouted(this.route);
        do {
          this.#pumpAgain = false;
          await this.#drain(stillLeader);
        } while (this.#pumpAgain && !this.#closed);
      })
      .catch(() => {
        // Storage trouble in the background: enqueue() reports it to the caller; the next signal retries.
      })
      .finally(() => {
        this.#pumping = undefined;
        void this.#scheduleWake();
      });
  }

  async #drain(stillLeader: () => boolean): Promise<void> {
    await this.#expireOld();
    const { concurrency, deliveredRetentionMs } = this.#settings;
    const round = startRound({
      concurrency,
      read: () => this.#store.due(this.route, this.#clock.now(), Math.max(64, concurrency * 8)),
      canGoOn: () => this.#canDeliver(stillLeader),
      attempt: (record) => this.#attempt(record),
    });
    this.#signalRound = () => round.signal();
    try {
      await round.done;
    } finally {
      this.#signalRound = () => undefined;
      await Promise.allSettled(this.#recording);
      this.#recording.clear();
    }
    const now = this.#clock.now();
    const purged = await this.#store.purgeDelivered(now - deliveredRetentionMs);
    const removed = await this.#store.removeDeadPayloads(now - this.#settings.deadPayloadRetentionMs, now);
    if (purged || removed) this.emitChange(this.#sync);
  }

  #canDeliver(stillLeader: () => boolean): boolean {
    return !this.#closed && !this.#paused && this.#online() && stillLeader();
  }

  async #attempt(queued: OutboxRecord): Promise<void> {
    if (!queued.payload) {
      await this.#markDead(queued, 'unreadable', { kind: 'unreadable', message: UNREADABLE, at: this.#clock.now() });
      return;
    }
    if (this.#isExpired(queued)) {
      await this.#markDead(queued, 'expired', { kind: 'expired', message: EXPIRED, at: this.#clock.now() });
      return;
    }
    // While this tab holds the endpoint's lock nobody else changes its pending items (retry and discard
    // act on dead ones only), so the in-memory record is written back directly: no read before a write.
    const record: OutboxRecord = { ...queued, state: 'sending', attempts: queued.attempts + 1 };
    // The POST does not wait for "sending" to be stored: if the tab dies first, the item is still
    // pending and is sent again (deduped by the receiver), exactly as if it died after the write. The
    // outcome's write below commits after this one (same queue), so a failed "sending" write is moot.
    this.#store.write(record).catch(() => undefined);
    this.emitItem(this.#sync, 'sending', record);
    const { outcome, error } = await postRecord(record, this.#transport, this.#clock);
    const now = this.#clock.now();
    switch (outcome.kind) {
      case 'delivered': {
        const { payload: _sent, lastError: _last, ...rest } = record;
        const done: OutboxRecord = { ...rest, state: 'delivered', deliveredAt: now };
        // The worker moves on to the next item while this commits (with others); the round waits for it.
        // If it fails, the item stays "sending", and the next round's orphan recovery sends it again.
        this.#recording.add(
          this.#store.write(done).then(
            () => this.emitItem(this.#sync, 'delivered', done),
            () => undefined,
          ),
        );
        return;
      }
      case 'retry': {
        const delay = outcome.retryAfterMs ?? backoffDelay(record.attempts, this.#backoff, this.#settings.random);
        const retrying: OutboxRecord = { ...record, state: 'pending', nextAttemptAt: now + delay, lastError: error };
        await this.#store.write(retrying);
        this.emitItem(this.#sync, 'retrying', retrying);
        return;
      }
      case 'auth':
        await this.#store.write({ ...record, state: 'pending', nextAttemptAt: now, lastError: error });
        this.#pauseForAuth(error!.status!);
        return;
      case 'dead':
        await this.#markDead(record, 'rejected', error!);
    }
  }

  /** Only for an item this tab delivers (the leader), so its in-memory record is current. */
  async #markDead(record: OutboxRecord, reason: DeadReason, error: AttemptError): Promise<void> {
    const dead: OutboxRecord = { ...record, state: 'dead', deadReason: reason, lastError: error, deadAt: error.at };
    await this.#store.write(dead);
    this.emitItem(this.#sync, 'dead', dead);
  }

  #pauseForAuth(status: number): void {
    this.#paused = true;
    this.dispatch('auth-required', { status, remote: false });
    this.#sync.post({ type: 'auth-required', status, route: this.route });
    this.emitChange(this.#sync);
  }

  /** Past the retention its own outbox gave it when it was queued (or this one's, for older items). */
  #isExpired(record: OutboxRecord): boolean {
    return this.#clock.now() - record.retainFrom >= (record.retentionMs ?? this.#settings.retentionMs);
  }

  /** Dead-letters expired items of every endpoint: one no page serves any more must not keep them forever. */
  async #expireOld(): Promise<void> {
    const expired = await this.#store.expire((r) => this.#isExpired(r), {
      kind: 'expired',
      message: EXPIRED,
      at: this.#clock.now(),
    });
    for (const dead of expired) this.emitItem(this.#sync, 'dead', dead);
  }

  /** Sleeps until the earliest retry is due (not while paused or offline: a signal wakes us then). */
  async #scheduleWake(): Promise<void> {
    this.#clock.clearTimeout(this.#wakeTimer);
    if (this.#closed || this.#paused || !this.#online()) return;
    try {
      const next = await this.#store.nextDue(this.route);
      if (next === undefined || this.#closed) return;
      this.#wakeTimer = this.#clock.setTimeout(
        () => {
          this.#pump();
        },
        Math.max(0, next - this.#clock.now()),
      );
    } catch {
      // The heartbeat will try again.
    }
  }

  #heartbeat(): void {
    this.#heartbeatTimer = this.#clock.setTimeout(() => {
      this.#pump();
      if (!this.#closed) this.#heartbeat();
    }, this.#settings.pollIntervalMs);
  }

  // ——— events, here and in other tabs ———

  readonly #onRemote = (message: BusMessage): void => {
    switch (message.type) {
      case 'item':
        this.dispatch(message.event, { ...message.detail, remote: true });
        this.dispatch('change', { remote: true });
        if (message.event === 'queued') this.#pump();
        return;
      // Sign-in trouble is one endpoint's: another endpoint's outbox goes on.
      case 'auth-required':
        if (message.route !== this.route) return;
        this.#paused = true;
        this.dispatch('auth-required', { status: message.status, remote: true });
        return;
      case 'resume':
        if (message.route !== this.route) return;
        this.#paused = false;
        this.#pump();
        return;
      case 'change':
        this.dispatch('change', { remote: true });
    }
  };
}
