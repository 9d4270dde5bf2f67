/**
 * One deliverer at a time across every tab of the origin.
 *
 * With Web Locks the lock is held while draining and released by the browser if the tab dies. Without
 * them, a lease record in IndexedDB stands in: taken in a readwrite transaction (which IndexedDB
 * serialises), renewed while held, and free to take once it lapses.
 */
import type { IDBPDatabase } from 'idb';
import type { Clock } from './clock.js';
import type { OutboxDB } from './db.js';

export interface Leadership {
  /**
   * Runs `work` while no other tab's `work` runs. `work` gets a check to make before each send: false
   * once leadership was lost (a lease that lapsed while this tab was frozen).
   */
  exclusive(work: (stillLeader: () => boolean) => Promise<void>): Promise<void>;
  /**
   * Stops waiting for leadership (the outbox is closing): an exclusive() still waiting resolves without
   * running its work, so close() is never held up by another tab's turn. Work already running goes on.
   */
  stop(): void;
}

export function webLockLeadership(locks: LockManager, name: string): Leadership {
  const waiting = new AbortController();
  return {
    exclusive: (work) =>
      locks
        .request(name, { mode: 'exclusive', signal: waiting.signal }, () => work(() => true))
        .catch((error: unknown) => {
          if (!waiting.signal.aborted) throw error;
        }),
    stop: () => {
      waiting.abort();
    },
  };
}

export interface LeaseOptions {
  db: () => Promise<IDBPDatabase<OutboxDB>>;
  clock: Clock;
  owner: string;
  /** The lease's record key: one lease per endpoint. */
  key: string;
  /** How long a lease lasts without renewal; longer than a request's timeout. */
  leaseMs: number;
}

export function leaseLeadership(options: LeaseOptions): Leadership {
  const { clock, owner, leaseMs, key: LEASE_KEY } = options;

  async function tryAcquire(): Promise<boolean> {
    const db = await options.db();
    const tx = db.transaction('meta', 'readwrite');
    const current = await tx.store.get(LEASE_KEY);
    const now = clock.now();
    const free = !current || current.owner === owner || current.until <= now;
    if (free) await tx.store.put({ key: LEASE_KEY, owner, until: now + leaseMs });
    await tx.done;
    return free;
  }

  async function release(): Promise<void> {
    const db = await options.db();
    const tx = db.transaction('meta', 'readwrite');
    const current = await tx.store.get(LEASE_KEY);
    if (current?.owner === owner) await tx.store.delete(LEASE_KEY);
    await tx.done;
  }

  let stopped = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        sleepers.delete(wake);
        clock.clearTimeout(timer);
        resolve();
      };
      const timer = clock.setTimeout(wake, ms);
      sleepers.add(wake);
    });

  return {
    stop() {
      stopped = true;
      for (const wake of [...sleepers]) wake();
    },
    async exclusive(work) {
      while (!(await tryAcquire())) {
        if (stopped) return;
        await sleep(Math.min(1000, leaseMs / 4));
        if (stopped) return;
      }
      let renewing = true;
      let held = true;
      const renew = async (): Promise<void> => {
        while (renewing) {
          await sleep(leaseMs / 3);
          if (renewing) held = await tryAcquire().catch(() => false);
        }
      };
      void renew();
      try {
        await work(() => held);
      } finally {
        renewing = false;
        await release().catch(() => undefined);
      }
    },
  };
}
