/**
 * Autosaved drafts, one per case id, in their own IndexedDB database (independent of the outbox's
 * schema). Card numbers are masked before anything is written.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { redactDraft, type DraftRedaction } from '../payload/redact.js';
import type { HandoffDraft } from '../payload/types.js';
import { storageErrorFrom } from '../outbox/errors.js';

export interface SavedDraft {
  /** The host's case id; `''` for a panel with none. */
  caseId: string;
  draft: HandoffDraft;
  /** Maskings applied to this draft so far, carried into the payload's `redactions`. */
  redactions: DraftRedaction[];
  savedAt: number;
}

interface DraftsDB extends DBSchema {
  drafts: { key: string; value: SavedDraft };
}

export class DraftStore {
  private db: Promise<IDBPDatabase<DraftsDB>> | undefined;

  constructor(readonly name = 'handoff-drafts') {}

  private open(): Promise<IDBPDatabase<DraftsDB>> {
    if (typeof indexedDB === 'undefined') return Promise.reject(storageErrorFrom({ name: 'SecurityError' }));
    this.db ??= openDB<DraftsDB>(this.name, 1, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'caseId' });
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
      },
    }).catch((error: unknown) => {
      this.db = undefined;
      throw storageErrorFrom(error);
    });
    return this.db;
  }

  /** Saves the draft of a case, masked. Resolves with the maskings made. */
  async save(caseId: string, draft: HandoffDraft, earlier: readonly DraftRedaction[] = []): Promise<DraftRedaction[]> {
    const masked = redactDraft(draft);
    const redactions = [...earlier, ...masked.redactions];
    const db = await this.open();
    await db.put('drafts', { caseId, draft: masked.draft, redactions, savedAt: Date.now() });
    return masked.redactions;
  }

  async load(caseId: string): Promise<SavedDraft | undefined> {
    return (await this.open()).get('drafts', caseId);
  }

  async clear(caseId: string): Promise<void> {
    await (await this.open()).delete('drafts', caseId);
  }

  close(): void {
    void this.db?.then((db) => {
      db.close();
    });
    this.db = undefined;
  }
}
