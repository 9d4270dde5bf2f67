/**
 * The moving parts of one delivery round: the due items, read ahead in batches and each handed out
 * once, and the workers that wait for more while others are still busy.
 */
import type { OutboxRecord } from './types.js';

/** The due items of one round. A read may predate an attempt's (grouped) writes; `taken` covers that. */
export class DueQueue {
  private readonly queue: OutboxRecord[] = [];
  private readonly taken = new Set<string>();
  private reading: Promise<void> | undefined;
  /** Work was signalled after the last read began, so that read may not show it. */
  private stale = false;

  constructor(
    private readonly read: () => Promise<OutboxRecord[]>,
    /** Read the next batch while this many items are still queued, so nobody waits on the read. */
    private readonly readAheadAt: number,
  ) {}

  /** New work may be due (an enqueue, a retry): the next take() that finds nothing reads again. */
  signal(): void {
    this.stale = true;
  }

  /** Whether work was signalled since the last read began (check it right before waiting). */
  get signalled(): boolean {
    return this.stale;
  }

  /** The next item to attempt, or undefined when nothing is due. Throws if the store cannot be read. */
  async take(): Promise<OutboxRecord | undefined> {
    for (;;) {
      if (this.queue.length <= this.readAheadAt) this.reading ??= this.readBatch();
      if (!this.queue.length) await this.reading;
      const next = this.queue.shift();
      if (next) {
        if (this.taken.has(next.id)) continue;
        this.taken.add(next.id);
        return next;
      }
      if (!this.stale) return undefined;
    }
  }

  private readBatch(): Promise<void> {
    this.stale = false;
    const reading = this.read()
      .then((records) => {
        this.queue.push(...records.filter((r) => !this.taken.has(r.id) && !this.queue.some((q) => q.id === r.id)));
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    return reading;
  }
}

/**
 * Workers with nothing to do wait while others are still busy (a slow request, a hanging hook), so an
 * item queued meanwhile goes out at once instead of after the slowest request of the round.
 */
export class IdleWorkers {
  private readonly waiting = new Set<(more: boolean) => void>();

  constructor(private busy: number) {}

  /** This worker found nothing: resolves true to look again (new work), false once the round is over. */
  wait(): Promise<boolean> {
    this.busy--;
    if (this.busy === 0) {
      this.release(false);
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      this.waiting.add((more) => {
        if (more) this.busy++;
        resolve(more);
      });
    });
  }

  /** New work: every waiting worker looks again. */
  wake(): void {
    this.release(true);
  }

  /** A busy worker stops for good (offline, paused, a failure). */
  leave(): void {
    if (--this.busy === 0) this.release(false);
  }

  private release(more: boolean): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const resume of waiting) resume(more);
  }
}
