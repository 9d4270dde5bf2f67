/**
 * The handoffs sent from each case, kept (without their payloads) so that a panel reopened on the case
 * shows what became of them until the agent dismisses them. Who each went to and their answer are
 * sealed; the case is filed under its HMAC.
 */
import type { IDBPDatabase } from 'idb';
import { unseal } from '../storage/seal.js';
import {
  caseName,
  inOrder,
  openDraftsDB,
  sealedEntry,
  sealingKey,
  type DraftsDB,
  type SentEntry,
  type SentSecrets,
  type StoredSentEntry,
} from './db.js';

export type { SentEntry, SentState } from './db.js';

/** Entries older than this are dropped: longer than any outbox retention. */
const KEEP_MS = 30 * 86_400_000;
/** At most this many entries per case are kept, the newest. */
export const KEEP_PER_CASE = 20;

export class SentLog {
  constructor(readonly name = 'handoff-drafts') {}

  /** Records a sent handoff (a send is on the agent's path: one write, no clean-up here). */
  add(entry: SentEntry): Promise<void> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      await db.put('sent', await sealedEntry(db, entry, await caseName(db, entry.caseId)));
    });
  }

  /**
   * The case's entries the agent has not dismissed, newest first. Cleans up on the way (this runs when
   * a panel opens a case): the case's entries beyond its newest 20, and anyone's older than 30 days.
   */
  forCase(caseId: string, now = Date.now()): Promise<SentEntry[]> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      const name = await caseName(db, caseId);
      const tx = db.transaction('sent', 'readwrite');
      const entries = (await tx.store.index('caseId').getAll(name)).sort((a, b) => b.sentAt - a.sentAt);
      const expired = await tx.store.index('sentAt').getAllKeys(IDBKeyRange.upperBound(now - KEEP_MS));
      const dropped = new Set([...entries.slice(KEEP_PER_CASE).map((e) => e.id), ...expired]);
      for (const id of dropped) await tx.store.delete(id);
      await tx.done;
      const kept = entries.filter((e) => !dropped.has(e.id) && !e.dismissed);
      const opened = await Promise.all(kept.map((entry) => open(db, entry, caseId)));
      return opened.filter((entry): entry is SentEntry => entry !== undefined);
    });
  }

  /** Deletes an entry (its handoff was never saved after all). */
  remove(id: string): Promise<void> {
    return inOrder(this.name, async () => {
      await (await openDraftsDB(this.name)).delete('sent', id);
    });
  }

  /** Changes an entry in place; nothing happens if it is gone. */
  update(id: string, change: Partial<SentEntry>): Promise<void> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      const entry = await db.get('sent', id);
      if (!entry) return;
      const current = await open(db, entry, '');
      if (!current) return;
      // Sealing is not an IndexedDB request: written in a transaction of its own.
      await db.put('sent', await sealedEntry(db, { ...current, ...change, id }, entry.caseId));
    });
  }
}

async function open(
  db: IDBPDatabase<DraftsDB>,
  entry: StoredSentEntry,
  caseId: string,
): Promise<SentEntry | undefined> {
  const secrets = await unseal<SentSecrets>(await sealingKey(db), entry.sealed, entry.id).catch(() => undefined);
  if (!secrets) return undefined;
  const { sealed: _sealed, ...rest } = entry;
  return { ...rest, ...secrets, caseId };
}
