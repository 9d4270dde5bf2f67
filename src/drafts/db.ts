/**
 * The panel's own IndexedDB database (independent of the outbox's): autosaved drafts, one per case,
 * and the log of handoffs sent from each case, so a reopened panel can say what became of them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { storageErrorFrom } from '../outbox/errors.js';
import type { HandoffDraft, Redaction } from '../payload/types.js';

export interface SavedDraft {
  /** The host's case id; `''` for a panel with none. */
  caseId: string;
  draft: HandoffDraft;
  /** Maskings applied to this draft so far, carried into the payload's `redactions`. */
  redactions: Redaction[];
  savedAt: number;
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
  ack?: { name: string; accepted: boolean; at: string; declineReason?: string };
  /** The agent dismissed it: no longer shown. */
  dismissed?: boolean;
}

export interface DraftsDB extends DBSchema {
  drafts: { key: string; value: SavedDraft };
  sent: { key: string; value: SentEntry; indexes: { caseId: string; sentAt: number } };
}

const VERSION = 2;
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
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        opened.delete(name);
      },
      terminated() {
        opened.delete(name);
      },
    }).catch((error: unknown) => {
      opened.delete(name);
      throw storageErrorFrom(error);
    });
    opened.set(name, db);
  }
  return db;
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
