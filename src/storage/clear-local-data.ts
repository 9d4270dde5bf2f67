/**
 * What an integrator calls on sign-out, or when a shared desk changes hands: every draft and the log of
 * sent handoffs removed, with their keys (so what the browser may keep of deleted records on disk can
 * no longer be opened), and the outbox's undelivered items kept — unless the agent confirmed they are
 * not wanted.
 */
import { inOrder, openDraftsDB } from '../drafts/db.js';
import { DEFAULTS } from '../outbox/options.js';
import { OutboxStore } from '../outbox/store.js';
import { announceLocalDataCleared } from './local-data-events.js';

export interface ClearLocalDataOptions {
  /**
   * Handoffs and acknowledgements not delivered yet: `'keep'` leaves them to be delivered (by this or
   * a later page); `'discard'` deletes them — only after the agent confirmed that they are not wanted,
   * since nobody will ever receive them.
   * @default 'keep'
   */
  undelivered?: 'keep' | 'discard';
  /**
   * The drafts database, if configured (`config.drafts.name`).
   * @default 'handoff-drafts'
   */
  drafts?: string;
  /**
   * The outbox database, if configured (`name`).
   * @default 'handoff-outbox'
   */
  outbox?: string;
}

export interface LocalDataCleared {
  /** Drafts removed. */
  drafts: number;
  /** Entries of the log of sent handoffs removed. */
  sent: number;
  /** Undelivered items left in the outbox (with `undelivered: 'keep'`): ask the agent about them. */
  undeliveredKept: number;
  /** Undelivered items deleted (with `undelivered: 'discard'`). */
  undeliveredDiscarded: number;
}

export async function clearLocalData(options: ClearLocalDataOptions = {}): Promise<LocalDataCleared> {
  const undelivered = options.undelivered ?? 'keep';
  if (undelivered !== 'keep' && undelivered !== 'discard') {
    throw new TypeError(
      `clearLocalData(): undelivered must be 'keep' or 'discard', not ${JSON.stringify(undelivered)}.`,
    );
  }
  // Panels in this page and other tabs stop a pending autosave first, so nothing is written back after.
  announceLocalDataCleared();
  const draftsName = options.drafts ?? 'handoff-drafts';
  const drafts = await inOrder(draftsName, () => clearDrafts(draftsName));
  const outbox = await clearOutbox(options.outbox ?? DEFAULTS.name, undelivered === 'discard');
  return { ...drafts, ...outbox };
}

async function clearDrafts(name: string): Promise<Pick<LocalDataCleared, 'drafts' | 'sent'>> {
  const db = await openDraftsDB(name);
  const tx = db.transaction(['drafts', 'sent', 'keys'], 'readwrite');
  const [drafts, sent] = await Promise.all([tx.objectStore('drafts').count(), tx.objectStore('sent').count()]);
  await Promise.all([
    tx.objectStore('drafts').clear(),
    tx.objectStore('sent').clear(),
    tx.objectStore('keys').clear(),
    tx.done,
  ]);
  return { drafts, sent };
}

async function clearOutbox(
  name: string,
  discard: boolean,
): Promise<Pick<LocalDataCleared, 'undeliveredKept' | 'undeliveredDiscarded'>> {
  const store = new OutboxStore(name);
  try {
    const db = await store.db();
    const tx = db.transaction('items', 'readwrite');
    let undeliveredCount = 0;
    let cursor = await tx.store.openCursor();
    while (cursor) {
      const delivered = cursor.value.state === 'delivered';
      if (!delivered) undeliveredCount++;
      if (delivered || discard) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
    return discard
      ? { undeliveredKept: 0, undeliveredDiscarded: undeliveredCount }
      : { undeliveredKept: undeliveredCount, undeliveredDiscarded: 0 };
  } finally {
    await store.close();
  }
}
