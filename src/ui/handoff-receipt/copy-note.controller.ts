import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ackOf } from '../../acks/watch-acks.js';
import { toNote, type NoteOptions } from '../../notes/index.js';
import { emit } from '../events.js';
import type { CopyNoteOptions } from '../shared/config.js';
import type { HandoffAckV1 } from '../../payload/types.js';
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
  /** Bumped by each copy and reset: a clipboard answer for an earlier one is ignored. */
  #seq = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    // Nothing to start: the controller acts only when the button is pressed.
  }

  /** Forgets the last copy (another handoff is shown); called while the host updates. */
  reset(): void {
    this.#seq++;
    this.result = { state: 'idle' };
  }

  /** `ownAck`: the acknowledgement this agent just sent, not yet among the handoff's `acks`. */
  async copy(
    handoff: ReceivedHandoff,
    options: CopyNoteOptions & Pick<NoteOptions, 'template' | 'locale'> = {},
    ownAck?: HandoffAckV1,
  ): Promise<void> {
    const seq = ++this.#seq;
    const acks = (handoff.acks ?? []).map(ackOf);
    if (ownAck && !acks.some((a) => a.id === ownAck.id)) acks.push(ownAck);
    let text: string;
    try {
      text = toNote(handoff, {
        format: 'text',
        acks,
        limit: options.limit,
        timeZone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        template: options.template,
        locale: options.locale,
      });
    } catch (error) {
      this.#settle(seq, { state: 'failed', reason: (error as Error).message });
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      if (this.#settle(seq, { state: 'copied', bytes: new TextEncoder().encode(text).length }))
        emit(this.host, 'handoff-note-copied', { handoffId: handoff.id, text });
    } catch {
      if (this.#settle(seq, { state: 'manual', text })) await this.#selectNote();
    }
  }

  /** Puts focus on the note shown to copy by hand, selected, so Ctrl+C is all that is left. */
  async #selectNote(): Promise<void> {
    await this.host.updateComplete;
    const area = this.host.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea[part="note"]');
    area?.focus();
    area?.select();
  }

  #settle(seq: number, result: CopyNote): boolean {
    if (seq !== this.#seq) return false;
    this.result = result;
    this.host.requestUpdate();
    return true;
  }
}
