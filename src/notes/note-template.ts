/**
 * The organisation's part of a note: its fields by their labels (the template's, else their keys) and
 * its checklist as ticked; and the timing marks on the actions and the follow-up.
 */
import { isDateTime } from '../payload/checker.js';
import { maskText } from '../payload/redact.js';
import type { HandoffV1, TimingWarning } from '../payload/types.js';
import type { NoteLine, NoteSection } from './note-model.js';

const TIMING: Record<TimingWarning['kind'], string> = {
  past: 'already due when sent',
  'before-receiver-can-act': 'due before the receiver could act',
  'outside-hours': "outside the receiving team's hours",
};

/** What the note adds after a due time: overdue now, or the warning the sender had. */
export function timingMark(h: HandoffV1, field: string, due: string | undefined, now: number): string {
  const warning = h.timing?.find((w) => w.field === field);
  if (due !== undefined && Date.parse(due) <= now) return ' (OVERDUE)';
  return warning ? ` (${TIMING[warning.kind]})` : '';
}

function valueText(value: string | number | boolean, at: (iso: string) => string): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return isDateTime(value) ? at(value) : maskText(value).text;
}

export function templateSection(
  h: HandoffV1,
  labels: Record<string, string>,
  at: (iso: string) => string,
): NoteSection | undefined {
  const fields: NoteLine[] = Object.entries(h.extensions ?? {}).map(([key, value]) => ({
    label: labels[`extensions.${key}`] ?? key,
    text: labels[`extensions.${key}=${value}`] ?? valueText(value, at),
    give: typeof value === 'string' && !isDateTime(value) ? 'shorten' : 'keep',
    rank: 75,
    floor: 40,
  }));
  const checklist: NoteLine[] = (h.template?.checklist ?? []).map((item) => ({
    label: item.label,
    text: item.checked ? 'yes' : 'NO',
    give: 'keep',
    rank: 72,
  }));
  if (!fields.length && !checklist.length) return undefined;
  const title = h.template
    ? `${h.template.id}${h.template.version ? ` (${h.template.version})` : ''}`
    : 'Custom fields';
  return { title, lines: [...fields, ...checklist] };
}
