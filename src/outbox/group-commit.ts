/**
 * Group commit: writes asked for while a transaction is committing go together into the next one. An
 * idle outbox commits at once (no added latency); a busy one commits in batches, one IndexedDB
 * transaction per batch instead of one per state change. In a waiting batch, a later write of the same
 * key replaces the earlier one; batches commit in the order they were formed.
 */
export class GroupCommit<T> {
  readonly #waiting = new Map<string, T>();
  #next: Promise<void> | undefined;
  #running: Promise<void> = Promise.resolve();

  readonly #keyOf: (value: T) => string;
  readonly #commit: (batch: T[]) => Promise<void>;

  constructor(keyOf: (value: T) => string, commit: (batch: T[]) => Promise<void>) {
    this.#keyOf = keyOf;
    this.#commit = commit;
  }

  /** Resolves once `value` is committed; rejects with the batch's error if its transaction failed. */
  write(value: T): Promise<void> {
    this.#waiting.set(this.#keyOf(value), value);
    const flush = (): Promise<void> => this.#flush();
    return (this.#next ??= this.#running.then(flush, flush));
  }

  #flush(): Promise<void> {
    const batch = [...this.#waiting.values()];
    this.#waiting.clear();
    this.#next = undefined;
    this.#running = this.#commit(batch);
    return this.#running;
  }
}
