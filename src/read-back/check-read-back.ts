/**
 * The receiver's read-back compared with the handoff: which of the facts they must carry it holds.
 * Deterministic and local (no network); English and Spanish wording. A hint, never a gate: the
 * receiver may dismiss what the check asks, and the acknowledgement is never refused for it.
 */
import type { ReadBackCheck, ReadBackFact } from '../payload/types.js';
import type { HandoffV1 } from '../payload/types.js';
import { factsToCarry, type FactToCarry } from './facts.js';
import { CONDITIONAL, FALLBACK_IDEAS, NOT_VERIFIED, VERIFIED, fold, sameCurrency } from './lexicon.js';
import { isTimeZone } from '../payload/zone-time.js';
import { amountsIn, contentStems, daysIn, digitRuns, localTime, namesDay, namesTime, timesIn } from './recognise.js';

export { isTimeZone };

export interface ReadBackOptions {
  /**
   * The receiver's time zone: "Friday" and "tomorrow" are read on their calendar.
   * @default the runtime's own
   */
  timeZone?: string;
  /**
   * When the read-back is written: "today" and "tomorrow" count from its day.
   * @default now
   */
  now?: Date;
  /** Keys of the facts the receiver dismissed (`FactToCarry.key`). */
  dismissed?: Iterable<string>;
}

export interface ReadBackResult {
  /** Every fact, whether the read-back carries it, and whether the receiver dismissed it. */
  facts: { fact: FactToCarry; found: boolean; dismissed: boolean }[];
  /** The same, as the acknowledgement records it. */
  check: ReadBackCheck;
}

/** The read-back as one folded text, with "no need to verify again" said as "already verified". */
function prepare(readBack: string): string {
  return fold(readBack).replace(
    /\bno need to (?:re-?verify|verify|ask)\b|\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:have to |need to )?re-?verify\b|\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:have to |need to )?(?:verify|ask)(?: (?:them|her|him|it))?(?: again)?\b|\bno (?:hace falta|hay que) (?:volver a )?verificar(?:le|la|lo)?\b|\bsin volver a verificar\b/g,
    ' already verified ',
  );
}

/** Enough of a text's content words: half of them, at most `cap`. */
function echoes(readBackStems: Set<string>, text: string, cap: number): boolean {
  const stems = [...contentStems(text)];
  if (!stems.length) return false;
  const need = Math.min(Math.ceil(stems.length / 2), cap);
  return stems.filter((s) => readBackStems.has(s)).length >= need;
}

interface Reading {
  text: string;
  stems: Set<string>;
  timeZone: string | undefined;
  now: Date;
}

function carries(fact: FactToCarry, r: Reading): boolean {
  switch (fact.kind) {
    case 'amount':
      return amountsIn(r.text).some(
        (a) => a.cents === fact.amount.cents && (!a.currency || sameCurrency(a.currency, fact.amount.currency!)),
      );
    case 'deadline': {
      const due = localTime(fact.due, r.timeZone);
      const days = daysIn(r.text, localTime(r.now, r.timeZone));
      return namesDay(days, due) || namesTime(timesIn(r.text), due.minutes);
    }
    case 'expectation':
      return echoes(r.stems, fact.text, 3);
    case 'verification':
      return fact.verified ? VERIFIED.test(r.text) && !NOT_VERIFIED.test(r.text) : NOT_VERIFIED.test(r.text);
    case 'fallback': {
      const { fallback, plans = [], note } = fact.contingency;
      const lastDigits = fallback.phone.replace(/\D/g, '').slice(-4);
      const { general, ...ideas } = FALLBACK_IDEAS;
      return (
        general!.test(r.text) ||
        (CONDITIONAL.test(r.text) && Object.values(ideas).some((idea) => idea.test(r.text))) ||
        digitRuns(r.text).some((run) => run.length >= 4 && run.endsWith(lastDigits)) ||
        plans.some((plan) => echoes(r.stems, plan.then, 3)) ||
        (note !== undefined && echoes(r.stems, note, 3))
      );
    }
  }
}

const entry = ({ kind, field, value }: FactToCarry): ReadBackFact =>
  value === undefined ? { kind, field } : { kind, field, value };

/** Checks a read-back against the handoff it acknowledges. */
export function checkReadBack(handoff: HandoffV1, readBack: string, options: ReadBackOptions = {}): ReadBackResult {
  const { timeZone, now = new Date() } = options;
  if (timeZone !== undefined && !isTimeZone(timeZone))
    throw new RangeError(`checkReadBack: "${timeZone}" is not an IANA time zone (e.g. "Europe/London", "UTC").`);
  const text = prepare(readBack);
  const reading: Reading = { text, stems: contentStems(text), timeZone, now };
  const dismissedKeys = new Set(options.dismissed ?? []);
  const facts = factsToCarry(handoff).map((fact) => {
    const found = carries(fact, reading);
    return { fact, found, dismissed: !found && dismissedKeys.has(fact.key) };
  });
  return {
    facts,
    check: {
      found: facts.filter((f) => f.found).map((f) => entry(f.fact)),
      missing: facts.filter((f) => !f.found && !f.dismissed).map((f) => entry(f.fact)),
      dismissed: facts.filter((f) => f.dismissed).map((f) => entry(f.fact)),
    },
  };
}
