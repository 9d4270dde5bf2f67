/**
 * How an outbox hears what other tabs (and other outbox instances in this tab) did: their messages on a
 * BroadcastChannel, or, where that is missing, a poll of the store every second that reports the same
 * changes for the items this instance follows.
 */
import { openBus, type Bus, type BusMessage } from './bus.js';
import type { Clock } from './clock.js';
import { itemDetail } from './records.js';
import type { OutboxStore } from './store.js';
import type { ItemEvent, OutboxRecord, OutboxState } from './types.js';

/** The fallback poll when BroadcastChannel is missing: other tabs' changes show within this. */
const FALLBACK_POLL_MS = 1000;

const FINAL: ReadonlySet<OutboxState> = new Set(['delivered', 'dead']);

export class TabSync {
  readonly #bus: Bus;
  /** Without BroadcastChannel: the items this instance follows and their last known state. */
  readonly #followed = new Map<string, { state: OutboxState; attempts: number }>();
  #lastCounts = '';
  #timer: unknown;
  #closed = false;

  readonly #store: OutboxStore;
  readonly #clock: Clock;

  /** What another tab did, or what the poll found: the same messages either way. */
  readonly #hear: (message: BusMessage) => void;

  constructor(channel: string, store: OutboxStore, clock: Clock, hear: (message: BusMessage) => void) {
    this.#store = store;
    this.#clock = clock;
    this.#hear = hear;
    this.#bus = openBus(channel, hear);
  }

  /** Tells the other tabs. */
  post(message: BusMessage): void {
    this.#bus.post(message);
  }

  /** Follows a record this instance queued or changed (only needed without BroadcastChannel). */
  follow(record: OutboxRecord): void {
    if (this.#bus.live) return;
    if (FINAL.has(record.state)) this.#followed.delete(record.id);
    else this.#followed.set(record.id, { state: record.state, attempts: record.attempts });
  }

  /** Starts polling where there is no BroadcastChannel. */
  start(): void {
    if (!this.#bus.live) this.#schedulePoll();
  }

  close(): void {
    this.#closed = true;
    this.#clock.clearTimeout(this.#timer);
    this.#bus.close();
  }

  #schedulePoll(): void {
    this.#timer = this.#clock.setTimeout(() => {
      void this.#poll().finally(() => {
        if (!this.#closed) this.#schedulePoll();
      });
    }, FALLBACK_POLL_MS);
  }

  async #poll(): Promise<void> {
    try {
      const counts = JSON.stringify(await this.#store.counts());
      if (counts !== this.#lastCounts) {
        this.#lastCounts = counts;
        this.#hear({ type: 'change' });
      }
      for (const [id, seen] of [...this.#followed]) {
        const record = await this.#store.get(id);
        if (!record || (record.state === seen.state && record.attempts === seen.attempts)) continue;
        const event: ItemEvent = record.state === 'pending' ? 'retrying' : record.state;
        this.follow(record);
        this.#hear({ type: 'item', event, detail: itemDetail(record) });
      }
    } catch {
      // Try again on the next tick.
    }
  }
}
