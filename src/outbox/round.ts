/**
 * One delivery round: workers take the due items (read ahead in batches, each handed out once) and
 * attempt them; a worker with nothing to do waits while others are still busy.
 */
import type { OutboxRecord } from './types.js';

export interface RoundOptions {
  concurrency: number;
  /** The next batch of due items. */
  read: () => Promise<OutboxRecord[]>;
  /** Checked before each item: false once offline, paused, closed or no longer the deliverer. */
  canGoOn: () => boolean;
  attempt: (record: OutboxRecord) => Promise<void>;
}

export interface Round {
  /** New work may be due (an enqueue, a signal): idle workers look again. */
  signal(): void;
  /** Settles when every worker has stopped; rejects with the first failure (a state write, a read). */
  done: Promise<void>;
}

/**
 * Starts a round. A failure stops the workers taking new items, but the round ends only once every
 * attempt in flight has finished, so no later round sends those items again at the same time.
 */
export function startRound({ concurrency, read, canGoOn, attempt }: RoundOptions): Round {
  const due = new DueQueue(read, concurrency);
  const idle = new IdleWorkers(concurrency);
  let failure: { error: unknown } | undefined;
  const fail = (error: unknown) => void (failure ??= { error });
  const worker = async (): Promise<void> => {
    for (;;) {
      if (failure || !canGoOn()) return idle.leave();
      const next = await due.take().catch(fail);
      if (!next) {
        if (failure) return idle.leave();
        // A signal between take() and here found nobody waiting: look again rather than miss it.
        if (due.signalled) continue;
        if (await idle.wait()) continue;
        return;
      }
      await attempt(next).catch(fail);
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    if (failure) throw failure.error;
  });
  return {
    signal() {
      due.signal();
      idle.wake();
    },
    done,
  };
}

/** The due items of one round. A read may predate an attempt's (grouped) writes; `taken` covers that. */
class DueQueue {
  readonly #queue: OutboxRecord[] = [];
  readonly #taken = new Set<string>();
  #reading: Promise<void> | undefined;
  /** Work was signalled after the last read began, so that read may not show it. */
  #stale = false;

  readonly #read: () => Promise<OutboxRecord[]>;
  /** Read the next batch while this many items are still queued, so nobody waits on the read. */
  readonly #readAheadAt: number;

  constructor(read: () => Promise<OutboxRecord[]>, readAheadAt: number) {
    this.#read = read;
    this.#readAheadAt = readAheadAt;
  }

  /** New work may be due (an enqueue, a retry): the next take() that finds nothing reads again. */
  signal(): void {
    this.#stale = true;
  }

  /** Whether work was signalled since the last read began (check it right before waiting). */
  get signalled(): boolean {
    return this.#stale;
  }

  /** The next item to attempt, or undefined when nothing is due. Throws if the store cannot be read. */
  async take(): Promise<OutboxRecord | undefined> {
    for (;;) {
      if (this.#queue.length <= this.#readAheadAt) this.#reading ??= this.#readBatch();
      if (!this.#queue.length) await this.#reading;
      const next = this.#queue.shift();
      if (next) {
        if (this.#taken.has(next.id)) continue;
        this.#taken.add(next.id);
        return next;
      }
      if (!this.#stale) return undefined;
    }
  }

  #readBatch(): Promise<void> {
    this.#stale = false;
    const reading = this.#read()
      .then((records) => {
        this.#queue.push(...records.filter((r) => !this.#taken.has(r.id) && !this.#queue.some((q) => q.id === r.id)));
      })
      .finally(() => {
        if (this.#reading === reading) this.#reading = undefined;
      });
    return reading;
  }
}

/**
 * Workers with nothing to do wait while others are still busy (a slow request, a hanging hook), so an
 * item queued meanwhile goes out at once instead of after the slowest request of the round.
 */
class IdleWorkers {
  readonly #waiting = new Set<(more: boolean) => void>();

  #busy: number;

  constructor(busy: number) {
    this.#busy = busy;
  }

  /** This worker found nothing: resolves true to look again (new work), false once the round is over. */
  wait(): Promise<boolean> {
    this.#busy--;
    if (this.#busy === 0) {
      this.#release(false);
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      this.#waiting.add((more) => {
        if (more) this.#busy++;
        resolve(more);
      });
    });
  }

  /** New work: every waiting worker looks again. */
  wake(): void {
    this.#release(true);
  }

  /** A busy worker stops for good (offline, paused, a failure). */
  leave(): void {
    if (--this.#busy === 0) this.#release(false);
  }

  #release(more: boolean): void {
    const waiting = [...this.#waiting];
    this.#waiting.clear();
    for (const resume of waiting) resume(more);
  }
}
