import type { HandoffAckV1, HandoffV1 } from '../payload/types.js';
import { fitNote } from './fit-note.js';
import { templateFieldLabels } from '../template/applies.js';
import type { HandoffTemplate } from '../template/types.js';
import { checkTemplate } from '../template/check-template.js';
import { noteSections, type NoteLine } from './note-model.js';
import { checkTimeZone } from './note-time.js';
import { NOTE_FORMATS, renderNote, type NoteFormat } from './render-note.js';

/** Limits of the places receivers keep notes, in UTF-8 bytes. */
export const NOTE_LIMITS = {
  /** Salesforce `CaseComment.CommentBody`: 4,000 bytes. */
  salesforceCaseComment: 4000,
} as const;

export interface NoteOptions {
  /**
   * Plain text (Salesforce case comments), Markdown, or HTML (Zendesk `html_body`, Freshdesk notes).
   * @default 'text'
   */
  format?: NoteFormat;
  /**
   * The most UTF-8 bytes the note may take; free text is shortened at word boundaries to fit.
   * @default no limit
   */
  limit?: number;
  /** The receivers' acknowledgements of this handoff, shown after it in the order given. */
  acks?: readonly HandoffAckV1[];
  /**
   * The IANA time zone date-times are shown in, named beside each one.
   * @default 'UTC'
   */
  timeZone?: string;
  /** The organisation's template: its fields are named by their labels (else by their keys). */
  template?: HandoffTemplate;
  /** The locale of those labels. @default 'en' */
  locale?: string;
  /**
   * The clock: actions due before now are marked overdue and listed first.
   * @default () => new Date()
   */
  now?: () => Date;
}

const SHORTENED: NoteLine = {
  text: 'Shortened to fit this note; the full handoff is in the handoff record.',
  give: 'keep',
  rank: 1000,
};

/**
 * A handoff (and its acknowledgements) as an internal helpdesk note. Free text is masked as in the
 * payload; when `limit` is given, the note is shortened to fit it without cutting a number in half.
 */
export function toNote(handoff: HandoffV1, options: NoteOptions = {}): string {
  const { format = 'text', limit, acks = [], timeZone = 'UTC', template, locale, now = () => new Date() } = options;
  if (!NOTE_FORMATS.includes(format)) {
    throw new TypeError(`toNote: format must be one of ${NOTE_FORMATS.join(', ')}; got ${JSON.stringify(format)}.`);
  }
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    throw new TypeError(`toNote: limit is a number of bytes, a whole number above 0; got ${JSON.stringify(limit)}.`);
  }
  checkTimeZone(timeZone);
  // Checked, so that a broken one says what is wrong; another template's labels would misname the fields.
  const checked = template === undefined ? undefined : checkTemplate(template);
  const same = checked && handoff.template?.id === checked.id;
  const labels = same ? templateFieldLabels(checked, locale) : {};
  const sections = noteSections(handoff, acks, { timeZone, labels, now: now().getTime() });
  const render = (s: typeof sections) => renderNote(s, format);
  return limit === undefined ? render(sections) : fitNote(sections, render, limit, SHORTENED);
}
