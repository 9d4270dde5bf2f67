/**
 * The quality of any handoff, judged from the payload alone: the rubric's eight moves (DOMAIN.md) as
 * checks that need no scenario. Every payload carries the result (`quality`); the panel shows what is
 * missing as a checklist that never blocks sending. Pure: no DOM, no Lit.
 */
import type { HandoffDraft, HandoffQuality, QualityCheck, QualityMiss, Redaction } from './types.js';

/** The moves a check belongs to, in the panel's order (the rubric's criteria). */
export const QUALITY_MOVES = [
  'reason',
  'informed',
  'recap',
  'verification',
  'actions',
  'managingUp',
  'fallback',
  'confidentiality',
] as const;
export type QualityMove = (typeof QUALITY_MOVES)[number];

/** Each check's move and the points it is worth; every move is worth 2. */
export const QUALITY_CHECK_RULES: Record<QualityCheck, { move: QualityMove; points: number }> = {
  'reason-detail': { move: 'reason', points: 2 },
  'customer-informed': { move: 'informed', points: 1 },
  'details-confirmed': { move: 'informed', points: 1 },
  'apology-given': { move: 'informed', points: 1 },
  'recap-summary': { move: 'recap', points: 1 },
  'recap-expectation': { move: 'recap', points: 1 },
  'verification-method': { move: 'verification', points: 1 },
  'customer-contact': { move: 'verification', points: 1 },
  'actions-listed': { move: 'actions', points: 1 },
  'action-due': { move: 'actions', points: 1 },
  'managing-up-receiver': { move: 'managingUp', points: 1 },
  'receiver-expertise': { move: 'managingUp', points: 1 },
  'fallback-number': { move: 'fallback', points: 1 },
  'if-unavailable': { move: 'fallback', points: 1 },
  'no-secrets-typed': { move: 'confidentiality', points: 2 },
};

/** The highest score: 2 points for each of the eight moves. */
export const QUALITY_MAX = QUALITY_MOVES.length * 2;

/** Fewer words than these say too little for a receiver to act on. */
const MIN_REASON_WORDS = 4;
const MIN_SUMMARY_WORDS = 10;

/** What the check reads: a finished payload or a draft (with the maskings made so far). */
export type QualityInput = HandoffDraft & { redactions?: readonly Redaction[] };

const wordCount = (text: unknown) => (typeof text === 'string' ? (text.match(/[\p{L}\p{N}]+/gu) ?? []).length : 0);
const filled = (text: unknown) => typeof text === 'string' && text.trim() !== '';
const lower = (text: string) => text.toLocaleLowerCase();

/** The managing-up line names the receiver: their name, team or expertise. */
function namesReceiver(input: QualityInput): boolean {
  const script = lower(input.script?.managingUp ?? '');
  const to = input.to ?? {};
  return [to.name, to.team, to.expertise].some((word) => filled(word) && script.includes(lower(word!.trim())));
}

/**
 * The receiver acts on the spot only when the customer is handed over in person, warm: every other
 * action the receiver owns needs a due time, or nobody knows when it is late.
 */
function undatedActions(input: QualityInput): QualityMiss[] {
  if (input.mode === 'warm' && input.channel === 'in-person') return [];
  return (input.actions ?? []).flatMap((action, i) =>
    (action?.owner ?? 'receiver') === 'receiver' && filled(action?.text) && !filled(action?.due)
      ? [{ check: 'action-due' as const, field: `actions[${i}].due` }]
      : [],
  );
}

function misses(input: QualityInput): QualityMiss[] {
  const list: QualityMiss[] = [];
  const need = (ok: boolean, check: QualityCheck, field: string) => {
    if (!ok) list.push({ check, field });
  };
  const script = input.script ?? {};
  const verification = input.customer?.verification ?? {};
  const contingency = input.contingency;
  const repeat = (input.transfer?.count ?? 1) >= 2;

  need(wordCount(input.reason?.detail) >= MIN_REASON_WORDS, 'reason-detail', 'reason.detail');
  need(script.customerInformed === true, 'customer-informed', 'script.customerInformed');
  if (repeat) need(script.apologyGiven === true, 'apology-given', 'script.apologyGiven');
  else need(script.detailsConfirmed === true, 'details-confirmed', 'script.detailsConfirmed');
  need(wordCount(input.recap?.summary) >= MIN_SUMMARY_WORDS, 'recap-summary', 'recap.summary');
  need(filled(input.recap?.expectation), 'recap-expectation', 'recap.expectation');
  // The receiver must know whether to verify, and if not, why they may trust it: the method; and how to
  // reach the customer they now own.
  if (verification.status === 'verified')
    need(filled(verification.method), 'verification-method', 'customer.verification.method');
  else need(verification.status === 'unverified', 'verification-method', 'customer.verification.status');
  const contact = input.customer?.contact ?? {};
  need(filled(contact.phone) || filled(contact.email), 'customer-contact', 'customer.contact.phone');
  need(
    (input.actions ?? []).some((a) => filled(a?.text)),
    'actions-listed',
    'actions',
  );
  list.push(...undatedActions(input));
  need(namesReceiver(input), 'managing-up-receiver', 'script.managingUp');
  need(filled(input.to?.expertise), 'receiver-expertise', 'to.expertise');
  need(
    filled(contingency?.fallback?.phone) || filled(input.from?.callback),
    'fallback-number',
    'contingency.fallback.phone',
  );
  need(
    filled(contingency?.ifUnavailable) || Boolean(contingency?.plans?.length) || filled(contingency?.note),
    'if-unavailable',
    'contingency.ifUnavailable',
  );
  const typed = input.redactions?.[0];
  if (typed) list.push({ check: 'no-secrets-typed', field: typed.field });
  return list;
}

/**
 * Scores a handoff on the moves of a good handoff, from what it says alone (no scenario): 2 points a
 * move, 16 in all, and each missing item with the field to fix. A check counts once however many
 * entries miss it (three undated actions lose one point, and are listed three times).
 */
export function assessQuality(input: QualityInput): HandoffQuality {
  const missing = misses(input);
  const lost = new Set(missing.map((m) => m.check));
  const score = QUALITY_MAX - [...lost].reduce((sum, check) => sum + QUALITY_CHECK_RULES[check].points, 0);
  return { score, max: QUALITY_MAX, missing };
}
