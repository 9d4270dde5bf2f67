/**
 * Timing the receiver cannot meet: an action due in the past, or before the receiver can act on it
 * (their opening hours, and the notice the organisation gives), and a follow-up set outside their
 * hours. Instants only: the hours are read in the receiver's own zone. Pure: no DOM.
 */
import { openingAt } from '../directory/opening-hours.js';
import type { OpeningHours } from '../directory/types.js';
import type { HandoffDraft, TimingWarning } from '../payload/types.js';

export interface TimingContext {
  /** ms since the epoch. */
  now: number;
  /** The receiver's hours (from the directory); none means always open. */
  hours?: OpeningHours;
  /**
   * How long the receiver needs before a due time.
   * @default 0
   */
  minimumNoticeMinutes?: number;
}

const instant = (iso: unknown): number | undefined => {
  if (typeof iso !== 'string' || !iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Openings walked for a notice at most: a week's notice over a fortnight of short spans. */
const MAX_SPANS = 60;

/**
 * The first moment the receiver can act on something handed over now: the notice counted from when
 * they are open (now, or their next opening), as the notice is working time.
 */
export function canActFrom(context: TimingContext): number | undefined {
  const given = context.minimumNoticeMinutes ?? 0;
  const notice = (Number.isFinite(given) && given > 0 ? given : 0) * 60_000;
  if (!context.hours) return context.now + notice;
  // Spent only while they are open: what a closing leaves of it carries over to their next opening.
  let remaining = notice;
  let from: number | undefined = context.now;
  for (let span = 0; from !== undefined && span < MAX_SPANS; span++) {
    const opening = openingAt(context.hours, from);
    if (!opening.open) {
      from = opening.opensAt;
      continue;
    }
    if (from + remaining <= opening.closesAt!) return from + remaining;
    remaining -= opening.closesAt! - from;
    from = opening.closesAt;
  }
  return undefined;
}

/** The warnings for a draft's or a payload's actions and follow-up, at the fields they concern. */
export function timingWarnings(
  handoff: Pick<HandoffDraft, 'actions' | 'followUp'>,
  context: TimingContext,
): TimingWarning[] {
  const warnings: TimingWarning[] = [];
  const canAct = canActFrom(context);
  (handoff.actions ?? []).forEach((action, i) => {
    const due = instant(action?.due);
    if (due === undefined || !action?.text?.trim()) return;
    const field = `actions[${i}].due`;
    if (due <= context.now) warnings.push({ field, kind: 'past' });
    else if ((action.owner ?? 'receiver') === 'receiver' && (canAct === undefined || due < canAct))
      warnings.push({
        field,
        kind: 'before-receiver-can-act',
        ...(canAct === undefined ? {} : { canActAt: new Date(canAct).toISOString() }),
      });
  });
  const at = instant(handoff.followUp?.at);
  if (at !== undefined) {
    const field = 'followUp.at';
    if (at <= context.now) warnings.push({ field, kind: 'past' });
    // Only the receiver's own follow-up is theirs to make in their hours.
    else if (context.hours && handoff.followUp?.by !== 'sender' && !openingAt(context.hours, at).open) {
      const opensAt = openingAt(context.hours, at).opensAt;
      warnings.push({
        field,
        kind: 'outside-hours',
        ...(opensAt === undefined ? {} : { canActAt: new Date(opensAt).toISOString() }),
      });
    }
  }
  return warnings;
}

/**
 * Indexes of actions in the order a receiver works them: by due time, so the overdue ones first; the
 * undated last, in the order given.
 */
export function actionOrder(actions: readonly { due?: string }[]): number[] {
  const key = (i: number) => instant(actions[i]?.due) ?? Number.POSITIVE_INFINITY;
  return actions.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}
