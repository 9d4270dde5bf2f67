/**
 * The keys of one database, kept in its own `keys` store: made on first use, and the same for every
 * tab (two tabs making one at once keep whichever was stored first).
 */
import type { DBSchema, IDBPDatabase } from 'idb';

export type KeyName = 'sealing' | 'lookup';

export interface KeyRecord {
  name: KeyName;
  key: CryptoKey;
}

/** A database with a `keys` store. */
export interface KeyedDB extends DBSchema {
  keys: { key: KeyName; value: KeyRecord };
}

let cache = new WeakMap<object, Map<KeyName, Promise<CryptoKey>>>();

/**
 * The named key of a database, read once per connection (storing `make()`'s if there is none yet);
 * a failed read is tried again next time.
 */
export function databaseKey<DB extends KeyedDB>(
  db: IDBPDatabase<DB>,
  name: KeyName,
  make: () => Promise<CryptoKey>,
): Promise<CryptoKey> {
  let keys = cache.get(db);
  if (!keys) cache.set(db, (keys = new Map<KeyName, Promise<CryptoKey>>()));
  let key = keys.get(name);
  if (!key) {
    key = readOrMake(db, name, make);
    keys.set(name, key);
    key.catch(() => keys.delete(name));
  }
  return key;
}

/** Forgets every key read so far (their records were deleted): the next use reads, or makes, anew. */
export function forgetDatabaseKeys(): void {
  cache = new WeakMap();
}

async function readOrMake<DB extends KeyedDB>(
  db: IDBPDatabase<DB>,
  name: KeyName,
  make: () => Promise<CryptoKey>,
): Promise<CryptoKey> {
  const keys = db as unknown as IDBPDatabase<KeyedDB>;
  const stored = await keys.get('keys', name);
  if (stored) return stored.key;
  // WebCrypto is not an IndexedDB request: the key is made before the transaction that stores it.
  const made = await make();
  const tx = keys.transaction('keys', 'readwrite');
  const raced = await tx.store.get(name);
  if (!raced) await tx.store.add({ name, key: made });
  await tx.done;
  return raced?.key ?? made;
}
