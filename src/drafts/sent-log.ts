/**
 * The handoffs sent from each case, kept (without their payloads) so that a panel reopened on the case
 * shows what became of them until the agent dismisses them.
 */
import { openDraftsDB, type SentEntry } from './db.js';

export type { SentEntry, SentState } from './db.js';

/** Entries older than this are dropped when new ones are written: longer than any outbox retention. */
const KEEP_MS = 30 * 86_400_000;

export class SentLog {
  constructor(readonly name = 'handoff-drafts') {}

  async add(entry: SentEntry): Promise<void> {
    const db = await openDraftsDB(this.name);
    const tx = db.transaction('sent', 'readwrite');
    let cursor = await tx.store.openCursor();
    while (cursor) {
      if (entry.sentAt - cursor.value.sentAt > KEEP_MS) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.store.put(entry);
    await tx.done;
  }

  /** The case's entries the agent has not dismissed, newest first. */
  async forCase(caseId: string): Promise<SentEntry[]> {
    const db = await openDraftsDB(this.name);
    const entries = await db.getAllFromIndex('sent', 'caseId', caseId);
    return entries.filter((e) => !e.dismissed).sort((a, b) => b.sentAt - a.sentAt);
  }

  /** Changes an entry in place; nothing happens if it is gone. */
  async update(id: string, change: Partial<SentEntry>): Promise<void> {
    const db = await openDraftsDB(this.name);
    const tx = db.transaction('sent', 'readwrite');
    const entry = await tx.store.get(id);
    if (entry) await tx.store.put({ ...entry, ...change, id });
    await tx.done;
  }
}
