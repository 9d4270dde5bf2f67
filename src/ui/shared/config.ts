/**
 * What the elements take in `config`, and the page-wide defaults the script tag's `configure()` sets.
 * Types only: every element and the defaults module import them from here.
 */
import type { AckWatchOptions } from '../../acks/watch-acks.js';
import type { AvailabilityHook, DirectoryEntry } from '../../directory/types.js';
import type { OutboxOptions } from '../../outbox/options.js';
import type { HttpOptions } from '../../outbox/transport.js';
import type { HandoffMessages, HandoffMessagesOverride } from '../messages/catalogue.js';
import type { HandoffTemplate } from '../../template/types.js';

/** What every element takes. */
export interface ElementConfig {
  /** Outbox options; the endpoint comes from the `endpoint` attribute unless given here. */
  outbox?: Partial<OutboxOptions>;
  /**
   * A whole catalogue (e.g. `es`) or overrides of some strings.
   * @default the catalogue registered for the element's language
   */
  messages?: HandoffMessages | HandoffMessagesOverride;
  /**
   * The element's language.
   * @default the nearest `lang` attribute, then `<html lang>`, then `en`
   */
  locale?: string;
}

export interface HandoffPanelConfig extends ElementConfig {
  /** Country calling code for phone numbers typed in national form, e.g. `44`. */
  defaultCallingCode?: string;
  /**
   * Transfer count from which a contact is flagged for the priority lane.
   * @default 2
   */
  flagThreshold?: number;
  /**
   * Draft autosave; `false` turns it off (and keeps the log of sent handoffs in memory only). A draft
   * is deleted, not restored, `ttlMs` after its last save.
   * @default { name: 'handoff-drafts', debounceMs: 400, ttlMs: 86400000 }
   */
  drafts?: false | { name?: string; debounceMs?: number; ttlMs?: number };
  /**
   * How the panel learns that the receiver acknowledged a delivered handoff; `false` turns it off.
   * @default { transport: 'poll' }: GET `<endpoint>/<id>`, stopping quietly if the endpoint has no such route
   */
  acks?: false | AckWatchOptions;
  /**
   * `false` leaves `quality` out of the payloads (for an endpoint that still validates with the v1
   * schema published before it); the checklist is shown either way.
   * @default true
   */
  quality?: boolean;
  /**
   * The receiver directory: entries, or the URL of a JSON array of them (fetched once per page). Picking
   * an entry fills the receiver, the expertise and the contingency; the panel says when they are closed.
   */
  directory?: readonly DirectoryEntry[] | string;
  /** Asks the host's presence system about an entry (the picked one, and open alternatives). */
  availability?: AvailabilityHook;
  /**
   * The organisation's template: its own fields, the moves its protocol requires per reason and channel,
   * its checklist and the notice its receivers need (see `checkTemplate`). One with problems is not used:
   * the panel says what to fix.
   */
  template?: HandoffTemplate;
}

/** "Copy as note" on `<handoff-receipt>`. */
export interface CopyNoteOptions {
  /** UTF-8 bytes the helpdesk's note field takes (Salesforce case comments: 4000). @default no limit */
  limit?: number;
  /** @default the browser's own time zone */
  timeZone?: string;
}

/** `<handoff-receipt>`'s config; `headers`, `credentials` and `fetch` are for loading `src`. */
export interface HandoffReceiptConfig extends ElementConfig, HttpOptions {
  /** "Copy as note": the helpdesk's note limit in bytes and the time zone shown. */
  note?: CopyNoteOptions;
  /**
   * The receiver's time zone: the read-back check reads "Friday" and "tomorrow" on its calendar.
   * @default the browser's own time zone
   */
  timeZone?: string;
  /**
   * `false`: no questions about the read-back, and no `readBackCheck` in the acknowledgement (for an
   * endpoint that still validates with the ack schema published before it).
   * @default true
   */
  readBackCheck?: boolean;
  /** The organisation's template: the receipt and the note name its fields by its labels (else by their keys). */
  template?: HandoffTemplate;
}

/** Page-wide defaults for every element; an element's own attributes and `config` take precedence. */
export interface ElementDefaults extends HandoffPanelConfig {
  endpoint?: string;
}
