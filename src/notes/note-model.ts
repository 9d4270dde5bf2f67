/**
 * What a helpdesk note of a handoff says, as sections of lines. Each line says how it may give way
 * when the note must fit a limit: `keep` (ids, numbers, phone numbers, due times), `shorten` (free
 * text, cut at a word boundary down to `floor` characters) or `drop` (nice to have).
 */
import { maskLines, maskText } from '../payload/redact.js';
import type { HandoffAckV1, HandoffV1 } from '../payload/types.js';
import { noteDateTime } from './note-time.js';
import { templateSection, timingMark } from './note-template.js';
import { actionOrder } from '../timing/timing-warnings.js';

/** What a note needs besides the handoff. */
export interface NoteContext {
  timeZone: string;
  /** Labels of the organisation's fields, by path (`extensions.orderNumber`). */
  labels: Record<string, string>;
  /** ms since the epoch: actions due before it are overdue. */
  now: number;
}

export interface NoteLine {
  label?: string;
  text: string;
  give: 'keep' | 'shorten' | 'drop';
  /** Lines that give way first have the lowest rank. */
  rank: number;
  /** For `shorten`: the fewest characters it keeps. */
  floor?: number;
}

export interface NoteSection {
  title?: string;
  lines: NoteLine[];
}

const REASONS: Record<HandoffV1['reason']['code'], string> = {
  escalation: 'Escalation',
  specialist: 'Specialist needed',
  'shift-change': 'Shift change',
  'absence-cover': 'Absence cover',
  other: 'Other',
};

const IF_UNAVAILABLE: Record<NonNullable<HandoffV1['contingency']>['ifUnavailable'], string> = {
  callback: 'call the customer back',
  voicemail: 'leave a voicemail',
  requeue: 'put the customer back in the queue',
  other: 'see the note',
};

/** Free text is masked again here: a handoff read from a store may come from an older or other sender. */
const masked = (text: string) => maskText(text).text;
const keep = (label: string | undefined, text: string, rank = 100): NoteLine => ({
  label,
  text: masked(text),
  give: 'keep',
  rank,
});
/** Kept exactly as given: the handoff id the adapters find the note by, E.164 phone numbers. */
const exact = (label: string, text: string, rank = 100): NoteLine => ({ label, text, give: 'keep', rank });
const shorten = (label: string | undefined, text: string, rank: number, floor = 40): NoteLine => ({
  label,
  text: masked(text),
  give: 'shorten',
  rank,
  floor,
});
const drop = (label: string | undefined, text: string, rank: number): NoteLine => ({
  label,
  text: masked(text),
  give: 'drop',
  rank,
});
const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function noteSections(handoff: HandoffV1, acks: readonly HandoffAckV1[], context: NoteContext): NoteSection[] {
  const at = (iso: string) => noteDateTime(iso, context.timeZone);
  const h = handoff;
  const receiver = [h.to.name, h.to.team].filter(Boolean).join(', ');
  const sections: NoteSection[] = [
    {
      lines: [
        keep(
          undefined,
          `Handoff (${REASONS[h.reason.code]}, ${h.priority} priority, ${h.mode}, ${h.channel}) from ${h.from.name} to ${receiver}`,
        ),
        ...(h.training ? [keep(undefined, 'TRAINING: not a real customer.')] : []),
        keep('Sent', at(h.createdAt)),
        ...(h.transfer.flagged ? [keep('Priority lane', `transfer number ${h.transfer.count} for this customer`)] : []),
      ],
    },
    { title: 'Why', lines: [shorten(undefined, h.reason.detail, 60)] },
    { title: 'Customer', lines: customerLines(h, at) },
    { title: 'Recap', lines: recapLines(h) },
  ];
  // Overdue first: the receiver works them in that order.
  const order = actionOrder(h.actions);
  if (h.actions.length > 0)
    sections.push({ title: 'Actions', lines: order.map((i) => actionLine(h, i, at, context.now)) });
  const fields = templateSection(h, context.labels, at);
  if (fields) sections.push(fields);
  const later = laterLines(h, at, context.now);
  if (later.length > 0) sections.push({ title: 'Follow-up', lines: later });
  if (h.contingency) sections.push({ title: 'If the receiver cannot finish', lines: contingencyLines(h.contingency) });
  sections.push({
    title: 'Told the customer',
    lines: [
      keep(
        undefined,
        `informed of the transfer: ${yesNo(h.script.customerInformed)}; apology: ${yesNo(h.script.apologyGiven)}; details confirmed: ${yesNo(h.script.detailsConfirmed)}`,
        90,
      ),
      drop('Introduced the receiver as', h.script.managingUp, 10),
    ],
  });
  for (const ack of acks) sections.push({ title: ack.accepted ? 'Accepted' : 'Declined', lines: ackLines(ack, at) });
  sections.push({ lines: [exact('Handoff id', h.id, 1000), ...(h.case.url ? [drop('Case', h.case.url, 90)] : [])] });
  return sections;
}

function customerLines(h: HandoffV1, at: (iso: string) => string): NoteLine[] {
  const v = h.customer.verification;
  const verified =
    v.status === 'verified'
      ? `verified${v.method ? ` by ${v.method.replace(/-/g, ' ')}` : ''}${v.by ? ` (${v.by}` : ''}${v.by && v.at ? `, ${at(v.at)})` : v.by ? ')' : ''}: do not ask again`
      : 'NOT verified: verify before acting on the account';
  return [
    keep(
      undefined,
      [h.customer.name, h.customer.accountId && `account ${h.customer.accountId}`].filter(Boolean).join(', '),
    ),
    keep('Identity', verified),
    ...(h.customer.contact.phone ? [exact('Phone', h.customer.contact.phone, 95)] : []),
    ...(h.customer.contact.email ? [keep('Email', h.customer.contact.email, 30)] : []),
    ...(h.customer.language ? [keep('Language', h.customer.language, 30)] : []),
  ];
}

function recapLines(h: HandoffV1): NoteLine[] {
  return [
    shorten(undefined, h.recap.summary, 50, 120),
    ...(h.recap.expectation ? [shorten('Customer expects', h.recap.expectation, 80, 80)] : []),
    // Later attempts give way first: the first thing tried is usually what the receiver repeats. Masked
    // as one list, as the payload is, so a card number split over two entries is found.
    ...maskLines(h.recap.tried).lines.map((t, i) =>
      drop(i === 0 ? 'Already tried' : undefined, t, 20 - Math.min(i, 10)),
    ),
  ];
}

function actionLine(h: HandoffV1, i: number, at: (iso: string) => string, now: number): NoteLine {
  const a = h.actions[i]!;
  const due = a.due ? `, due ${at(a.due)}${timingMark(h, `actions[${i}].due`, a.due, now)}` : '';
  return shorten(`${a.owner}${due}`, a.text, 70, 40);
}

function laterLines(h: HandoffV1, at: (iso: string) => string, now: number): NoteLine[] {
  const lines: NoteLine[] = [];
  if (h.followUp) {
    lines.push(keep(`By ${h.followUp.by}`, `${at(h.followUp.at)}${timingMark(h, 'followUp.at', undefined, now)}`, 85));
    if (h.followUp.note) lines.push(shorten(undefined, h.followUp.note, 40));
  }
  if (h.nextSteps) lines.push(drop('Next steps', h.nextSteps, 15));
  return lines;
}

function contingencyLines(c: NonNullable<HandoffV1['contingency']>): NoteLine[] {
  const fallback = [c.fallback.phone, c.fallback.name, c.fallback.hours].filter(Boolean).join(', ');
  return [
    keep('Fallback', fallback),
    keep('Otherwise', IF_UNAVAILABLE[c.ifUnavailable], 90),
    ...(c.plans ?? []).map((p) => drop(undefined, `If ${p.if}: ${p.then}`, 12)),
    ...(c.note ? [shorten('Note', c.note, 30)] : []),
  ];
}

function ackLines(ack: HandoffAckV1, at: (iso: string) => string): NoteLine[] {
  return [
    keep(undefined, `by ${ack.by.name} at ${at(ack.at)}`, 95),
    ...(ack.declineReason ? [shorten('Reason', ack.declineReason, 75, 80)] : []),
    shorten('Read back', ack.readBack, 25, 60),
    ...readBackMissed(ack),
    ...(ack.questions ? [shorten('Questions', ack.questions, 35)] : []),
  ];
}

const FACT_NAMES = {
  amount: 'an amount',
  deadline: 'a deadline',
  expectation: 'the expectation',
  verification: 'the verification',
  fallback: 'the fallback',
} as const;

/** What the read-back check found missing (the receiver's own dismissals said as such). */
function readBackMissed(ack: HandoffAckV1): NoteLine[] {
  const names = (list: { kind: keyof typeof FACT_NAMES }[] = []) =>
    [...new Set(list.map((f) => FACT_NAMES[f.kind]))].join(', ');
  const missed = names(ack.readBackCheck?.missing);
  const dismissed = names(ack.readBackCheck?.dismissed);
  return [
    ...(missed ? [keep('Read-back missed', missed, 70)] : []),
    ...(dismissed ? [keep('Dismissed by the receiver', dismissed, 65)] : []),
  ];
}
