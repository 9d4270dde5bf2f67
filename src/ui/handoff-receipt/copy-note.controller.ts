import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ackOf } from '../../acks/watch-acks.js';
import { toNote } from '../../notes/index.js';
import { emit } from '../events.js';
import type { CopyNoteOptions } from '../shared/config.js';
import type { ReceivedHandoff } from './received.js';

/** What the last "Copy as note" did: copied, left for the agent to copy by hand, or refused. */
export type CopyNote =
  | { state: 'idle' }
  | { state: 'copied'; bytes: number }
  | { state: 'manual'; text: string }
  | { state: 'failed'; reason: string };

/**
 * "Copy as note" on the receipt: the handoff and its acknowledgements as a plain-text internal note on
 * the clipboard. Where the browser refuses the clipboard, the note is shown to copy by hand.
 */
export class CopyNoteController implements ReactiveController {
  result: CopyNote = { state: 'idle' };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the controller acts only when the button is pressed.
  }

  /** Forgets the last copy (another handoff is shown); called while the host updates. */
  reset(): void {
    this.result = { state: 'idle' };
  }

  async copy(handoff: ReceivedHandoff, options: CopyNoteOptions = {}): Promise<void> {
    let text: string;
    try {
      text = toNote(handoff, {
        format: 'text',
        acks: (handoff.acks ?? []).map(ackOf),
        limit: options.limit,
        timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    } catch (error) {
      this.#settle({ state: 'failed', reason: (error as Error).message });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this.#settle({ state: 'copied', bytes: new TextEncoder().encode(text).length });
      emit(this.host, 'handoff-note-copied', { handoffId: handoff.id, text });
    } catch {
      this.#settle({ state: 'manual', text });
    }
  }

  #settle(result: CopyNote): void {
    this.result = result;
    this.host.requestUpdate();
  }
}
