/**
 * The facts of a handoff its receiver must carry, each with what identifies it: the amounts stated
 * with a currency, the receiver's deadlines, the customer's expectation, whether the customer is
 * verified (so it is not asked again, or is asked first), and the fallback if they cannot finish.
 */
import type { Contingency, HandoffV1, ReadBackFact, VerificationMethod } from '../payload/types.js';
import { contentStems, statedAmounts, type Amount } from './recognise.js';

interface Base extends ReadBackFact {
  /** Unique within the handoff; what a dismissal is remembered by. */
  key: string;
}

export type FactToCarry = Base &
  (
    | { kind: 'amount'; amount: Amount }
    | { kind: 'deadline'; due: string; task: string }
    | { kind: 'expectation'; text: string }
    | { kind: 'verification'; verified: boolean; method?: VerificationMethod }
    | { kind: 'fallback'; contingency: Contingency }
  );

const keyOf = (fact: ReadBackFact) => `${fact.kind}:${fact.field}:${fact.value ?? ''}`;

/** `32500` hundredths of `GBP` → `325 GBP`; `1250` → `12.50`. */
export function amountValue(amount: Amount): string {
  const number = amount.cents % 100 ? (amount.cents / 100).toFixed(2) : String(amount.cents / 100);
  return amount.currency ? `${number} ${amount.currency}` : number;
}

/** The texts amounts are read from, in the order a receiver reads the handoff. */
function amountSources(handoff: HandoffV1): [string, string][] {
  return [
    ['recap.summary', handoff.recap.summary],
    ...handoff.recap.tried.map((text, i): [string, string] => [`recap.tried[${i}]`, text]),
    ['recap.expectation', handoff.recap.expectation ?? ''],
    ...handoff.actions.map((a, i): [string, string] => [`actions[${i}].text`, a.text]),
    ['nextSteps', handoff.nextSteps ?? ''],
  ];
}

/** Amounts asked about at most: a recap that lists charges is not a quiz (and the ack's lists stay small). */
export const MAX_AMOUNT_FACTS = 10;

function amounts(handoff: HandoffV1): FactToCarry[] {
  const seen = new Set<string>();
  return amountSources(handoff)
    .flatMap(([field, text]) =>
      statedAmounts(text).flatMap((amount) => {
        const value = amountValue(amount);
        if (seen.has(value)) return [];
        seen.add(value);
        const fact = { kind: 'amount' as const, field, value };
        return [{ ...fact, key: keyOf(fact), amount }];
      }),
    )
    .slice(0, MAX_AMOUNT_FACTS);
}

function deadlines(handoff: HandoffV1): FactToCarry[] {
  const actions = handoff.actions.flatMap((action, i) => {
    if (action.owner !== 'receiver' || !action.due) return [];
    const fact = { kind: 'deadline' as const, field: `actions[${i}].due`, value: action.due };
    return [{ ...fact, key: keyOf(fact), due: action.due, task: action.text }];
  });
  const followUp = handoff.followUp;
  if (followUp?.by !== 'receiver') return actions;
  const fact = { kind: 'deadline' as const, field: 'followUp.at', value: followUp.at };
  return [...actions, { ...fact, key: keyOf(fact), due: followUp.at, task: followUp.note ?? '' }];
}

/** Every fact the read-back of this handoff is checked for, in the order they are asked about. */
export function factsToCarry(handoff: HandoffV1): FactToCarry[] {
  const facts: FactToCarry[] = [...deadlines(handoff), ...amounts(handoff)];
  const expectation = handoff.recap.expectation?.trim();
  // An expectation of only small words ("ok") has nothing a read-back could be checked for.
  if (expectation && contentStems(expectation).size) {
    const fact = { kind: 'expectation' as const, field: 'recap.expectation' };
    facts.push({ ...fact, key: keyOf(fact), text: expectation });
  }
  const { status, method } = handoff.customer.verification;
  const verification = { kind: 'verification' as const, field: 'customer.verification.status', value: status };
  facts.push({ ...verification, key: keyOf(verification), verified: status === 'verified', method });
  if (handoff.contingency) {
    const fact = { kind: 'fallback' as const, field: 'contingency' };
    facts.push({ ...fact, key: keyOf(fact), contingency: handoff.contingency });
  }
  return facts;
}
