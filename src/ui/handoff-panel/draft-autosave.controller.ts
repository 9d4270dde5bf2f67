/**
 * The panel's draft kept across reloads and crashes: saved (masked, sealed) a moment after each change
 * and on `pagehide`, restored when the panel opens its case, and kept apart per case — a case switch
 * saves what was typed under the case it was typed for, and starts from the new case's own draft (a
 * panel without a case keeps its draft for its own tab: see drafts/draft-key.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, type SavedDraft } from '../../drafts/draft-store.js';
import type { HandoffDraft, Redaction } from '../../payload/types.js';
import { onLocalDataCleared } from '../../storage/local-data-events.js';
import type { HandoffPanelConfig } from '../shared/config.js';

const DEFAULT_DEBOUNCE_MS = 400;

/** What the autosave reads from and tells the panel. */
export interface AutosaveOptions {
  caseId(): string | undefined;
  config(): HandoffPanelConfig['drafts'];
  /** The draft on screen and its maskings: what is saved. */
  current(): { draft: HandoffDraft; redactions: Redaction[] };
  /** A saved draft for the case came back. */
  restored(saved: SavedDraft): void;
  /** The host moved to another case: the form starts again from what the host gives for it. */
  switched(): void;
}

export class DraftAutosave implements ReactiveController {
  /** The case the draft on screen belongs to (what it is saved under). */
  draftCase = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  #store: DraftStore | undefined;
  #stopListening: (() => void) | undefined;

  readonly #host: AutosaveOptions;

  constructor(element: ReactiveControllerHost, host: AutosaveOptions) {
    this.#host = host;
    element.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('pagehide', this.saveNow);
    // After clearLocalData() (a sign-out), a save still pending must not write the draft back.
    this.#stopListening = onLocalDataCleared(() => this.cancel());
    void this.#restore();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('pagehide', this.saveNow);
    this.#stopListening?.();
    this.saveNow();
  }

  /** Saves a moment after the last change (debounced). */
  schedule(): void {
    if (!this.#draftStore()) return;
    clearTimeout(this.#timer);
    const drafts = this.#host.config();
    this.#timer = setTimeout(this.saveNow, (drafts === false ? undefined : drafts)?.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  /** Forgets a pending save (the form was cleared). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Saves a pending change at once (`pagehide`, a case switch), under the case it was typed for. */
  readonly saveNow = (): void => {
    if (this.#timer === undefined) return;
    this.cancel();
    const { draft, redactions } = this.#host.current();
    void this.#draftStore()
      ?.save(this.draftCase, draft, redactions)
      .catch(() => undefined);
  };

  /** Deletes a case's saved draft (it was sent). */
  clear(caseId = this.draftCase): Promise<void> {
    return (
      this.#draftStore()
        ?.clear(caseId)
        .catch(() => undefined) ?? Promise.resolve()
    );
  }

  /**
   * Brings the draft to the host's case when it moved on. Another case on the same panel (a shared desk,
   * the next customer) is another customer: what was typed is saved under its own case, and the form
   * starts from the new case's saved draft or from what the host gives. A panel that had no case yet
   * keeps what was typed for the one it is given.
   */
  followCase(): void {
    const current = this.#host.caseId() ?? '';
    if (current === this.draftCase) return;
    if (this.draftCase === '') {
      // What was typed before the case was known now belongs to it; its tab-only copy goes.
      void this.clear('');
      this.draftCase = current;
      return;
    }
    this.saveNow();
    this.draftCase = current;
    this.#host.switched();
    void this.#restore();
  }

  #draftStore(): DraftStore | undefined {
    const drafts = this.#host.config();
    if (drafts === false) return undefined;
    this.#store ??= new DraftStore(drafts?.name, drafts?.ttlMs);
    return this.#store;
  }

  async #restore(): Promise<void> {
    const caseId = this.#host.caseId() ?? '';
    this.draftCase = caseId;
    const store = this.#draftStore();
    if (!store) return;
    const saved = await store.load(caseId).catch(() => undefined);
    void store.deleteExpired().catch(() => undefined);
    if (saved && caseId === (this.#host.caseId() ?? '')) this.#host.restored(saved);
  }
}
