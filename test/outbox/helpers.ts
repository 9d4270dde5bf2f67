// Test helpers for the outbox: a controllable clock, the real receiver's control API, payloads.
import { deleteDB } from 'idb';
import { buildHandoff, type HandoffDraft, type HandoffV1 } from '../../src/payload/index.js';
import { Outbox, type Clock, type OutboxEventMap, type OutboxOptions } from '../../src/outbox/index.js';
import { FULL_DRAFT, clone } from '../fixtures/handoffs.js';

/** Time that moves only when told to; timers fire in order as it passes them. */
export class FakeClock implements Clock {
  private timers = new Map<number, { at: number; callback: () => void }>();
  private seq = 0;
  constructor(private t = Date.UTC(2026, 10, 24, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), callback });
    // A timer already due fires soon, as a real one would, without waiting for advance().
    if (ms <= 0) globalThis.setTimeout(() => this.advance(0), 0);
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** How many timers wait to fire (to wait for code under test to schedule its next one). */
  get pending(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): void {
    const target = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= target)
        .sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].callback();
    }
    this.t = target;
  }
}

/** Waits (polling, not sleeping a fixed time) until `check` is true; fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', ms = 8000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * `promise`, or a failure after `ms` naming the step and what `state()` shows then: a hang reports
 * where it is stuck instead of the test framework's bare timeout.
 */
export async function step<T>(
  what: string,
  promise: Promise<T>,
  state: () => Promise<unknown>,
  ms = 12_000,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const unreadable = new Promise<never>((_, fail) => setTimeout(() => fail(new Error('no answer in 3 s')), 3000));
      void Promise.race([state(), unreadable]).then(
        (seen) => reject(new Error(`Stuck at "${what}" after ${ms} ms; state: ${JSON.stringify(seen)}`)),
        (error: unknown) => reject(new Error(`Stuck at "${what}" after ${ms} ms; state unreadable: ${String(error)}`)),
      );
    }, ms);
  });
  try {
    return await Promise.race([promise, stuck]);
  } finally {
    clearTimeout(timer);
  }
}

export function nextEvent<K extends keyof OutboxEventMap>(
  outbox: Outbox,
  type: K,
  predicate: (e: OutboxEventMap[K]) => boolean = () => true,
): Promise<OutboxEventMap[K]> {
  return new Promise((resolve) => {
    const listener = (event: OutboxEventMap[K]) => {
      if (!predicate(event)) return;
      outbox.removeEventListener(type, listener);
      resolve(event);
    };
    outbox.addEventListener(type, listener);
  });
}

/** Waits for the delivery of `id`, moving the clock to each retry as it is scheduled. */
export async function deliveredAdvancingClock(outbox: Outbox, clock: FakeClock, id: string): Promise<number> {
  const onRetry = (e: OutboxEventMap['retrying']) => {
    if (e.detail.id === id) clock.advance(Math.max(0, e.detail.nextAttemptAt! - clock.now()));
  };
  outbox.addEventListener('retrying', onRetry);
  try {
    return (await nextEvent(outbox, 'delivered', (e) => e.detail.id === id)).detail.attempts;
  } finally {
    outbox.removeEventListener('retrying', onRetry);
  }
}

export interface ReceiverStats {
  requests: number;
  applied: number;
  replays: number;
  conflicts: number;
  mismatches: number;
  maxConcurrentPerKey: number;
  duplicatesApplied: number;
  distinctIds: number;
  ids: string[];
  posts: Record<string, number>;
  /** The Authorization header of each POST, by Idempotency-Key. */
  auth: Record<string, (string | null)[]>;
  faultsLeft: number;
}

export type Fault =
  | { status: number; retryAfter?: string | number; message?: string; body?: unknown }
  | { type: 'hang' | 'drop' | 'redirect' | 'commit-then-drop' }
  | { type: 'html'; status?: number }
  | { type: 'delay'; ms: number };

/** The real receiver (receiver/receiver.mjs) under a namespace of this test's own. */
export class TestReceiver {
  readonly ns = `t${crypto.randomUUID().slice(0, 12)}`;
  readonly endpoint = `/r/${this.ns}/handoffs`;
  async faults(...faults: Fault[]): Promise<void> {
    const res = await fetch(`/r/${this.ns}/__receiver/faults`, { method: 'POST', body: JSON.stringify(faults) });
    if (!res.ok) throw new Error('could not script faults');
  }
  /** A fresh inbox for this namespace that accepts bodies of at most `maxBody` bytes. */
  async limit(maxBody: number): Promise<void> {
    const res = await fetch(`/r/${this.ns}/__receiver/limits`, { method: 'POST', body: JSON.stringify({ maxBody }) });
    if (!res.ok) throw new Error('could not set limits');
  }
  async stats(): Promise<ReceiverStats> {
    return (await fetch(`/r/${this.ns}/__receiver/stats`)).json() as Promise<ReceiverStats>;
  }
  /** Every id the receiver holds was applied exactly once, and it holds exactly `ids`. */
  async expectExactlyOnce(ids: string[]): Promise<ReceiverStats> {
    const stats = await this.stats();
    if (stats.duplicatesApplied !== 0) throw new Error(`${stats.duplicatesApplied} duplicates applied`);
    if (stats.maxConcurrentPerKey > 1) throw new Error('the same id was POSTed concurrently');
    const held = [...stats.ids].sort();
    const expected = [...ids].sort();
    if (JSON.stringify(held) !== JSON.stringify(expected))
      throw new Error(`receiver holds ${held.length} ids, expected ${expected.length}`);
    return stats;
  }
}

let counter = 0;
export function handoff(change: (d: HandoffDraft & Record<string, any>) => void = () => undefined): HandoffV1 {
  const draft = clone(FULL_DRAFT) as HandoffDraft & Record<string, any>;
  draft.recap!.summary = `Test handoff ${++counter}`;
  change(draft);
  const result = buildHandoff(draft, { training: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.payload;
}

const opened: { outbox: Outbox; name: string }[] = [];

/** An outbox on a database of this test's own; closed and deleted in afterEach via cleanup(). */
export function createOutbox(options: Partial<OutboxOptions> & { endpoint: string }): Outbox {
  const name = options.name ?? `test-outbox-${crypto.randomUUID()}`;
  const outbox = new Outbox({ random: () => 0.5, ...options, name });
  opened.push({ outbox, name });
  return outbox;
}

export async function cleanup(): Promise<void> {
  const names = new Set<string>();
  for (const { outbox, name } of opened.splice(0)) {
    await outbox.close();
    names.add(name);
  }
  for (const name of names) await deleteDB(name).catch(() => undefined);
}

/**
 * Registers the usual per-test setup: a fresh fake clock and receiver namespace before each test;
 * online again, outboxes closed and databases deleted after it.
 */
export function useOutboxTest(): { readonly clock: FakeClock; readonly receiver: TestReceiver } {
  const context = { clock: new FakeClock(), receiver: new TestReceiver() };
  beforeEach(() => {
    context.clock = new FakeClock();
    context.receiver = new TestReceiver();
  });
  afterEach(async () => {
    restoreOnline();
    await cleanup();
  });
  return context;
}

/** Pretends the browser went offline or online (navigator.onLine and the window event). */
export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  if (online) window.dispatchEvent(new Event('online'));
  else window.dispatchEvent(new Event('offline'));
}

export function restoreOnline(): void {
  delete (navigator as { onLine?: boolean }).onLine;
}
