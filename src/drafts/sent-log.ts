/**
 * The handoffs sent from each case, kept (without their payloads) so that a panel reopened on the case
 * shows what became of them until the agent dismisses them.
 */
import { openDraftsDB, type SentEntry } from './db.js';

export type { SentEntry, SentState } from './db.js';

/** Entries older than this are dropped: longer than any outbox retention. */
const KEEP_MS = 30 * 86_400_000;
/** At most this many entries per case are kept, the newest. */
export const KEEP_PER_CASE = 20;

export class SentLog {
  constructor(readonly name = 'handoff-drafts') {}

  /** Records a sent handoff (a send is on the agent's path: one write, no clean-up here). */
  async add(entry: SentEntry): Promise<void> {
    const db = await openDraftsDB(this.name);
    await db.put('sent', entry);
  }

  /**
   * The case's entries the agent has not dismissed, newest first. Cleans up on the way (this runs when
   * a panel opens a case): the case's entries beyond its newest 20, and anyone's older than 30 days.
   */
  async forCase(caseId: string, now = Date.now()): Promise<SentEntry[]> {
    const db = await openDraftsDB(this.name);
    const tx = db.transaction('sent', 'readwrite');
    const entries = (await tx.store.index('caseId').getAll(caseId)).sort((a, b) => b.sentAt - a.sentAt);
    const expired = await tx.store.index('sentAt').getAllKeys(IDBKeyRange.upperBound(now - KEEP_MS));
    const dropped = new Set([...entries.slice(KEEP_PER_CASE).map((e) => e.id), ...expired]);
    for (const id of dropped) await tx.store.delete(id);
    await tx.done;
    return entries.filter((e) => !dropped.has(e.id) && !e.dismissed);
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
