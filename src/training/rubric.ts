/**
 * Trainer mode: scores a handoff against a scenario's expectations on the rubric of a good handoff
 * (DOMAIN.md's moves), with feedback on what was missed. Pure: no DOM, no Lit.
 *
 * Scenarios are JSON data files a trainer writes (see demo/scenarios/); `checkScenario` says exactly
 * what is wrong with one, so a typo never silently breaks the scoring.
 */
import { checkDirectory } from '../directory/check-directory.js';
import type { HandoffDraft, HandoffV1, ReasonCode, VerificationStatus } from '../payload/types.js';
import { REASON_CODES } from '../payload/types.js';
import { QUALITY_CHECK_RULES, QUALITY_MOVES, type QualityMove } from '../payload/quality.js';
import type { QualityCheck } from '../payload/types.js';
import { localised, requiredChecks, unmetRequirements } from '../template/applies.js';
import type { HandoffTemplate } from '../template/types.js';

/** A list of alternatives: the handoff mentions the idea if it contains any of them (case-insensitive). */
export type Mention = string[];

export interface ScenarioExpectations {
  /** Reason codes that fit. */
  reasonCodes: ReasonCode[];
  /** Ideas the reason's detail must mention. */
  reasonMentions?: Mention[];
  /** Ideas the recap (summary, what was tried, expectation) must mention. */
  recapMentions: Mention[];
  /** Whether something was already tried that the recap must list. */
  tried?: boolean;
  /** The customer's real verification state, which the handoff must carry. */
  verification: VerificationStatus;
  /** How many actions at least, and how many of them with a due time. */
  actions: { min: number; withDue: number };
  /** Words that identify the right receiving team. */
  receiverTeam: Mention;
  /** Whether an apology is expected (repeat transfers, a failure on our side). */
  apology?: boolean;
  /** Whether a plan for "nobody picks up" is expected beyond the fallback number. */
  ifUnavailablePlan?: boolean;
  /** Text that must never appear in the handoff (secrets, card numbers, irrelevant sensitive notes). */
  confidential: string[];
}

export interface Scenario {
  id: string;
  title: string;
  /** Where the story comes from (a seed document, DOMAIN.md). */
  source?: string;
  /** What the trainee is told about the situation. */
  situation: string;
  /** What the CRM shows: passed to the page's case view and customer record. */
  crm: Record<string, unknown>;
  expect: ScenarioExpectations;
  /** Extra coaching per criterion, shown when it is not fully met. */
  tips?: Partial<Record<CriterionId, string>>;
  /** A model answer: a handoff that meets every criterion (the tests hold each scenario to it). */
  model?: HandoffDraft;
}

/** The rubric's criteria: the moves of a good handoff, as the payload-only quality check names them. */
export const CRITERIA = QUALITY_MOVES;
export type CriterionId = QualityMove;

export const CRITERION_LABELS: Record<CriterionId, string> = {
  reason: 'Reason explained',
  informed: 'Customer informed',
  recap: 'Recap complete',
  verification: 'Verification carried',
  actions: 'Actions with deadlines',
  managingUp: 'Managing up',
  fallback: 'Fallback contact',
  confidentiality: 'Confidentiality kept',
};

export interface CriterionResult {
  id: CriterionId;
  label: string;
  points: number;
  max: number;
  verdict: 'met' | 'partial' | 'missed';
  /** What was missed, one line each; empty when met. */
  feedback: string[];
}

export interface RubricResult {
  scenarioId: string;
  points: number;
  max: number;
  /** 0–100, rounded. */
  percent: number;
  criteria: CriterionResult[];
}

const lower = (text: string) => text.toLocaleLowerCase();
const digits = (text: string) => text.replace(/\D/g, '');
const mentions = (text: string, idea: Mention) => idea.some((word) => lower(text).includes(lower(word)));
const missing = (text: string, ideas: Mention[] = []) => ideas.filter((idea) => !mentions(text, idea));
const quote = (idea: Mention) => `“${idea[0]}”`;

/** Whether a secret appears; numbers are also matched ignoring spaces and dashes. */
function leaks(haystack: string, secret: string): boolean {
  if (lower(haystack).includes(lower(secret))) return true;
  const secretDigits = digits(secret);
  return (
    secretDigits.length >= 4 &&
    secretDigits.length >= secret.replace(/\s/g, '').length * 0.6 &&
    digits(haystack).includes(secretDigits)
  );
}

/** Every free-text value of the handoff, for the confidentiality check. */
function allText(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allText);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allText);
  return [];
}

interface Check {
  ok: boolean;
  miss: string;
  weight?: number;
}

function criterion(
  id: CriterionId,
  given: Check[],
  tip: string | undefined,
  extra?: Map<CriterionId, Check[]>,
): CriterionResult {
  const checks = [...given, ...(extra?.get(id) ?? [])];
  const max = checks.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const points = checks.reduce((sum, c) => sum + (c.ok ? (c.weight ?? 1) : 0), 0);
  const feedback = checks.filter((c) => !c.ok).map((c) => c.miss);
  if (feedback.length && tip) feedback.push(tip);
  return {
    id,
    label: CRITERION_LABELS[id],
    points,
    max,
    verdict: points === max ? 'met' : points === 0 ? 'missed' : 'partial',
    feedback,
  };
}

/**
 * The organisation's required moves for this handoff, each a check of the criterion of its move: the
 * rubric holds a trainee to their organisation's protocol as the panel does.
 */
function templateChecks(handoff: HandoffV1, template: HandoffTemplate | undefined): Map<CriterionId, Check[]> {
  const checks = new Map<CriterionId, Check[]>();
  if (!template) return checks;
  const unmet = new Set(unmetRequirements(template, handoff, handoff.template).map((m) => m.check));
  for (const check of requiredChecks(template, handoff.reason.code, handoff.channel)) {
    const item = template.checklist?.find((i) => i.id === check);
    const move = item ? (item.move ?? 'reason') : QUALITY_CHECK_RULES[check as QualityCheck].move;
    const what = item ? `“${localised(item.label, handoff.client.locale)}”` : `“${check.replace(/-/g, ' ')}”`;
    const list = checks.get(move) ?? [];
    list.push({ ok: !unmet.has(check), miss: `Your organisation requires ${what} for this handoff.` });
    checks.set(move, list);
  }
  return checks;
}

/** Scores a sent handoff against a scenario, and the organisation's required moves when a template is given. */
export function scoreHandoff(handoff: HandoffV1, scenario: Scenario, template?: HandoffTemplate): RubricResult {
  const required = templateChecks(handoff, template);
  const e = scenario.expect;
  const tips = scenario.tips ?? {};
  const recapText = [handoff.recap.summary, ...handoff.recap.tried, handoff.recap.expectation ?? ''].join('\n');
  const missingRecap = missing(recapText, e.recapMentions);
  const missingReason = missing(handoff.reason.detail, e.reasonMentions);
  const verification = handoff.customer.verification;
  const dated = handoff.actions.filter((a) => a.due).length;
  const receiverWords = [handoff.to.name, handoff.to.team, handoff.to.expertise].filter((w): w is string =>
    Boolean(w?.trim()),
  );
  const secrets = e.confidential.filter((secret) => allText(handoff).some((text) => leaks(text, secret)));

  const criteria = [
    criterion(
      'reason',
      [
        {
          ok: e.reasonCodes.includes(handoff.reason.code),
          miss: `The reason “${handoff.reason.code}” does not fit: this is ${e.reasonCodes.join(' or ')}.`,
        },
        {
          ok: !missingReason.length,
          miss: `Say why you cannot resolve it yourself: mention ${missingReason.map(quote).join(', ')}.`,
        },
      ],
      tips.reason,
      required,
    ),
    criterion(
      'informed',
      [
        {
          ok: handoff.script.customerInformed,
          miss: 'Tell the customer they are being transferred, to whom and why, before you transfer.',
        },
        e.apology
          ? {
              ok: handoff.script.apologyGiven,
              miss: 'Apologise for the transfer: this customer has been moved before.',
            }
          : { ok: handoff.script.detailsConfirmed, miss: 'Confirm the details with the customer before handing off.' },
      ],
      tips.informed,
      required,
    ),
    criterion(
      'recap',
      [
        ...e.recapMentions.map((idea) => ({
          ok: !missingRecap.includes(idea),
          miss: `The recap leaves out ${quote(idea)}: the customer would have to repeat it.`,
        })),
        ...(e.tried
          ? [
              {
                ok: handoff.recap.tried.some((t) => t.trim()),
                miss: 'List what has already been tried, so the receiver does not try it again.',
              },
            ]
          : []),
      ],
      tips.recap,
      required,
    ),
    criterion(
      'verification',
      [
        e.verification === 'verified'
          ? {
              ok: verification.status === 'verified' && Boolean(verification.method),
              miss: 'The customer was verified: carry it over (and how), so they are not asked again.',
              weight: 2,
            }
          : {
              ok: verification.status === 'unverified',
              miss: 'The customer was not verified: do not mark them verified; the receiver must verify.',
              weight: 2,
            },
      ],
      tips.verification,
      required,
    ),
    criterion(
      'actions',
      [
        {
          ok: handoff.actions.length >= e.actions.min,
          miss: `List the outstanding actions (at least ${e.actions.min}), each with an owner.`,
        },
        {
          ok: dated >= e.actions.withDue,
          miss: `Give the deadlines: ${e.actions.withDue} action${e.actions.withDue === 1 ? '' : 's'} here ha${e.actions.withDue === 1 ? 's' : 've'} a due time.`,
        },
      ],
      tips.actions,
      required,
    ),
    criterion(
      'managingUp',
      [
        {
          ok: mentions(handoff.to.team, e.receiverTeam),
          miss: `Hand to the right team: ${e.receiverTeam.join(' / ')}.`,
        },
        {
          ok: receiverWords.some((word) => lower(handoff.script.managingUp).includes(lower(word))),
          miss: 'Manage up: tell the customer who the receiver is and why they can help.',
        },
      ],
      tips.managingUp,
      required,
    ),
    criterion(
      'fallback',
      [
        {
          ok: Boolean(handoff.contingency?.fallback.phone),
          miss: 'Give a fallback number in case the transfer drops.',
        },
        e.ifUnavailablePlan
          ? {
              ok: (handoff.contingency?.plans?.length ?? 0) > 0 || Boolean(handoff.contingency?.note),
              miss: 'Say what happens if nobody picks up (a plan or a note), not just a number.',
            }
          : {
              ok: Boolean(handoff.contingency?.ifUnavailable ?? handoff.from.callback),
              miss: 'Say what happens if the receiver is unavailable, or leave your callback number.',
            },
      ],
      tips.fallback,
      required,
    ),
    criterion(
      'confidentiality',
      [
        {
          ok: !secrets.length,
          miss: `Leave out what the receiver must not see: ${secrets.map((s) => `“${s.slice(0, 24)}”`).join(', ')}.`,
          weight: 2,
        },
      ],
      tips.confidentiality,
      required,
    ),
  ];
  const points = criteria.reduce((sum, c) => sum + c.points, 0);
  const max = criteria.reduce((sum, c) => sum + c.max, 0);
  return { scenarioId: scenario.id, points, max, percent: Math.round((points / max) * 100), criteria };
}

/** Problems with a scenario file, each naming the field and what it should be; empty when it is usable. */
export function checkScenario(data: unknown, file = 'scenario'): string[] {
  const problems: string[] = [];
  const s = data as Partial<Scenario> | null;
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${file}: ${what}`);
  };
  if (!s || typeof s !== 'object') return [`${file}: must be a JSON object`];
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const idea = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(text);
  const ideas = (v: unknown) => Array.isArray(v) && v.every(idea);
  need(text(s.id) && /^[a-z0-9-]+$/.test(s.id!), '"id" must be lower-case letters, digits and dashes');
  need(text(s.title), '"title" is required');
  need(text(s.situation), '"situation" is required (what the trainee is told)');
  need(Boolean(s.crm) && typeof s.crm === 'object', '"crm" must be an object (what the CRM page shows)');
  if (s.crm?.directory !== undefined)
    problems.push(...checkDirectory(s.crm.directory).problems.map((p) => `${file}: crm.${p}`));
  const e = s.expect as Partial<ScenarioExpectations> | undefined;
  if (!e || typeof e !== 'object') return [...problems, `${file}: "expect" must be an object`];
  need(
    Array.isArray(e.reasonCodes) &&
      e.reasonCodes.length > 0 &&
      e.reasonCodes.every((c) => (REASON_CODES as readonly string[]).includes(c)),
    `"expect.reasonCodes" must list some of ${REASON_CODES.join(', ')}`,
  );
  need(
    e.reasonMentions === undefined || ideas(e.reasonMentions),
    '"expect.reasonMentions" must be a list of lists of words',
  );
  need(
    ideas(e.recapMentions) && e.recapMentions!.length > 0,
    '"expect.recapMentions" must be a non-empty list of lists of words, e.g. [["refund"], ["rent", "due date"]]',
  );
  need(
    e.verification === 'verified' || e.verification === 'unverified',
    '"expect.verification" must be "verified" or "unverified"',
  );
  need(
    Boolean(e.actions) &&
      Number.isInteger(e.actions!.min) &&
      Number.isInteger(e.actions!.withDue) &&
      e.actions!.withDue <= e.actions!.min,
    '"expect.actions" must be { "min": n, "withDue": m } with whole numbers, m ≤ n',
  );
  need(idea(e.receiverTeam), '"expect.receiverTeam" must be a non-empty list of words');
  need(
    Array.isArray(e.confidential) && e.confidential.every(text),
    '"expect.confidential" must be a list of strings (may be empty)',
  );
  for (const key of Object.keys(s.tips ?? {}))
    need((CRITERIA as readonly string[]).includes(key), `"tips.${key}" is not a criterion; use ${CRITERIA.join(', ')}`);
  return problems;
}
