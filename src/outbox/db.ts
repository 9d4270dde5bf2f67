/**
 * The outbox's IndexedDB database: schema, migrations, and the few queries delivery needs.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { KeyedDB } from '../storage/keys.js';
import { OutboxStorageError, storageErrorFrom } from './errors.js';
import { absoluteEndpoint } from './routes.js';
import type { OutboxRecord, OutboxState } from './types.js';

export interface OutboxDB extends DBSchema, KeyedDB {
  items: {
    key: string;
    value: OutboxRecord;
    indexes: { state: OutboxState; due: [OutboxState, number]; 'route-due': [string, OutboxState, number] };
  };
  meta: {
    key: string;
    value: { key: string; owner: string; until: number };
  };
}

export const DB_VERSION = 4;

type UpgradeTx = IDBPTransaction<OutboxDB, StoreNames<OutboxDB>[], 'versionchange'>;

/**
 * Each step takes the database from version i to i+1 and keeps every queued item.
 * v1: the item store with a state index. v2: a (state, nextAttemptAt) index for due-item queries, and
 * the meta store for the leadership lease used where Web Locks are missing. v3: each record's `route`
 * (the endpoint of the outbox that queued it, absolute) and a (route, state, nextAttemptAt) index, so
 * each endpoint's items are delivered only with that endpoint's own transport. v4: the `keys` store of
 * the key that seals payloads; earlier payloads are sealed as the database is first opened (store.ts).
 */
export const MIGRATIONS: ((db: IDBPDatabase<OutboxDB>, tx: UpgradeTx) => void)[] = [
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('state', 'state');
  },
  (db, tx) => {
    tx.objectStore('items').createIndex('due', ['state', 'nextAttemptAt']);
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  (_db, tx) => {
    const items = tx.objectStore('items');
    items.createIndex('route-due', ['route', 'state', 'nextAttemptAt']);
    void items.openCursor().then(async function addRoutes(cursor): Promise<void> {
      if (!cursor) return;
      await cursor.update({ ...cursor.value, ...routedCopy(cursor.value) });
      return addRoutes(await cursor.continue());
    });
  },
  (db) => {
    db.createObjectStore('keys', { keyPath: 'name' });
  },
];

/**
 * A v2 record's absolute endpoint and route. A handoff's route is its endpoint; an ack sent to the
 * default `<endpoint>/<handoffId>/ack` has that endpoint; any other ack URL (a custom `ackEndpoint`)
 * gets the route `''`, and the first outbox of the same origin to start adopts it.
 */
function routedCopy(record: OutboxRecord): Pick<OutboxRecord, 'route' | 'endpoint'> {
  const endpoint = absoluteOr(record.endpoint);
  if (record.kind === 'handoff') return { endpoint, route: endpoint };
  const handoffId = (record.payload as { handoffId?: string } | undefined)?.handoffId ?? '';
  const suffix = `/${encodeURIComponent(handoffId)}/ack`;
  return { endpoint, route: handoffId && endpoint.endsWith(suffix) ? endpoint.slice(0, -suffix.length) : UNROUTED };
}

/** The route of a record migrated without one it could be given. */
export const UNROUTED = '';

function absoluteOr(url: string): string {
  try {
    return absoluteEndpoint(url);
  } catch {
    return url;
  }
}

export interface OpenHooks {
  /** Another connection wants a newer version: we have closed ours. */
  onClosed(): void;
  /**
   * This open is blocked by an older tab; `settled` settles when that request finally completes. Until
   * then a new open would queue behind it without a "blocked" event of its own, and hang.
   */
  onBlocked?(settled: Promise<unknown>): void;
}

/** Opens (and upgrades) the database, mapping every failure to an {@link OutboxStorageError}. */
export async function openOutboxDB(
  name: string,
  hooks: OpenHooks,
  version = DB_VERSION,
): Promise<IDBPDatabase<OutboxDB>> {
  if (typeof indexedDB === 'undefined') throw new OutboxStorageError('unavailable');
  let blocked = false;
  let rejectBlocked: (error: Error) => void = () => undefined;
  const blockedSignal = new Promise<never>((_, reject) => (rejectBlocked = reject));
  const opening = openDB<OutboxDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]?.(db, tx);
    },
    blocked() {
      blocked = true;
      rejectBlocked(new OutboxStorageError('blocked'));
    },
    blocking(_current, _blockedVersion, event) {
      // Never hold up another tab's upgrade: close, and reopen on the next operation.
      (event.target as IDBDatabase).close();
      hooks.onClosed();
    },
    terminated() {
      hooks.onClosed();
    },
  });
  try {
    return await Promise.race([opening, blockedSignal]);
  } catch (error) {
    // A blocked open may still succeed later; close that connection so it cannot leak.
    if (blocked)
      hooks.onBlocked?.(
        opening.then(
          (late) => late.close(),
          () => undefined,
        ),
      );
    throw storageErrorFrom(error);
  }
}
