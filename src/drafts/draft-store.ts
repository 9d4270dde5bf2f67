/**
 * Autosaved drafts, one per case id, in the panel's own database. Card numbers are masked before
 * anything is written.
 */
import { redactDraft } from '../payload/redact.js';
import type { HandoffDraft, Redaction } from '../payload/types.js';
import { closeDraftsDB, openDraftsDB, type SavedDraft } from './db.js';

export type { SavedDraft } from './db.js';

export class DraftStore {
  constructor(readonly name = 'handoff-drafts') {}

  /** Saves the draft of a case, masked. Resolves with the maskings made. */
  async save(caseId: string, draft: HandoffDraft, earlier: readonly Redaction[] = []): Promise<Redaction[]> {
    const masked = redactDraft(draft);
    const redactions = [...earlier, ...masked.redactions];
    const db = await openDraftsDB(this.name);
    await db.put('drafts', { caseId, draft: masked.draft, redactions, savedAt: Date.now() });
    return masked.redactions;
  }

  async load(caseId: string): Promise<SavedDraft | undefined> {
    return (await openDraftsDB(this.name)).get('drafts', caseId);
  }

  async clear(caseId: string): Promise<void> {
    await (await openDraftsDB(this.name)).delete('drafts', caseId);
  }

  close(): void {
    closeDraftsDB(this.name);
  }
}
