/**
 * Autosaved drafts, one per case, in the panel's own database. Card numbers and secrets are masked
 * before anything is written, the rest is sealed, and a draft older than its time to live is deleted
 * rather than restored.
 */
import { redactDraft } from '../payload/redact.js';
import type { HandoffDraft, Redaction } from '../payload/types.js';
import { seal, unseal } from '../storage/seal.js';
import { draftKey } from './draft-key.js';
import {
  DEFAULT_TTL_MS,
  caseName,
  closeDraftsDB,
  inOrder,
  openDraftsDB,
  sealingKey,
  type SavedDraft,
  type StoredDraft,
} from './db.js';

export type { SavedDraft } from './db.js';
export { DEFAULT_TTL_MS } from './db.js';

type Content = Pick<SavedDraft, 'draft' | 'redactions'>;

export class DraftStore {
  /**
   * @param name the database's name
   * @param ttlMs how long a draft is kept after its last save
   */
  constructor(
    readonly name = 'handoff-drafts',
    readonly ttlMs = DEFAULT_TTL_MS,
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Saves the draft of a case (`''`: of this tab's panel without one), masked and sealed. Resolves with
   * the maskings made.
   */
  save(caseId: string, draft: HandoffDraft, earlier: readonly Redaction[] = []): Promise<Redaction[]> {
    // Masked now, as the draft is at the call (the form goes on changing while earlier writes finish).
    const masked = redactDraft(draft);
    const content: Content = { draft: masked.draft, redactions: [...earlier, ...masked.redactions] };
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      const name = await caseName(db, draftKey(caseId));
      const sealed = await seal(await sealingKey(db), content, name);
      const savedAt = this.now();
      await db.put('drafts', { caseId: name, sealed, savedAt, expiresAt: savedAt + this.ttlMs });
      return masked.redactions;
    });
  }

  /** The case's draft; none once it expired (it is deleted then), or if it no longer opens. */
  load(caseId: string): Promise<SavedDraft | undefined> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      const name = await caseName(db, draftKey(caseId));
      const stored = await db.get('drafts', name);
      if (!stored) return undefined;
      if (this.#expired(stored)) {
        await db.delete('drafts', name);
        return undefined;
      }
      const content = await unseal<Content>(await sealingKey(db), stored.sealed, name).catch(() => undefined);
      return content && { caseId, ...content, savedAt: stored.savedAt };
    });
  }

  clear(caseId: string): Promise<void> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      await db.delete('drafts', await caseName(db, draftKey(caseId)));
    });
  }

  /** Deletes every draft past its time to live; returns how many. */
  deleteExpired(): Promise<number> {
    return inOrder(this.name, async () => {
      const db = await openDraftsDB(this.name);
      const tx = db.transaction('drafts', 'readwrite');
      let deleted = 0;
      let cursor = await tx.store.openCursor();
      while (cursor) {
        if (this.#expired(cursor.value)) {
          await cursor.delete();
          deleted++;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return deleted;
    });
  }

  /** Past the time to live it was saved with, or this store's (which may be shorter). */
  #expired({ expiresAt, savedAt }: Pick<StoredDraft, 'expiresAt' | 'savedAt'>): boolean {
    const now = this.now();
    return expiresAt <= now || savedAt + this.ttlMs <= now;
  }

  close(): void {
    closeDraftsDB(this.name);
  }
}
