/**
 * The panel's own IndexedDB database (independent of the outbox's): autosaved drafts, one per case,
 * and the log of handoffs sent from each case, so a reopened panel can say what became of them.
 *
 * Nothing the agent typed is stored in clear: a draft and a log entry's receiver and answer are sealed
 * (see storage/seal.ts), and the case id they are filed under is stored as its HMAC.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { storageErrorFrom } from '../outbox/errors.js';
import type { HandoffDraft, ReadBackFactKind, Redaction } from '../payload/types.js';
import { databaseKey, forgetDatabaseKeys, type KeyName, type KeyedDB } from '../storage/keys.js';
import { onLocalDataCleared } from '../storage/local-data-events.js';
import { redactDraft } from '../payload/redact.js';
import { draftKey } from './draft-key.js';
import { lookupName, newLookupKey, newSealingKey, seal, type Sealed } from '../storage/seal.js';

/** A draft as the panel uses it. */
export interface SavedDraft {
  /** The host's case id; `''` for a panel with none. */
  caseId: string;
  draft: HandoffDraft;
  /** Maskings applied to this draft so far, carried into the payload's `redactions`. */
  redactions: Redaction[];
  savedAt: number;
}

/** A draft as stored: filed under its case id's HMAC, its content sealed. */
export interface StoredDraft {
  /** The HMAC of the draft's key (the keyPath keeps its old name). */
  caseId: string;
  /** `{ draft, redactions }`. */
  sealed: Sealed;
  savedAt: number;
  /** After this it is deleted, never restored. */
  expiresAt: number;
}

/** What became of a sent handoff, as this panel last learnt it. */
export type SentState = 'queued' | 'delivered' | 'dead' | 'discarded';

/** One handoff sent from a case: what the panel needs to show its fate later. No payload. */
export interface SentEntry {
  /** The handoff id. */
  id: string;
  caseId: string;
  /** The outbox endpoint it was queued for (absolute). */
  endpoint: string;
  /** Who it went to, as the panel shows it: "Dana Whitfield, Billing supervisors". */
  receiver: string;
  sentAt: number;
  state: SentState;
  /** The receiver's answer, once known. */
  /** `missed`: the kinds of facts the receiver's read-back left out (deduplicated). */
  ack?: { name: string; accepted: boolean; at: string; declineReason?: string; missed?: ReadBackFactKind[] };
  /** The agent dismissed it: no longer shown. */
  dismissed?: boolean;
}

/** The part of a log entry sealed at rest. */
export type SentSecrets = Pick<SentEntry, 'receiver' | 'ack'>;

export type StoredSentEntry = Omit<SentEntry, 'receiver' | 'ack'> & { sealed: Sealed };

export interface DraftsDB extends DBSchema, KeyedDB {
  drafts: { key: string; value: StoredDraft };
  sent: { key: string; value: StoredSentEntry; indexes: { caseId: string; sentAt: number } };
}

const VERSION = 3;
const opened = new Map<string, Promise<IDBPDatabase<DraftsDB>>>();

/** Opens (once per name and page) the database, upgrading it; a failed open is retried next time. */
export function openDraftsDB(name: string): Promise<IDBPDatabase<DraftsDB>> {
  if (typeof indexedDB === 'undefined') return Promise.reject(storageErrorFrom({ name: 'SecurityError' }));
  let db = opened.get(name);
  if (!db) {
    db = openDB<DraftsDB>(name, VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('drafts', { keyPath: 'caseId' });
        if (oldVersion < 2) {
          const sent = database.createObjectStore('sent', { keyPath: 'id' });
          sent.createIndex('caseId', 'caseId');
          sent.createIndex('sentAt', 'sentAt');
        }
        if (oldVersion < 3) database.createObjectStore('keys', { keyPath: 'name' });
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        opened.delete(name);
      },
      terminated() {
        opened.delete(name);
      },
    })
      .then(async (database) => {
        await sealClearRecords(database);
        return database;
      })
      .catch((error: unknown) => {
        opened.delete(name);
        throw storageErrorFrom(error);
      });
    opened.set(name, db);
  }
  return db;
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs the operations on one database in the order they were asked for, in this page. Sealing is
 * asynchronous work before each write: without this, a draft saved on a case switch could be written
 * after the new case's draft was read, and a handoff logged just before a reload could be missing
 * from the next panel's list.
 */
export function inOrder<T>(name: string, operation: () => Promise<T>): Promise<T> {
  const run = (queues.get(name) ?? Promise.resolve()).then(operation, operation);
  queues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

/** Closes the page's connection to `name` (tests delete the database after). */
export function closeDraftsDB(name: string): void {
  const db = opened.get(name);
  opened.delete(name);
  void db?.then(
    (d) => d.close(),
    () => undefined,
  );
}

let forgetOnClear: (() => void) | undefined;

/**
 * A key of the database, read once per connection and forgotten when local data is cleared here or in
 * another tab: `clearLocalData()` deletes the keys, and nothing may be sealed with them after.
 */
function cachedKey(db: IDBPDatabase<DraftsDB>, name: KeyName, make: () => Promise<CryptoKey>): Promise<CryptoKey> {
  forgetOnClear ??= onLocalDataCleared(forgetDatabaseKeys);
  return databaseKey(db, name, make);
}

export const sealingKey = (db: IDBPDatabase<DraftsDB>): Promise<CryptoKey> => cachedKey(db, 'sealing', newSealingKey);
export const lookupKey = (db: IDBPDatabase<DraftsDB>): Promise<CryptoKey> => cachedKey(db, 'lookup', newLookupKey);

/** The name a case's records are filed under. */
export async function caseName(db: IDBPDatabase<DraftsDB>, caseKey: string): Promise<string> {
  return lookupName(await lookupKey(db), caseKey);
}

interface ClearDraft {
  caseId: string;
  draft: HandoffDraft;
  redactions: Redaction[];
  savedAt: number;
}

/**
 * Drafts and log entries written in clear by a version before 3 are sealed, and filed under their
 * case id's HMAC, the first time the database is opened.
 */
async function sealClearRecords(db: IDBPDatabase<DraftsDB>): Promise<void> {
  const drafts = (await db.getAll('drafts')) as unknown as (StoredDraft | ClearDraft)[];
  for (const old of drafts) {
    if (!('draft' in old)) continue;
    // The one draft every panel without a case used to share is nobody's to restore.
    if (old.caseId === '') {
      await db.delete('drafts', '');
      continue;
    }
    const name = await caseName(db, draftKey(old.caseId));
    // Written by an older masking, which knew only some card numbers and no other secrets: masked again.
    const masked = redactDraft(old.draft);
    const content = { draft: masked.draft, redactions: [...old.redactions, ...masked.redactions] };
    const sealed = await seal(await sealingKey(db), content, name);
    const tx = db.transaction('drafts', 'readwrite');
    await tx.store.delete(old.caseId);
    await tx.store.put({ caseId: name, sealed, savedAt: old.savedAt, expiresAt: old.savedAt + DEFAULT_TTL_MS });
    await tx.done;
  }
  const entries = (await db.getAll('sent')) as unknown as (StoredSentEntry | SentEntry)[];
  for (const old of entries) {
    if ('receiver' in old) await db.put('sent', await sealedEntry(db, old, await caseName(db, old.caseId)));
  }
}

/** A log entry as stored: who it went to and their answer sealed, filed under `filedAs` (its case's name). */
export async function sealedEntry(
  db: IDBPDatabase<DraftsDB>,
  entry: SentEntry,
  filedAs: string,
): Promise<StoredSentEntry> {
  const { receiver, ack, ...rest } = entry;
  const secrets: SentSecrets = ack ? { receiver, ack } : { receiver };
  return { ...rest, caseId: filedAs, sealed: await seal(await sealingKey(db), secrets, entry.id) };
}

/** Drafts are kept this long unless configured otherwise. */
export const DEFAULT_TTL_MS = 24 * 3_600_000;
