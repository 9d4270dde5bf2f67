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

/** Reads the named key, storing `make()`'s if there is none yet. */
export async function databaseKey<DB extends KeyedDB>(
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
